// Which staff hear of a case change, decided from the case's facts before and after it (a stream record's old and new
// images, reduced to CaseFacts): pure, so every rule is tested without a table or a mail server.
import type { CaseFacts } from './ports.js';

export const NOTICE_KINDS = ['newCase', 'reply', 'assigned', 'deadline'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * Who a notice goes to: a named member of the organization when there is one (`member`), else (or when that member
 * is not in the directory) everyone of the organization, its supervisors, or nobody.
 */
export interface Audience {
  organizationId: string;
  member: string | null;
  otherwise: 'staff' | 'supervisors' | 'nobody';
}

export interface Notice {
  kind: NoticeKind;
  caseId: string;
  audience: Audience;
}

/**
 * The notices one change of a case item makes:
 * - a new case (inserted), or a case transferred in (organization changed): the organization's staff;
 * - a reporter's reply (their message count went up): the assignee, else the organization's staff;
 * - an assignment (assignee changed to someone): that person.
 * A case that went away (or a change of anything else) makes none.
 */
export function noticesOfChange(before: CaseFacts | null, after: CaseFacts | null): Notice[] {
  if (!after) return [];
  const { caseId, organizationId } = after;
  const notices: Notice[] = [];
  const arrived = !before || before.organizationId !== organizationId;
  if (arrived) notices.push({ kind: 'newCase', caseId, audience: { organizationId, member: null, otherwise: 'staff' } });
  if (before && !arrived && after.whistleblowerMessages > before.whistleblowerMessages) {
    notices.push({ kind: 'reply', caseId, audience: { organizationId, member: after.assignee, otherwise: 'staff' } });
  }
  if (after.assignee && (arrived || before?.assignee !== after.assignee)) {
    notices.push({ kind: 'assigned', caseId, audience: { organizationId, member: after.assignee, otherwise: 'nobody' } });
  }
  return notices;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The window the daily run reminds of: deadlines between one and two days from `at`. Run once a day, every pending
 * deadline falls in exactly one run's window, about two days ahead.
 */
export function reminderWindow(at: Date): { from: string; to: string } {
  return { from: new Date(at.getTime() + DAY_MS).toISOString(), to: new Date(at.getTime() + 2 * DAY_MS).toISOString() };
}

/** A deadline two days away: to the assignee, else the organization's supervisors. */
export function deadlineNotice(facts: CaseFacts): Notice {
  return {
    kind: 'deadline',
    caseId: facts.caseId,
    audience: { organizationId: facts.organizationId, member: facts.assignee, otherwise: 'supervisors' },
  };
}
