// The API routes, as API Gateway would map them: method, resource template, and the handler module it invokes.
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context, ScheduledEvent } from 'aws-lambda';

export type LambdaHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
/** A scheduled job's handler (the deadline sweep, the statistics publisher), as EventBridge invokes it. */
export type SweepHandler = (event: ScheduledEvent, context: Context) => Promise<unknown>;

export interface Route {
  method: 'GET' | 'POST' | 'PATCH';
  /** Resource template under /api, e.g. /pages/{id}. */
  resource: string;
  /** The handler's file name under functions/handlers/, also the Lambda function's name. */
  handler: string;
  /**
   * Counted against the per-address limit (20 calls a minute, one budget for all these routes together), as the WAF
   * rule does when deployed. Filing is counted with the lookups: its 409 ("this code already belongs to another
   * report") would otherwise answer what /track refuses to.
   */
  rateLimited?: boolean;
  /**
   * A lookup a guesser would hammer (a tracking code, a password): also under the stage-wide lookup throttle when
   * deployed (lib/api.ts), on top of the per-address limit.
   */
  lookupThrottle?: boolean;
  /**
   * `agency`: a valid agency ID token (`Authorization: Bearer …`) is required, as API Gateway's Cognito authorizer
   * requires it when deployed; its claims reach the handler in `requestContext.authorizer.claims`.
   */
  auth?: 'agency';
}

export const ROUTES: Route[] = [
  { method: 'GET', resource: '/config', handler: 'getConfig' },
  { method: 'GET', resource: '/pages/{id}', handler: 'getPage' },
  { method: 'POST', resource: '/uploads', handler: 'createUploads' },
  { method: 'POST', resource: '/reports', handler: 'createReport', rateLimited: true },
  { method: 'POST', resource: '/track', handler: 'trackCase', rateLimited: true, lookupThrottle: true },
  { method: 'POST', resource: '/track/messages', handler: 'postTrackMessage', rateLimited: true, lookupThrottle: true },
  { method: 'POST', resource: '/auth/login', handler: 'login', rateLimited: true, lookupThrottle: true },
  { method: 'GET', resource: '/cases', handler: 'listCases', auth: 'agency' },
  { method: 'GET', resource: '/cases/{caseId}', handler: 'getCase', auth: 'agency' },
  { method: 'PATCH', resource: '/cases/{caseId}', handler: 'updateCase', auth: 'agency' },
  { method: 'POST', resource: '/cases/{caseId}/messages', handler: 'postCaseMessage', auth: 'agency' },
  { method: 'POST', resource: '/cases/{caseId}/transfer', handler: 'transferCase', auth: 'agency' },
  { method: 'GET', resource: '/cases/{caseId}/attachments/{attachmentId}', handler: 'getAttachment', auth: 'agency' },
  { method: 'GET', resource: '/stats', handler: 'getStats', auth: 'agency' },
  { method: 'GET', resource: '/stats/public', handler: 'getPublicStats' },
];

export interface RouteMatch {
  route: Route;
  pathParameters: Record<string, string> | null;
}

export type RouteLookup = RouteMatch | { route: null; pathKnown: boolean; malformed: boolean };

/**
 * Finds the route for a path under /api; `pathKnown` tells a wrong method from an unknown path, `malformed` a path
 * whose percent-encoding cannot be decoded (`/pages/%`).
 */
export function matchRoute(method: string, path: string): RouteLookup {
  let pathKnown = false;
  for (const route of ROUTES) {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${route.resource.replace(/\{(\w+)\}/g, (_m, name: string) => (names.push(name), '([^/]+)'))}/?$`,
    );
    const found = pattern.exec(path);
    if (!found) continue;
    pathKnown = true;
    if (route.method !== method) continue;
    let pathParameters: Record<string, string> | null = null;
    try {
      if (names.length) pathParameters = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1]!)]));
    } catch {
      return { route: null, pathKnown, malformed: true };
    }
    return { route, pathParameters };
  }
  return { route: null, pathKnown, malformed: false };
}
