// Typed errors of the domain. One middleware (functions/handlers/middleware/errorResponse.ts) turns them into
// the contract's error body; nothing else builds error bodies.

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  /** Local mode's storage gate only (GET a signed download, POST a signed upload); the API answers 404, as API Gateway does. */
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export interface ErrorDetail {
  path: string;
  message: string;
}

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

export const validationFailed = (message: string, details: ErrorDetail[] = []) =>
  new DomainError('VALIDATION_FAILED', message, details);
export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const methodNotAllowed = (message: string) => new DomainError('METHOD_NOT_ALLOWED', message);
export const conflict = (message: string) => new DomainError('CONFLICT', message);
export const payloadTooLarge = (message: string) => new DomainError('PAYLOAD_TOO_LARGE', message);
export const unsupportedMediaType = (message: string) => new DomainError('UNSUPPORTED_MEDIA_TYPE', message);
export const rateLimited = (message: string) => new DomainError('RATE_LIMITED', message);
export const unavailable = (message: string) => new DomainError('UNAVAILABLE', message);

/** The contract's error body. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] };
}

export function errorBody(error: DomainError): ErrorBody {
  return { error: { code: error.code, message: error.message, details: error.details } };
}
