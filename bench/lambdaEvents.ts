// The events the bench hands bundles directly: API Gateway proxy events built the way the local runtime builds
// them (local/runtime/apiGatewayEvent.ts), with the authorizer's claims for agency routes, and the schedule's event.
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { LocalAgencyAuthorizer } from '#local/runtime/agencyAuthorizer.js';
import { toProxyEvent } from '#local/runtime/apiGatewayEvent.js';
import { matchRoute } from '#local/runtime/routeMatch.js';

export interface EventSource {
  /** `Authorization` header of a signed-in demo account, for agency routes. */
  authorization?: Record<string, string>;
  body?: unknown;
}

export function agencyClaims(dataDir: string) {
  const authorizer = new LocalAgencyAuthorizer(join(dataDir, 'auth'));
  return (authorization: Record<string, string>) => authorizer.authorize(authorization.authorization);
}

/** An API Gateway event for `method path` (path under /api, with its query). */
export async function apiEvent(
  dataDir: string,
  method: string,
  path: string,
  source: EventSource = {},
): Promise<{ handler: string; event: APIGatewayProxyEvent }> {
  const url = new URL(`http://localhost/api${path}`);
  const match = matchRoute(method, url.pathname.slice('/api'.length));
  if (!match.route) throw new Error(`no route for ${method} ${path}`);
  const body = source.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(source.body));
  const headers = {
    accept: 'application/json',
    ...(source.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...source.authorization,
  };
  const request = { rawHeaders: Object.entries(headers).flat(), socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage;
  const event = toProxyEvent(request, url, match.route, match.pathParameters, body);
  if (match.route.auth === 'agency') {
    if (!source.authorization) throw new Error(`${method} ${path} needs a signed-in account`);
    event.requestContext.authorizer = { claims: await agencyClaims(dataDir)(source.authorization) };
  }
  return { handler: match.route.handler, event };
}
