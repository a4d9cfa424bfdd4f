// The case life: received → acknowledged → in_review → investigating → closed; a transfer puts the case back
// to received in another organization's queue.
export const CASE_STATUSES = ['received', 'acknowledged', 'in_review', 'investigating', 'transferred', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const RESOLUTIONS = ['substantiated', 'unsubstantiated', 'insufficient_information', 'referred'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
