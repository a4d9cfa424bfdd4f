import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexPack } from '#core/countryPackIndex.js';
import { isWithinOrganization } from '#core/headReport.js';
import {
  type RoutingContext,
  type RoutingInput,
  resolveTarget,
  routeReport,
  ruleMatches,
  UNSURE_ORGANIZATION_ID,
  UNSURE_ORGANIZATION_RULE_ID,
} from '#core/routing.js';
import type { Organization, RoutingRule } from '#schemas/countryPack.js';
import { loadKrPack } from './support/fixtures.js';

describe('routing totality over the real kr pack', () => {
  const pack = loadKrPack();
  const index = indexPack(pack);
  const orgIds = pack.organizations.map((o) => o.id);
  const categoryIds = pack.categories.map((c) => c.id);
  const input = fc.record({
    category: fc.constantFrom(...categoryIds),
    organizationId: fc.constantFrom(...orgIds),
    subjectIsHead: fc.boolean(),
    amount: fc.option(
      fc.oneof(
        fc.record({ value: fc.constantFrom(0, 999_999_999, 1_000_000_000, 1_000_000_001) }),
        fc.record({ value: fc.double({ min: 0, max: 1e18, noNaN: true }) }),
      ),
      { nil: undefined },
    ),
  });

  it('routes every category × organization × head-or-not × amount to an organization of the pack', () => {
    fc.assert(
      fc.property(input, (report) => {
        const decision = routeReport(report, index.routing);
        expect(decision).not.toBeNull();
        expect(index.organizations.has(decision!.organizationId)).toBe(true);
        expect(pack.routing.some((r) => r.id === decision!.ruleId)).toBe(true);
        if (report.subjectIsHead)
          expect(isWithinOrganization(index.organizations, decision!.organizationId, report.organizationId)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('routes exhaustively too: all categories, organizations and head flags (invariant 5)', () => {
    for (const category of categoryIds) {
      for (const organizationId of orgIds) {
        for (const subjectIsHead of [false, true]) {
          const decision = routeReport({ category, organizationId, subjectIsHead }, index.routing);
          expect(decision, `${category} / ${organizationId} / ${subjectIsHead}`).not.toBeNull();
          if (subjectIsHead) expect(isWithinOrganization(index.organizations, decision!.organizationId, organizationId)).toBe(false);
        }
      }
    }
  });

  it('sends a report about the head of a ministry to the ACRC, and about the head of the ACRC to the Board of Audit', () => {
    expect(routeReport({ category: 'budget-waste', organizationId: 'kr-molit', subjectIsHead: true }, index.routing)).toEqual({
      organizationId: 'kr-acrc',
      ruleId: 'head-of-organization-to-acrc',
    });
    expect(routeReport({ category: 'corruption', organizationId: 'kr-acrc', subjectIsHead: true }, index.routing)).toEqual({
      organizationId: 'kr-bai',
      ruleId: 'head-of-acrc-to-board-of-audit',
    });
  });

  it('follows the kr categories: corruption to the ACRC, budget waste to the reported organization, large public-interest cases to the ACRC', () => {
    const route = (r: RoutingInput) => routeReport(r, index.routing)?.organizationId;
    expect(route({ category: 'corruption', organizationId: 'kr-molit', subjectIsHead: false })).toBe('kr-acrc');
    expect(route({ category: 'budget-waste', organizationId: 'kr-molit', subjectIsHead: false })).toBe('kr-molit');
    expect(route({ category: 'public-interest', organizationId: 'kr-seoul', subjectIsHead: false, amount: { value: 1_000_000_000 } })).toBe(
      'kr-seoul',
    );
    expect(route({ category: 'public-interest', organizationId: 'kr-seoul', subjectIsHead: false, amount: { value: 1_000_000_001 } })).toBe(
      'kr-acrc',
    );
  });

  it('returns null for an organization that is not in the pack', () => {
    expect(routeReport({ category: 'corruption', organizationId: 'kr-nowhere', subjectIsHead: false }, index.routing)).toBeNull();
  });
});

describe('routing rules on a small pack', () => {
  const org = (id: string, type: string, parentId?: string): Organization => ({
    id,
    type,
    name: { en: id },
    ...(parentId ? { parentId } : {}),
  });
  const organizations = new Map(
    [
      org('xx-oversight', 'oversight'),
      org('xx-audit', 'audit'),
      org('xx-ministry', 'ministry'),
      org('xx-agency', 'agency', 'xx-ministry'),
      org('xx-city', 'city'),
    ].map((o) => [o.id, o] as const),
  );
  const ctx = (rules: RoutingRule[]): RoutingContext => ({ rules, organizations, oversightOrganizationId: 'xx-oversight' });
  const report = (over: Partial<RoutingInput> = {}): RoutingInput => ({
    category: 'bribery',
    organizationId: 'xx-agency',
    subjectIsHead: false,
    ...over,
  });

  it('takes the first matching rule, not a later more specific one', () => {
    const rules: RoutingRule[] = [
      { id: 'first', match: { category: 'bribery' }, routeTo: 'xx-audit' },
      { id: 'second', match: { category: 'bribery', organizationId: 'xx-agency' }, routeTo: 'xx-ministry' },
      { id: 'all', match: {}, routeTo: '@reported' },
    ];
    expect(routeReport(report(), ctx(rules))).toEqual({ organizationId: 'xx-audit', ruleId: 'first' });
    expect(routeReport(report({ category: 'waste' }), ctx(rules))).toEqual({ organizationId: 'xx-agency', ruleId: 'all' });
  });

  it('resolves @reported, @parent and @oversight', () => {
    const agency = organizations.get('xx-agency')!;
    const city = organizations.get('xx-city')!;
    const c = ctx([]);
    expect(resolveTarget('@reported', agency, c)).toBe('xx-agency');
    expect(resolveTarget('@parent', agency, c)).toBe('xx-ministry');
    expect(resolveTarget('@parent', city, c)).toBeNull();
    expect(resolveTarget('@oversight', city, c)).toBe('xx-oversight');
    expect(resolveTarget('xx-audit', city, c)).toBe('xx-audit');
    expect(routeReport(report(), ctx([{ id: 'p', match: {}, routeTo: '@parent' }]))).toEqual({
      organizationId: 'xx-ministry',
      ruleId: 'p',
    });
    expect(routeReport(report(), ctx([{ id: 'o', match: {}, routeTo: '@oversight' }]))).toEqual({
      organizationId: 'xx-oversight',
      ruleId: 'o',
    });
    expect(routeReport(report(), ctx([{ id: 'r', match: {}, routeTo: '@reported' }]))).toEqual({
      organizationId: 'xx-agency',
      ruleId: 'r',
    });
  });

  it('never routes a head report to an organization under the reported one (invariant 5)', () => {
    const rules: RoutingRule[] = [
      { id: 'to-the-agency', match: { subjectIsHead: true }, routeTo: 'xx-agency' },
      { id: 'fallback', match: {}, routeTo: '@oversight' },
    ];
    // xx-agency sits under xx-ministry: its staff answer to the head of the ministry.
    expect(routeReport(report({ organizationId: 'xx-ministry', subjectIsHead: true }), ctx(rules))).toEqual({
      organizationId: 'xx-oversight',
      ruleId: 'fallback',
    });
    // Not a head report, or about another organization's head: the rule applies.
    expect(routeReport(report({ organizationId: 'xx-city', subjectIsHead: true }), ctx(rules))).toEqual({
      organizationId: 'xx-agency',
      ruleId: 'to-the-agency',
    });
  });

  it('passes over @parent for an organization without a parent', () => {
    const rules: RoutingRule[] = [
      { id: 'parent', match: {}, routeTo: '@parent' },
      { id: 'fallback', match: {}, routeTo: '@oversight' },
    ];
    expect(routeReport(report({ organizationId: 'xx-city' }), ctx(rules))).toEqual({ organizationId: 'xx-oversight', ruleId: 'fallback' });
  });

  it('passes over a rule whose target is not an organization of the pack', () => {
    const rules: RoutingRule[] = [
      { id: 'dangling', match: {}, routeTo: 'xx-gone' },
      { id: 'fallback', match: {}, routeTo: '@reported' },
    ];
    expect(routeReport(report(), ctx(rules))).toEqual({ organizationId: 'xx-agency', ruleId: 'fallback' });
  });

  it('applies amountOver strictly, and treats a missing amount as 0', () => {
    const rules: RoutingRule[] = [
      { id: 'big', match: { amountOver: 1000 }, routeTo: 'xx-audit' },
      { id: 'any-amount', match: { amountOver: 0 }, routeTo: 'xx-ministry' },
      { id: 'all', match: {}, routeTo: '@reported' },
    ];
    const route = (amount: RoutingInput['amount']) => routeReport(report({ amount }), ctx(rules))?.ruleId;
    expect(route({ value: 1001 })).toBe('big');
    expect(route({ value: 1000 })).toBe('any-amount');
    expect(route({ value: 0.5 })).toBe('any-amount');
    expect(route({ value: 0 })).toBe('all');
    expect(route(null)).toBe('all');
    expect(route(undefined)).toBe('all');
  });

  it('matches on category, organization id, organization type and head flag', () => {
    const agency = organizations.get('xx-agency')!;
    const r = report();
    expect(ruleMatches({ id: 'a', match: {}, routeTo: '@reported' }, r, agency)).toBe(true);
    expect(ruleMatches({ id: 'a', match: { category: 'waste' }, routeTo: '@reported' }, r, agency)).toBe(false);
    expect(ruleMatches({ id: 'a', match: { organizationId: 'xx-city' }, routeTo: '@reported' }, r, agency)).toBe(false);
    expect(ruleMatches({ id: 'a', match: { organizationId: 'xx-agency' }, routeTo: '@reported' }, r, agency)).toBe(true);
    expect(ruleMatches({ id: 'a', match: { organizationType: 'ministry' }, routeTo: '@reported' }, r, agency)).toBe(false);
    expect(ruleMatches({ id: 'a', match: { organizationType: 'agency' }, routeTo: '@reported' }, r, agency)).toBe(true);
    expect(ruleMatches({ id: 'a', match: { subjectIsHead: true }, routeTo: '@reported' }, r, agency)).toBe(false);
    expect(ruleMatches({ id: 'a', match: { subjectIsHead: false }, routeTo: '@reported' }, r, agency)).toBe(true);
    expect(
      ruleMatches(
        { id: 'a', match: { category: 'bribery', organizationType: 'agency', subjectIsHead: false }, routeTo: '@reported' },
        r,
        agency,
      ),
    ).toBe(true);
  });

  it('skips a rule pointing at the subject organization for a report about its head', () => {
    const rules: RoutingRule[] = [
      { id: 'to-reported', match: {}, routeTo: '@reported' },
      { id: 'named-agency', match: { subjectIsHead: true }, routeTo: 'xx-agency' },
      { id: 'to-oversight', match: {}, routeTo: '@oversight' },
    ];
    expect(routeReport(report({ subjectIsHead: false }), ctx(rules))).toEqual({ organizationId: 'xx-agency', ruleId: 'to-reported' });
    expect(routeReport(report({ subjectIsHead: true }), ctx(rules))).toEqual({ organizationId: 'xx-oversight', ruleId: 'to-oversight' });
    // the head of the oversight body goes to the next rule that does not point at the oversight body
    expect(routeReport(report({ organizationId: 'xx-oversight', subjectIsHead: true }), ctx(rules))).toEqual({
      organizationId: 'xx-agency',
      ruleId: 'named-agency',
    });
    // and when every remaining rule points at the subject, nothing is left
    expect(routeReport(report({ subjectIsHead: true }), ctx([rules[0]!, rules[1]!]))).toBeNull();
  });

  it('sends a report whose organization the reporter could not name to the oversight body, whatever the rules', () => {
    const rules: RoutingRule[] = [
      { id: 'head', match: { subjectIsHead: true }, routeTo: 'xx-audit' },
      { id: 'to-reported', match: {}, routeTo: '@reported' },
    ];
    for (const subjectIsHead of [false, true]) {
      expect(routeReport(report({ organizationId: UNSURE_ORGANIZATION_ID, subjectIsHead }), ctx(rules))).toEqual({
        organizationId: 'xx-oversight',
        ruleId: UNSURE_ORGANIZATION_RULE_ID,
      });
    }
    expect(
      routeReport(report({ organizationId: UNSURE_ORGANIZATION_ID }), { ...ctx(rules), oversightOrganizationId: 'xx-gone' }),
    ).toBeNull();
  });

  it('returns null when no rule matches', () => {
    const rules: RoutingRule[] = [{ id: 'only-bribery', match: { category: 'bribery' }, routeTo: '@reported' }];
    expect(routeReport(report({ category: 'waste' }), ctx(rules))).toBeNull();
    expect(routeReport(report(), ctx([]))).toBeNull();
  });

  it('never routes a head report to its subject, whatever the rules', () => {
    const target = fc.constantFrom<RoutingRule['routeTo']>('@reported', '@parent', '@oversight', ...organizations.keys(), 'xx-gone');
    const rule = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      match: fc.record(
        {
          category: fc.constantFrom('bribery', 'waste'),
          organizationType: fc.constantFrom('agency', 'city', 'ministry', 'oversight'),
          subjectIsHead: fc.boolean(),
          amountOver: fc.constantFrom(0, 100),
        },
        { requiredKeys: [] },
      ),
      routeTo: target,
    });
    fc.assert(
      fc.property(
        fc.array(rule, { maxLength: 6 }),
        fc.constantFrom(...organizations.keys()),
        fc.constantFrom('bribery', 'waste'),
        fc.option(fc.record({ value: fc.constantFrom(0, 50, 500) }), { nil: undefined }),
        (rules, organizationId, category, amount) => {
          const decision = routeReport({ category, organizationId, subjectIsHead: true, amount }, ctx(rules));
          if (decision) {
            expect(decision.organizationId).not.toBe(organizationId);
            expect(organizations.has(decision.organizationId)).toBe(true);
          }
        },
      ),
    );
  });
});
