// Builds the API Gateway REST proxy event and Lambda context a deployed handler would receive.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEvent, Context, ScheduledEvent } from 'aws-lambda';
import type { Route } from '#contract/routes.js';

export function toProxyEvent(
  req: IncomingMessage,
  url: URL,
  route: Route,
  pathParameters: Record<string, string> | null,
  body: Buffer,
): APIGatewayProxyEvent {
  // Collected in Maps, then made objects with own properties only: a header or parameter named `__proto__` or
  // `constructor` is a name like any other, never a key into Object.prototype.
  const headerPairs = new Map<string, string[]>();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    headerPairs.set(name, [...(headerPairs.get(name) ?? []), req.rawHeaders[i + 1]!]);
  }
  const queryPairs = new Map<string, string[]>();
  for (const [k, v] of url.searchParams) queryPairs.set(k, [...(queryPairs.get(k) ?? []), v]);
  const lastOf = (pairs: Map<string, string[]>) => Object.fromEntries([...pairs].map(([k, values]) => [k, values.at(-1)!]));
  const headers: Record<string, string> = lastOf(headerPairs);
  const multiValueHeaders: Record<string, string[]> = Object.fromEntries(headerPairs);
  const query: Record<string, string> = lastOf(queryPairs);
  const multiQuery: Record<string, string[]> = Object.fromEntries(queryPairs);
  const hasQuery = url.searchParams.size > 0;
  const requestId = randomUUID();
  const isText = body.length === 0 || /json|text/i.test(headers['content-type'] ?? headers['Content-Type'] ?? '');
  return {
    resource: `/api${route.resource}`,
    path: url.pathname,
    httpMethod: route.method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters,
    stageVariables: null,
    body: body.length === 0 ? null : isText ? body.toString('utf8') : body.toString('base64'),
    isBase64Encoded: !isText,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      authorizer: null,
      protocol: 'HTTP/1.1',
      httpMethod: route.method,
      // API Gateway hands handlers the caller's address; ours never read it (invariant 2).
      identity: {
        sourceIp: req.socket.remoteAddress ?? '',
        userAgent: headers['user-agent'] ?? null,
      } as APIGatewayProxyEvent['requestContext']['identity'],
      path: url.pathname,
      stage: 'local',
      requestId,
      requestTimeEpoch: Date.now(),
      resourceId: route.handler,
      resourcePath: `/api${route.resource}`,
    },
  };
}

export function lambdaContext(functionName: string, requestId: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** The event an EventBridge schedule delivers. */
export function scheduledEvent(id: string, time: Date): ScheduledEvent {
  return {
    version: '0',
    id,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: time.toISOString(),
    region: process.env.AWS_REGION ?? 'us-east-1',
    resources: ['arn:aws:events:local:000000000000:rule/deadline-sweep'],
    detail: {},
  };
}
