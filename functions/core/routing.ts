// Routing over the country pack's ordered rules: the first rule whose every condition matches decides.
// Invariant 5: a report about an organization's head never lands in that organization's queue, nor in the queue of
// an organization under it; a rule whose target would be one of them is passed over for such a report.
import type { Organization, RoutingRule, RouteTarget } from '#schemas/countryPack.js';
import { barredFromCase } from './headReport.js';

export interface RoutingInput {
  category: string;
  organizationId: string;
  subjectIsHead: boolean;
  amount?: { value: number } | null;
}

export interface RoutingContext {
  rules: RoutingRule[];
  organizations: ReadonlyMap<string, Organization>;
  oversightOrganizationId: string;
}

export interface RoutingDecision {
  organizationId: string;
  ruleId: string;
}

export function ruleMatches(rule: RoutingRule, input: RoutingInput, reported: Organization): boolean {
  const m = rule.match;
  if (m.category !== undefined && m.category !== input.category) return false;
  if (m.organizationId !== undefined && m.organizationId !== reported.id) return false;
  if (m.organizationType !== undefined && m.organizationType !== reported.type) return false;
  if (m.subjectIsHead !== undefined && m.subjectIsHead !== input.subjectIsHead) return false;
  if (m.amountOver !== undefined && !((input.amount?.value ?? 0) > m.amountOver)) return false;
  return true;
}

/** Resolves a rule's target to an organization id, or null when it points nowhere for this report. */
export function resolveTarget(target: RouteTarget, reported: Organization, ctx: RoutingContext): string | null {
  switch (target) {
    case '@reported':
      return reported.id;
    case '@parent':
      return reported.parentId ?? null;
    case '@oversight':
      return ctx.oversightOrganizationId;
    default:
      return target;
  }
}

/** Returns the organization a report goes to, or null when no rule can take it (a pack error). */
export function routeReport(input: RoutingInput, ctx: RoutingContext): RoutingDecision | null {
  const reported = ctx.organizations.get(input.organizationId);
  if (!reported) return null;
  for (const rule of ctx.rules) {
    if (!ruleMatches(rule, input, reported)) continue;
    const target = resolveTarget(rule.routeTo, reported, ctx);
    if (target === null || !ctx.organizations.has(target)) continue;
    if (barredFromCase(ctx.organizations, { subjectIsHead: input.subjectIsHead, reportedOrganizationId: reported.id }, target)) continue;
    return { organizationId: target, ruleId: rule.id };
  }
  return null;
}
