// Route matching as API Gateway does it, for the local runtime: a path under /api to its route and path parameters.
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context, ScheduledEvent } from 'aws-lambda';
import { ROUTES, type Route } from '../../functions/contract/routes.js';

export type LambdaHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
/** A scheduled job's handler (the deadline sweep, the statistics publisher), as EventBridge invokes it. */
export type SweepHandler = (event: ScheduledEvent, context: Context) => Promise<unknown>;

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
      `^${route.resource.replace(/\{(\w+)\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}/?$`,
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
