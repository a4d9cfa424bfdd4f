// The case life: received → acknowledged → in_review → investigating → closed. A case can be closed once it is
// acknowledged; a closed case stays closed; a transfer puts the case back to received in another organization's
// queue (through its own route).

export const CASE_STATUSES = ['received', 'acknowledged', 'in_review', 'investigating', 'transferred', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const RESOLUTIONS = ['substantiated', 'unsubstantiated', 'insufficient_information', 'referred'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** Where a case may go from each status by a status change (PATCH /cases/{caseId}). */
export const NEXT_STATUSES: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  received: ['acknowledged'],
  acknowledged: ['in_review', 'closed'],
  in_review: ['investigating', 'closed'],
  investigating: ['closed'],
  transferred: ['received'],
  closed: [],
};

export function allowedNextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return NEXT_STATUSES[from];
}

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}
