// Typed errors of the domain, one per code of the contract (functions/contract/errorCodes.ts). One middleware
// (functions/runtime/middleware/errorResponse.ts) turns them into the contract's error body; nothing else builds them.

import { type ErrorBody, type ErrorCode, type ErrorDetail, STATUS_OF } from '#contract/errorCodes.js';

export type { ErrorBody, ErrorCode, ErrorDetail };

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = STATUS_OF[code];
  }
}

export const validationFailed = (message: string, details: ErrorDetail[] = []) => new DomainError('VALIDATION_FAILED', message, details);
export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const methodNotAllowed = (message: string) => new DomainError('METHOD_NOT_ALLOWED', message);
export const conflict = (message: string) => new DomainError('CONFLICT', message);
export const payloadTooLarge = (message: string, details: ErrorDetail[] = []) => new DomainError('PAYLOAD_TOO_LARGE', message, details);
export const unsupportedMediaType = (message: string, details: ErrorDetail[] = []) =>
  new DomainError('UNSUPPORTED_MEDIA_TYPE', message, details);
export const rateLimited = (message: string) => new DomainError('RATE_LIMITED', message);
export const unavailable = (message: string) => new DomainError('UNAVAILABLE', message);

export function errorBody(error: DomainError): ErrorBody {
  return { error: { code: error.code, message: error.message, details: error.details } };
}
