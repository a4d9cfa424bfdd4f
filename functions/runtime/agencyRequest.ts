// What every agency handler reads from its event: the caller (authorizer claims only) and the path's ids.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { identityFromClaims } from '#core/identity.js';
import type { AgencyUser } from '#contract/agencyRoles.js';

export function caller(event: APIGatewayProxyEvent): AgencyUser {
  return identityFromClaims(event.requestContext.authorizer?.claims as Record<string, unknown> | undefined);
}
