// GET /stats: the caller's organization at a glance — counts by status, overdue, escalated, and the median days
// to acknowledge and to close.
import type { StatsResponse } from '#schemas/agency.js';
import { isPastDeadline } from '../caseDeadlines.js';
import { CASE_STATUSES, type CaseStatus } from '#contract/caseLife.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import type { CaseRecord } from '../ports.js';
import type { AgencyDeps } from './deps.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Days from one instant to another, to one decimal. */
export const daysBetween = (from: string, to: string) => Math.round(((Date.parse(to) - Date.parse(from)) / DAY_MS) * 10) / 10;

export function summarize(organizationId: string, records: CaseRecord[], now: Date): StatsResponse {
  const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
  for (const r of records) byStatus[r.status]++;
  return {
    organizationId,
    total: records.length,
    byStatus,
    overdue: records.filter((r) => r.overdue || isPastDeadline(r, now)).length,
    escalated: records.filter((r) => r.escalatedTo !== null).length,
    medianDaysToAcknowledge: median(records.filter((r) => r.acknowledgedAt).map((r) => daysBetween(r.createdAt, r.acknowledgedAt!))),
    medianDaysToClose: median(records.filter((r) => r.closedAt).map((r) => daysBetween(r.createdAt, r.closedAt!))),
  };
}

export async function organizationStats(deps: AgencyDeps, user: AgencyUser): Promise<StatsResponse> {
  return summarize(user.organizationId, await deps.store.organizationCases(user.organizationId), deps.clock.now());
}
