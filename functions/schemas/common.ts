import * as z from 'zod';
import { CASE_STATUSES, RESOLUTIONS } from '../core/caseStatus.js';

export const caseStatusSchema = z.enum(CASE_STATUSES);
export const resolutionSchema = z.enum(RESOLUTIONS);
export const isoInstant = z.iso.datetime();

/** Turns zod issues into the contract's `details`: a dotted path and a sentence. */
export function issuesToDetails(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}
