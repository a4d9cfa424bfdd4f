import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeStatus } from '#core/agency/changeStatus.js';
import { median, organizationStats, summarize } from '#core/agency/organizationStats.js';
import { sweepDeadlines } from '#core/agency/sweepDeadlines.js';
import { transferCase } from '#core/agency/transferCase.js';
import type { CaseRecord } from '#core/ports.js';
import { statsResponse, updateCaseRequest } from '#schemas/agency.js';
import { DAY_MS, HOUR_MS, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';
import { TEST_NOW } from '../support/memoryPorts.js';

const handler = staff('handler@kr-molit');
const T0 = Date.parse(TEST_NOW);
const iso = (ms: number) => new Date(T0 + ms).toISOString();

function record(overrides: Partial<CaseRecord>): CaseRecord {
  return {
    caseId: 'CASE',
    organizationId: 'kr-molit',
    reportedOrganizationId: 'kr-molit',
    category: 'budget-waste',
    language: 'ko',
    status: 'received',
    createdAt: iso(0),
    updatedAt: iso(0),
    acknowledgeBy: iso(7 * DAY_MS),
    respondBy: iso(60 * DAY_MS),
    subjectIsHead: false,
    anonymity: 'anonymous',
    routingRuleId: 'budget-waste-to-reported-organization',
    contentFingerprint: 'x',
    sealedReport: 'x',
    sealedContact: null,
    contactSharedWith: null,
    resolution: null,
    acknowledgedAt: null,
    closedAt: null,
    overdue: false,
    dueAt: iso(7 * DAY_MS),
    escalatedTo: null,
    escalatedAt: null,
    auditSeq: 0,
    auditHash: 'x',
    whistleblowerMessages: 0,
    whistleblowerMessagesSeen: 0,
    deleteAfter: null,
    legalHold: null,
    ...overrides,
  };
}

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([5])).toBe(5);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([3, 3, 1, 10, 2])).toBe(3);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([1, 2])).toBe(1.5);
    expect(median([10, 1, 4, 2])).toBe(3);
    expect(median([2, 2, 2, 9])).toBe(2);
  });

  it('is null for nothing', () => {
    expect(median([])).toBeNull();
  });

  it('leaves its input alone and lies between the smallest and largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 30 }), (values) => {
        const copy = [...values];
        const m = median(values)!;
        expect(values).toEqual(copy);
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
        // As many values on either side.
        expect(values.filter((v) => v < m).length).toBeLessThanOrEqual(values.length / 2);
        expect(values.filter((v) => v > m).length).toBeLessThanOrEqual(values.length / 2);
      }),
    );
  });
});

describe('summarize', () => {
  it('counts by status, overdue (flagged or past the deadline) and escalated, with medians in days', () => {
    const now = new Date(T0 + 10 * DAY_MS);
    const stats = summarize(
      'kr-molit',
      [
        // Received 10 days ago, never acknowledged: past its deadline, not yet swept.
        record({ caseId: 'A' }),
        // Swept and escalated.
        record({ caseId: 'B', overdue: true, dueAt: null, escalatedTo: 'kr-acrc' }),
        record({ caseId: 'C', status: 'acknowledged', acknowledgedAt: iso(DAY_MS), dueAt: iso(60 * DAY_MS) }),
        record({ caseId: 'D', status: 'in_review', acknowledgedAt: iso(1.5 * DAY_MS), dueAt: iso(60 * DAY_MS) }),
        record({
          caseId: 'E',
          status: 'closed',
          acknowledgedAt: iso(3 * DAY_MS),
          closedAt: iso(5 * DAY_MS),
          resolution: 'referred',
          dueAt: null,
        }),
        record({
          caseId: 'F',
          status: 'closed',
          acknowledgedAt: iso(6 * DAY_MS),
          closedAt: iso(8 * DAY_MS + 12 * HOUR_MS),
          resolution: 'substantiated',
          dueAt: null,
          escalatedTo: 'kr-acrc',
        }),
      ],
      now,
    );
    expect(statsResponse.parse(stats)).toEqual(stats);
    expect(stats).toEqual({
      organizationId: 'kr-molit',
      total: 6,
      byStatus: { received: 2, acknowledged: 1, in_review: 1, investigating: 0, transferred: 0, closed: 2 },
      overdue: 2,
      escalated: 2,
      // 1, 1.5, 3, 6 days
      medianDaysToAcknowledge: 2.25,
      // 5 and 8.5 days
      medianDaysToClose: 6.75,
    });
  });

  it('gives zeros and no medians for an organization without cases', () => {
    expect(summarize('kr-mohw', [], new Date(T0))).toEqual({
      organizationId: 'kr-mohw',
      total: 0,
      byStatus: { received: 0, acknowledged: 0, in_review: 0, investigating: 0, transferred: 0, closed: 0 },
      overdue: 0,
      escalated: 0,
      medianDaysToAcknowledge: null,
      medianDaysToClose: null,
    });
  });

  it('rounds days to one decimal', () => {
    const stats = summarize('kr-molit', [record({ status: 'acknowledged', acknowledgedAt: iso(DAY_MS / 3) })], new Date(T0));
    expect(stats.medianDaysToAcknowledge).toBe(0.3);
  });
});

describe('organizationStats', () => {
  it('summarizes the caller’s organization from cases worked through the use cases', async () => {
    const deps = agencyDeps();
    const move = (caseId: string, body: Record<string, unknown>) => changeStatus(deps, handler, caseId, updateCaseRequest.parse(body));
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await fileReport(deps)).caseId);
    const elsewhere = await fileReport(deps, { category: 'code-of-conduct', organizationId: 'kr-moef' });
    const [a, b, c, untouched] = ids as [string, string, string, string];

    deps.clock.set(iso(DAY_MS));
    await move(a, { status: 'acknowledged' });
    deps.clock.set(iso(2 * DAY_MS));
    await move(b, { status: 'acknowledged' });
    deps.clock.set(iso(4 * DAY_MS));
    await move(c, { status: 'acknowledged' });
    deps.clock.set(iso(5 * DAY_MS));
    await move(b, { status: 'in_review' });
    deps.clock.set(iso(10 * DAY_MS));
    await move(a, { status: 'closed', resolution: 'substantiated' });
    await sweepDeadlines(deps, deps.clock.now());
    deps.clock.set(iso(21 * DAY_MS));
    await move(c, { status: 'closed', resolution: 'unsubstantiated' });

    const stats = await organizationStats(deps, handler);
    expect(stats).toEqual({
      organizationId: 'kr-molit',
      total: 4,
      byStatus: { received: 1, acknowledged: 0, in_review: 1, investigating: 0, transferred: 0, closed: 2 },
      overdue: 1,
      escalated: 1,
      medianDaysToAcknowledge: 2,
      medianDaysToClose: 15.5,
    });
    expect(deps.store.record(untouched).escalatedTo).toBe('kr-acrc');

    const moef = await organizationStats(deps, staff('supervisor@kr-moef'));
    expect(moef).toMatchObject({ organizationId: 'kr-moef', total: 1, overdue: 1, escalated: 1, medianDaysToAcknowledge: null });
    expect(deps.store.record(elsewhere.caseId).organizationId).toBe('kr-moef');
  });

  it('counts a transferred case in its new organization only', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    await transferCase(deps, staff('supervisor@kr-molit'), filed.caseId, { organizationId: 'kr-moef', reason: 'Theirs.' });
    expect((await organizationStats(deps, handler)).total).toBe(0);
    expect(await organizationStats(deps, staff('handler@kr-moef'))).toMatchObject({ total: 1, byStatus: { received: 1 } });
  });
});
