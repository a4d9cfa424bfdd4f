// POST /track and POST /track/messages: what the whistleblower sees and says with the code alone.
import * as z from 'zod';
import { LIMITS } from '#contract/limits.js';
import { caseStatusSchema, isoInstant } from './common.js';
import { organizationRef, uploadIdSchema } from './report.js';

export const trackRequest = z.strictObject({ trackingCode: z.string().min(1).max(LIMITS.trackingCodeInput) });

export const trackMessageRequest = z.strictObject({
  trackingCode: z.string().min(1).max(LIMITS.trackingCodeInput),
  body: z.string().trim().min(1).max(LIMITS.message),
  uploadIds: z.array(uploadIdSchema).max(LIMITS.attachmentsPerSubmission).default([]),
});
export type TrackMessageRequest = z.infer<typeof trackMessageRequest>;

export const timelineEntry = z.object({
  at: isoInstant,
  status: caseStatusSchema,
  publicNote: z.string().optional(),
  /** On a transfer: the organization the case went to. */
  organization: organizationRef.optional(),
});
export const caseMessage = z.object({ id: z.string(), at: isoInstant, from: z.enum(['agency', 'whistleblower']), body: z.string() });
export const publicAttachment = z.object({ id: z.string(), name: z.string(), size: z.number() });

export const trackResponse = z.object({
  caseId: z.string(),
  status: caseStatusSchema,
  organization: organizationRef,
  createdAt: isoInstant,
  acknowledgeBy: isoInstant,
  respondBy: isoInstant,
  timeline: z.array(timelineEntry),
  messages: z.array(caseMessage),
  attachments: z.array(publicAttachment),
});
export type TrackResponse = z.infer<typeof trackResponse>;

export const createdMessageResponse = z.object({ id: z.string(), at: isoInstant });
