// Routing, the one implementation: the country pack's ordered rules, first match decides. The server files each
// report by it (functions/core/routing.ts), and the web app's review step shows where a report will go, and why,
// before it is sent, from the rules GET /config carries. Structural types only: the contract imports nothing of ours.
//
// Invariant 5: a report about an organization's head never lands in that organization's queue, nor in the queue
// of an organization under it (by parentId, at any depth); a rule whose target would be one of them is passed over.
// A report whose organization the reporter could not name ("I'm not sure") goes to the oversight body, which
// triages: no rule about the reported organization can apply to it.

import { isWithinOrganization } from './organizationTree.js';

export { isWithinOrganization };

/** The organization id a report carries when the reporter is not sure which organization it is about. */
export const UNSURE_ORGANIZATION_ID = 'unsure';
/** The category id a pack gives its "I'm not sure" type of report (routed by the pack's own rule, to its triage). */
export const UNSURE_CATEGORY_ID = 'unsure';
/** The rule id recorded for a report about an organization the reporter could not name. */
export const UNSURE_ORGANIZATION_RULE_ID = 'organization-unsure-to-oversight';

export interface RoutableOrganization {
  id: string;
  type: string;
  parentId?: string | undefined;
}

export interface RoutingRuleShape {
  id: string;
  match: {
    category?: string | undefined;
    organizationId?: string | undefined;
    organizationType?: string | undefined;
    subjectIsHead?: boolean | undefined;
    amountOver?: number | undefined;
  };
  /** An organization id, or `@reported`, `@parent` or `@oversight`. */
  routeTo: string;
}

export interface RoutingInput {
  category: string;
  organizationId: string;
  subjectIsHead: boolean;
  amount?: { value: number } | null | undefined;
}

export interface RoutingContext<O extends RoutableOrganization = RoutableOrganization> {
  rules: readonly RoutingRuleShape[];
  organizations: ReadonlyMap<string, O>;
  oversightOrganizationId: string;
}

export interface RoutingDecision {
  organizationId: string;
  ruleId: string;
}

/** Whether a case (or a report being routed) must be kept from `organizationId`. */
export function barredFromCase(
  organizations: ReadonlyMap<string, { parentId?: string | undefined }>,
  report: { subjectIsHead: boolean; reportedOrganizationId: string },
  organizationId: string,
): boolean {
  return report.subjectIsHead && isWithinOrganization(organizations, organizationId, report.reportedOrganizationId);
}

export function ruleMatches(rule: RoutingRuleShape, input: RoutingInput, reported: RoutableOrganization): boolean {
  const m = rule.match;
  if (m.category !== undefined && m.category !== input.category) return false;
  if (m.organizationId !== undefined && m.organizationId !== reported.id) return false;
  if (m.organizationType !== undefined && m.organizationType !== reported.type) return false;
  if (m.subjectIsHead !== undefined && m.subjectIsHead !== input.subjectIsHead) return false;
  if (m.amountOver !== undefined && !((input.amount?.value ?? 0) > m.amountOver)) return false;
  return true;
}

/** Resolves a rule's target to an organization id, or null when it points nowhere for this report. */
export function resolveTarget(target: string, reported: RoutableOrganization, ctx: RoutingContext): string | null {
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
  if (input.organizationId === UNSURE_ORGANIZATION_ID) {
    return ctx.organizations.has(ctx.oversightOrganizationId)
      ? { organizationId: ctx.oversightOrganizationId, ruleId: UNSURE_ORGANIZATION_RULE_ID }
      : null;
  }
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
