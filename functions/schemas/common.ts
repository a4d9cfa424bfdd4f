import * as z from 'zod';
import { CASE_STATUSES, RESOLUTIONS } from '#contract/caseLife.js';

export const caseStatusSchema = z.enum(CASE_STATUSES);
export const resolutionSchema = z.enum(RESOLUTIONS);
export const isoInstant = z.iso.datetime();

/** One event of an audit chain, as the agency views show it. */
export const auditEntry = z.object({
  seq: z.number(),
  at: isoInstant,
  actor: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.string()),
  hash: z.string(),
  previousHash: z.string(),
});

/** Turns zod issues into the contract's `details`: a dotted path and a sentence. */
export function issuesToDetails(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

/** The contract's error shape, which every 4xx and 503 carries. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
