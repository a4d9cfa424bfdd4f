// The queue's search: who a case is assigned to, its category, how it arrived and when it was filed. Applied by the
// store inside the one Query a page costs (a filter on the organization's own partition), so a page may come back
// with fewer cases than asked for and a cursor to the rest. This predicate is the meaning the store's filter
// expression must keep (functions/adapters/dynamoCaseStore.ts, checked by the same tests).
import type { AgencyUser } from '#contract/agencyRoles.js';
import type { IntakeChannel } from '#contract/intakeChannel.js';
import type { ListCasesQuery } from '#schemas/agency.js';
import type { CaseRecord } from '../ports.js';

export interface QueueFilter {
  /** A username, or null for the cases nobody is assigned. */
  assignee?: string | null;
  category?: string;
  channel?: IntakeChannel;
  /** Filed at or after this instant. */
  createdFrom?: string;
  /** Filed before this instant. */
  createdBefore?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The filter a query asks for: `me` is the caller, `none` the unassigned cases; dates are whole UTC days. */
export function queueFilterOf(
  query: Pick<ListCasesQuery, 'assignee' | 'category' | 'channel' | 'from' | 'to'>,
  user: AgencyUser,
): QueueFilter {
  return {
    ...(query.assignee !== undefined
      ? { assignee: query.assignee === 'me' ? user.username : query.assignee === 'none' ? null : query.assignee }
      : {}),
    ...(query.category !== undefined ? { category: query.category } : {}),
    ...(query.channel !== undefined ? { channel: query.channel } : {}),
    ...(query.from !== undefined ? { createdFrom: `${query.from}T00:00:00.000Z` } : {}),
    ...(query.to !== undefined ? { createdBefore: new Date(Date.parse(`${query.to}T00:00:00.000Z`) + DAY_MS).toISOString() } : {}),
  };
}

export function matchesQueueFilter(record: CaseRecord, filter: QueueFilter): boolean {
  if (filter.assignee !== undefined && (record.assignee ?? null) !== filter.assignee) return false;
  if (filter.category !== undefined && record.category !== filter.category) return false;
  if (filter.channel !== undefined && (record.channel ?? 'web') !== filter.channel) return false;
  if (filter.createdFrom !== undefined && record.createdAt < filter.createdFrom) return false;
  if (filter.createdBefore !== undefined && record.createdAt >= filter.createdBefore) return false;
  return true;
}

export const isFiltered = (filter: QueueFilter) => Object.keys(filter).length > 0;
