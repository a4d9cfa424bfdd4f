// The local stand-in for API Gateway: a request under /api is held to the per-address limits (the web ACL's two
// rate rules: every /api/* call, then the writing and guessing routes), matched to its route, held to the sign-in
// backoff, authorized for the agency routes (the Cognito authorizer's part), turned into the proxy
// event a deployed function receives, and answered with what the same handler module returns.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROUTES } from '#contract/routes.js';
import { notFound, payloadTooLarge, rateLimited, validationFailed } from '#core/errors.js';
import { responseForError } from '#runtime/middleware/errorResponse.js';
import type { LocalAgencyAuthorizer } from './agencyAuthorizer.js';
import { lambdaContext, toProxyEvent } from './apiGatewayEvent.js';
import { maybeGzip } from './compression.js';
import type { OwnRequests } from './ownRequests.js';
import type { FixedWindowLimiter } from './rateLimit.js';
import { type LambdaHandler, matchRoute } from './routeMatch.js';
import type { SignInAddressBackoff } from './signInAddressBackoff.js';

/** API Gateway refuses payloads over 10 MB before any handler runs; the handlers enforce 64 KiB themselves. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;
/** The sign-in route's handler: its failures feed the per-address backoff. */
const SIGN_IN_HANDLER = 'login';

export interface LocalApiGatewayParts {
  authorizer: LocalAgencyAuthorizer;
  /** The `rateLimited` routes together (the WAF rule RateLimitedPaths). */
  limiter: FixedWindowLimiter;
  /** Every /api/* call, unknown paths included (the WAF rule ApiPerAddress). */
  apiLimiter: FixedWindowLimiter;
  signInBackoff: SignInAddressBackoff;
  ownRequests: OwnRequests;
}

export type ApiInvoker = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<{ route: string; status: number }>;

/** Loads every route's handler module, as each deployed function loads its own at cold start. */
export async function loadRouteHandlers(): Promise<Map<string, LambdaHandler>> {
  const handlers = new Map<string, LambdaHandler>();
  for (const route of ROUTES) {
    const module = (await import(`../../functions/handlers/${route.handler}.ts`)) as { handler: LambdaHandler };
    handlers.set(route.handler, module.handler);
  }
  return handlers;
}

export function localApiGateway(handlers: Map<string, LambdaHandler>, parts: LocalApiGatewayParts): ApiInvoker {
  const { authorizer, limiter, apiLimiter, signInBackoff, ownRequests } = parts;
  return async (req, res, url) => {
    const send = (status: number, headers: Record<string, string | number | boolean>, body: string) => {
      const type = String(Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '');
      const packed = maybeGzip(req, body, type);
      // As the edge's response headers policy does (lib/edge.ts): the browser keeps no API answer, whatever the
      // handler told CloudFront's cache (the public config, pages and statistics say `public, max-age=300`).
      const kept = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'cache-control');
      res.writeHead(status, { ...Object.fromEntries(kept), 'cache-control': 'no-store', ...packed.headers }).end(packed.body);
      return status;
    };
    const sendError = (route: string, error: unknown, headers: Record<string, string> = {}) => {
      req.resume();
      const answer = responseForError(error);
      return { route, status: send(answer.statusCode, { ...answer.headers, ...headers }, answer.body) };
    };
    const match = matchRoute(req.method ?? 'GET', url.pathname.slice('/api'.length) || '/');
    // In the web ACL's order: the tight rule first (a call it refuses is not counted again), then every call.
    const address = req.socket.remoteAddress ?? 'unknown';
    const own = ownRequests.isOwn(req);
    if (match.route?.rateLimited && !own && !limiter.take(address)) {
      return sendError(`/api${match.route.resource}`, rateLimited('Too many requests from your connection. Wait a minute and try again.'), {
        'retry-after': String(limiter.windowSeconds),
      });
    }
    if (!own && !apiLimiter.take(address)) {
      return sendError(
        match.route ? `/api${match.route.resource}` : '(any)',
        rateLimited('Too many requests from your connection. Wait a few minutes and try again.'),
        { 'retry-after': String(apiLimiter.windowSeconds) },
      );
    }
    if (!match.route && match.malformed) {
      return sendError(
        '(malformed)',
        validationFailed('The address has a malformed percent-encoding (a % not followed by two hex digits of UTF-8).'),
      );
    }
    if (!match.route) {
      // As API Gateway does, a method a path lacks is as unknown as a path that does not exist.
      return sendError('(unknown)', notFound(match.pathKnown ? `${req.method} is not served on this path.` : 'There is no such API path.'));
    }
    const { route, pathParameters } = match;
    const template = `/api${route.resource}`;
    const signingIn = route.handler === SIGN_IN_HANDLER;
    const signInWait = signingIn ? signInBackoff.waitMs(address) : 0;
    if (signInWait > 0) {
      const seconds = Math.ceil(signInWait / 1000);
      return sendError(template, rateLimited(`Too many failed sign-ins from your connection. Wait ${seconds} seconds and try again.`), {
        'retry-after': String(seconds),
      });
    }
    let claims: Record<string, string> | undefined;
    if (route.auth === 'agency') {
      try {
        claims = await authorizer.authorize(req.headers.authorization);
      } catch (error) {
        return sendError(template, error);
      }
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > GATEWAY_MAX_BODY) return sendError(template, payloadTooLarge('The request body is too large.'));
      chunks.push(chunk);
    }
    const event = toProxyEvent(req, url, route, pathParameters, Buffer.concat(chunks));
    if (claims) event.requestContext.authorizer = { claims };
    const result = await handlers.get(route.handler)!(event, lambdaContext(route.handler, event.requestContext.requestId));
    if (signingIn && result.statusCode === 401) signInBackoff.failed(address);
    if (signingIn && result.statusCode === 200) signInBackoff.succeeded(address);
    return { route: template, status: send(result.statusCode, result.headers ?? {}, result.body) };
  };
}
