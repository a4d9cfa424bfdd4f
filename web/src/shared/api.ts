// Every call to the portal's API: JSON in and out, no cookies, and a network failure reported as status 0
// rather than thrown, so each screen can tell "the server said no" from "we do not know what happened". Each answer
// is read with the API's own response schema (functions/schemas): a screen never works on a shape it only assumed.
import type * as z from 'zod';
import type { ErrorBody } from '#schemas/common.js';

export const API_ROOT = '/api';

export type ApiError = ErrorBody['error'];

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError | null };

export interface RequestOptions {
  token?: string;
  signal?: AbortSignal;
}

/** An answer whose body does not have the shape the contract promises (a proxy's page, a version mismatch). */
const UNREADABLE: ApiError = { code: 'UNAVAILABLE', message: 'The answer could not be read.', details: [] };

export async function apiRequest<S extends z.ZodType>(
  method: string,
  path: string,
  answer: S,
  body?: unknown,
  options: RequestOptions = {},
): Promise<ApiResult<z.infer<S>>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(API_ROOT + path, {
      method,
      headers,
      credentials: 'omit',
      cache: 'no-store',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch {
    return { ok: false, status: 0, error: null };
  }
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    // An empty or non-JSON body (a proxy's error page) carries nothing to show.
  }
  if (response.ok) {
    const read = answer.safeParse(data);
    return read.success
      ? { ok: true, status: response.status, data: read.data }
      : { ok: false, status: response.status, error: UNREADABLE };
  }
  const error = data && typeof data === 'object' && 'error' in data ? ((data as ErrorBody).error ?? null) : null;
  return { ok: false, status: response.status, error };
}
