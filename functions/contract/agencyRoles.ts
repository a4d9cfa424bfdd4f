// Agency users: their roles, and the ID-token claims that carry who they are (Cognito's names, in both modes).

export const AGENCY_ROLES = ['handler', 'supervisor', 'oversight'] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];

export interface AgencyUser {
  username: string;
  organizationId: string;
  role: AgencyRole;
}

/** The claim names, as a Cognito ID token carries them. */
export const CLAIMS = {
  username: 'cognito:username',
  organizationId: 'custom:organizationId',
  groups: 'cognito:groups',
} as const;
