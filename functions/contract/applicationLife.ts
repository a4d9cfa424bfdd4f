// Applications for protection or a reward, linked to a case (docs/applications.md): what a reporter may apply for,
// the states an application goes through, and the id that names one. A case has at most one application of each
// kind; the body the country pack names decides it.

export const APPLICATION_KINDS = ['protection', 'reward'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** `received → in_review → granted | refused`; a decision is final (a new request is a message to the body). */
export const APPLICATION_STATUSES = ['received', 'in_review', 'granted', 'refused'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  received: ['in_review', 'granted', 'refused'],
  in_review: ['granted', 'refused'],
  granted: [],
  refused: [],
};

export const canMoveApplication = (from: ApplicationStatus, to: ApplicationStatus): boolean => NEXT[from].includes(to);
export const isDecided = (status: ApplicationStatus): boolean => status === 'granted' || status === 'refused';

/** What a pack may require an applicant to give, beyond their name, which every application carries. */
export const IDENTITY_FIELDS = ['name', 'dateOfBirth', 'address', 'email', 'phone'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** `<caseId>-<kind>`: a case id is 20 base32 characters, so the kind is what follows the one dash. */
export const applicationIdOf = (caseId: string, kind: ApplicationKind): string => `${caseId}-${kind}`;

export function parseApplicationId(id: string): { caseId: string; kind: ApplicationKind } | null {
  const match = /^([0-9A-HJKMNP-TV-Z]{20})-([a-z]+)$/.exec(id);
  if (!match || !(APPLICATION_KINDS as readonly string[]).includes(match[2]!)) return null;
  return { caseId: match[1]!, kind: match[2] as ApplicationKind };
}
