import { expect } from 'vitest';
import { DomainError } from '#core/errors.js';

/** Awaits a promise that must fail with a DomainError, and returns that error. */
export async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error(`expected a DomainError, got ${JSON.stringify(outcome)}`);
}
