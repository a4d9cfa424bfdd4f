// The one place error bodies are built: typed errors keep their status and words; anything else reveals nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflict, unavailable, validationFailed } from '#core/errors.js';
import { responseForError } from '#runtime/middleware/errorResponse.js';
import { readJsonBody } from '#runtime/middleware/jsonBody.js';
import { logger } from '#runtime/logger.js';

// The handlers log each failure they answer; this file is about the answers, so their logs stay out of the output.
beforeAll(() => logger.setLogLevel('SILENT'));
afterAll(() => logger.setLogLevel('INFO'));

describe('responseForError', () => {
  it('maps typed errors to the contract shape and status', () => {
    const answer = responseForError(validationFailed('Bad.', [{ path: 'title', message: 'required' }]));
    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'VALIDATION_FAILED', message: 'Bad.', details: [{ path: 'title', message: 'required' }] },
    });
    expect(responseForError(conflict('Taken.')).statusCode).toBe(409);
    expect(responseForError(unavailable('Down.')).statusCode).toBe(503);
  });

  it('never serializes an unexpected error', () => {
    const answer = responseForError(new TypeError('cannot read secret-value-123 of undefined'));
    expect(answer.statusCode).toBe(500);
    expect(answer.body).not.toContain('secret-value-123');
    expect(answer.body).not.toContain('TypeError');
    expect(JSON.parse(answer.body).error.code).toBe('INTERNAL');
  });
});

describe('readJsonBody', () => {
  const event = (body: string | null, contentType?: string, isBase64Encoded = false) => ({
    headers: contentType ? { 'content-type': contentType } : {},
    body,
    isBase64Encoded,
  });

  it('accepts JSON with a charset and JSON subtypes', () => {
    expect(readJsonBody(event('{"a":1}', 'application/json; charset=utf-8'))).toEqual({ a: 1 });
    expect(readJsonBody(event('[1]', 'application/merge-patch+json'))).toEqual([1]);
    expect(readJsonBody(event(Buffer.from('{"b":2}').toString('base64'), 'application/json', true))).toEqual({ b: 2 });
  });

  it('refuses other types (415), oversize bodies (413), and broken JSON (400)', () => {
    expect(() => readJsonBody(event('{}', 'text/plain'))).toThrow(expect.objectContaining({ status: 415 }));
    expect(() => readJsonBody(event('{}'))).toThrow(expect.objectContaining({ status: 415 }));
    expect(() => readJsonBody(event(`"${'x'.repeat(64 * 1024)}"`, 'application/json'))).toThrow(expect.objectContaining({ status: 413 }));
    expect(() => readJsonBody(event('{"a":', 'application/json'))).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => readJsonBody(event(null, 'application/json'))).toThrow(expect.objectContaining({ status: 400 }));
  });
});
