// Who an agency caller is. Handlers learn it only from the authorizer's claims (Cognito's in AWS, the local
// runtime's in local mode), never from the request body.
import { AGENCY_ROLES, type AgencyUser, CLAIMS } from '#contract/agencyRoles.js';
import { unauthenticated } from './errors.js';

/**
 * Reads the caller from authorizer claims. API Gateway hands Cognito's `cognito:groups` over as a string, either
 * one group or a bracketed, space-separated list; the most powerful known role wins.
 */
export function identityFromClaims(claims: Record<string, unknown> | null | undefined): AgencyUser {
  const username = claims?.[CLAIMS.username];
  const organizationId = claims?.[CLAIMS.organizationId];
  const rawGroups = claims?.[CLAIMS.groups];
  const groups = Array.isArray(rawGroups)
    ? rawGroups.map(String)
    : typeof rawGroups === 'string'
      ? rawGroups
          .replace(/^\[|\]$/g, '')
          .split(/[\s,]+/)
          .filter(Boolean)
      : [];
  const role = [...AGENCY_ROLES].reverse().find((r) => groups.includes(r));
  if (typeof username !== 'string' || !username || typeof organizationId !== 'string' || !organizationId || !role) {
    throw unauthenticated('Sign in to use the agency console.');
  }
  return { username, organizationId, role };
}
