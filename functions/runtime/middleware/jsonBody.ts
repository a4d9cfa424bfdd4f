// Parses a JSON request body under the contract's rules: application/json only (415), at most 64 KiB (413),
// well-formed (400). The parsed value replaces nothing on the event; handlers read it from their context (`jsonBody`).
import type middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { LIMITS } from '#contract/limits.js';
import { payloadTooLarge, unsupportedMediaType, validationFailed } from '#core/errors.js';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i;

export interface JsonBodyContext {
  jsonBody: unknown;
}

export function readJsonBody(event: Pick<APIGatewayProxyEvent, 'headers' | 'body' | 'isBase64Encoded'>): unknown {
  const contentType = event.headers?.['content-type'] ?? event.headers?.['Content-Type'];
  if (!contentType || !JSON_TYPE.test(contentType))
    throw unsupportedMediaType('Send the body as JSON with "Content-Type: application/json".');
  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64') : Buffer.from(event.body ?? '', 'utf8');
  if (raw.length > LIMITS.bodyBytes) throw payloadTooLarge('The request body is larger than 64 KiB.');
  if (raw.length === 0) throw validationFailed('The request body is empty; send a JSON object.');
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw validationFailed('The request body is not valid JSON.');
  }
}

export function jsonBody(): middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context & JsonBodyContext> {
  return {
    before: async (request) => {
      request.context.jsonBody = readJsonBody(request.event);
    },
  };
}
