// Every log line carries the request's id as its correlation id, found by a plain dotted-path lookup.
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpHandler } from '#runtime/httpHandler.js';
import { logger, valueAtPath } from '#runtime/logger.js';

describe('valueAtPath', () => {
  it('walks a dotted path and gives undefined where it leads nowhere', () => {
    const event = { requestContext: { requestId: 'req-1', identity: null } };
    expect(valueAtPath('requestContext.requestId', event)).toBe('req-1');
    expect(valueAtPath('requestContext.identity.sourceIp', event)).toBeUndefined();
    expect(valueAtPath('requestContext.missing.deeper', event)).toBeUndefined();
    expect(valueAtPath('a', null)).toBeUndefined();
  });
});

describe('the handlers’ logger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('stamps the API Gateway request id on the lines a handler logs', async () => {
    const lines: string[] = [];
    // Powertools writes info to stdout and warnings to stderr.
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        lines.push(String(chunk));
        return true;
      });
    }
    const handler = httpHandler(async () => {
      logger.warn('case viewed', { caseId: 'C1' });
      return { statusCode: 200, body: '{}' };
    });
    const event = { headers: {}, requestContext: { requestId: 'req-42' } } as unknown as APIGatewayProxyEvent;
    await handler(event, { functionName: 'getCase', awsRequestId: 'aws-1' } as Context);
    const line = lines.map((l) => JSON.parse(l)).find((l) => l.message === 'case viewed');
    expect(line).toMatchObject({ correlation_id: 'req-42', caseId: 'C1' });
  });
});
