// Invariant 4: a failed dependency answers 503 and nothing was half-written. Adapters wrap SDK failures so
// callers see one typed error; the original stays as `cause` for the log, never for the response.
import { DomainError, unavailable } from '#core/errors.js';

export async function guarded<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const failure = unavailable(`The ${what} is unavailable right now; nothing was saved. Try again.`);
    (failure as Error).cause = error;
    throw failure;
  }
}
