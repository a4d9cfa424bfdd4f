// How long a closed case is kept, and when it is due for deletion (issue 14). The pack's `retention` counts from
// closure; a case that is not closed is never due. A legal hold keeps a case whatever its date says: the date stays
// on the case (lifting the hold makes it due again at once if it has passed), but nothing deletes it while held.
import type { Country } from '#schemas/countryPack.js';
import type { CaseRecord } from './ports.js';

/** A legal hold on a case: who placed it and when. The reason is in the case's sealed notes and its audit event. */
export interface LegalHold {
  placedAt: string;
  placedBy: string;
}

type RetentionRule = Country['retention'];

/**
 * Days the table's TTL waits past a case's deletion date before DynamoDB removes the items itself. The sweep deletes
 * first (evidence included); TTL is the backstop should the sweep stay broken longer than its alarms give anyone to
 * fix it, and it must not beat the sweep to the case item, which is what finds the evidence to delete.
 */
export const TTL_GRACE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function retentionYearsFor(rule: Pick<RetentionRule, 'years' | 'byCategory'>, category: string): number {
  return rule.byCategory?.[category] ?? rule.years;
}

/** `closedAt` plus `years` calendar years, in UTC (29 February closes to 1 March of a common year). */
export function deletionDate(closedAt: string, years: number): string {
  const date = new Date(closedAt);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString();
}

/** After any change of status or owner: the date a case is deleted at, or null while it is not closed. */
export function retentionState(
  record: Pick<CaseRecord, 'status' | 'closedAt' | 'category'>,
  rule: Pick<RetentionRule, 'years' | 'byCategory'>,
): { deleteAfter: string | null } {
  if (record.status !== 'closed' || !record.closedAt) return { deleteAfter: null };
  return { deleteAfter: deletionDate(record.closedAt, retentionYearsFor(rule, record.category)) };
}

/** Whether the sweep deletes the case at `now`: closed, past its date, and not held. */
export function isDueForDeletion(record: Pick<CaseRecord, 'deleteAfter' | 'legalHold'>, now: Date): boolean {
  return record.deleteAfter !== null && record.legalHold === null && Date.parse(record.deleteAfter) <= now.getTime();
}

/**
 * The TTL (seconds since the epoch) every item of the case carries: none while the case is open or held, so DynamoDB
 * never removes a held case, nor a case whose date a hold or a change moved.
 */
export function expiryOf(record: Pick<CaseRecord, 'deleteAfter' | 'legalHold'>): number | null {
  if (record.deleteAfter === null || record.legalHold !== null) return null;
  return Math.floor((Date.parse(record.deleteAfter) + TTL_GRACE_DAYS * DAY_MS) / 1000);
}
