// Which deadline a case is waiting on, and whether it has passed. A received case waits to be acknowledged;
// an open case waits for its response; a closed case waits on nothing.
import type { CaseStatus } from '#contract/caseLife.js';

interface DeadlineFields {
  status: CaseStatus;
  acknowledgeBy: string;
  respondBy: string;
}

export function pendingDeadline(record: DeadlineFields): { kind: 'acknowledge' | 'respond'; at: string } | null {
  if (record.status === 'received') return { kind: 'acknowledge', at: record.acknowledgeBy };
  if (record.status === 'closed') return null;
  return { kind: 'respond', at: record.respondBy };
}

export function isPastDeadline(record: DeadlineFields, now: Date): boolean {
  const pending = pendingDeadline(record);
  return pending !== null && Date.parse(pending.at) < now.getTime();
}

/**
 * After a status change: overdue if the deadline now pending has passed. A pending deadline stays indexed for the
 * sweep even when it has already passed, so that the sweep still records the miss and escalates the case (a move
 * or a transfer can land on a passed deadline before the sweep saw it).
 */
export function deadlineState(record: DeadlineFields, now: Date): { overdue: boolean; dueAt: string | null } {
  const pending = pendingDeadline(record);
  if (!pending) return { overdue: false, dueAt: null };
  return { overdue: isPastDeadline(record, now), dueAt: pending.at };
}
