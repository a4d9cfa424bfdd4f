import type * as z from 'zod';
import { validationFailed } from '#core/errors.js';
import { issuesToDetails } from '#schemas/common.js';

/** Validates input with a schema from functions/schemas; a failure is a 400 naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'The request'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailed(`${what} has missing or invalid fields.`, issuesToDetails(parsed.error));
  return parsed.data;
}
