import { describe, expect, it } from 'vitest';
import { STATUS_OF } from '#contract/errorCodes.js';
import {
  DomainError,
  conflict,
  errorBody,
  notFound,
  payloadTooLarge,
  rateLimited,
  unavailable,
  unsupportedMediaType,
  validationFailed,
} from '#core/errors.js';

describe('domain errors', () => {
  it('maps every code to the contract status', () => {
    expect(STATUS_OF).toEqual({
      VALIDATION_FAILED: 400,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      METHOD_NOT_ALLOWED: 405,
      CONFLICT: 409,
      PAYLOAD_TOO_LARGE: 413,
      UNSUPPORTED_MEDIA_TYPE: 415,
      RATE_LIMITED: 429,
      UNAVAILABLE: 503,
    });
  });

  it('builds each error with its code and status', () => {
    expect(
      [
        validationFailed('x'),
        notFound('x'),
        conflict('x'),
        payloadTooLarge('x'),
        unsupportedMediaType('x'),
        rateLimited('x'),
        unavailable('x'),
      ].map((e) => [e.code, e.status]),
    ).toEqual([
      ['VALIDATION_FAILED', 400],
      ['NOT_FOUND', 404],
      ['CONFLICT', 409],
      ['PAYLOAD_TOO_LARGE', 413],
      ['UNSUPPORTED_MEDIA_TYPE', 415],
      ['RATE_LIMITED', 429],
      ['UNAVAILABLE', 503],
    ]);
  });

  it('is an Error with a name, a message and details', () => {
    const error = validationFailed('The report does not match this portal.', [{ path: 'category', message: 'no category "x"' }]);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('DomainError');
    expect(error.message).toBe('The report does not match this portal.');
    expect(error.details).toEqual([{ path: 'category', message: 'no category "x"' }]);
    expect(notFound('gone').details).toEqual([]);
  });

  it('gives the contract error body', () => {
    expect(errorBody(validationFailed('Bad.', [{ path: 'title', message: 'too long' }]))).toEqual({
      error: { code: 'VALIDATION_FAILED', message: 'Bad.', details: [{ path: 'title', message: 'too long' }] },
    });
    expect(errorBody(conflict('Taken.'))).toEqual({ error: { code: 'CONFLICT', message: 'Taken.', details: [] } });
  });
});
