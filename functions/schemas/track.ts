// POST /track and POST /track/messages: what the whistleblower sees and says with the code alone.
import * as z from 'zod';
import { LIMITS } from '#contract/limits.js';
import { caseStatusSchema, isoInstant, resolutionSchema } from './common.js';
import { languageCode } from './countryPack.js';
import { reporterApplication } from './application.js';
import { amountSchema, occurredOnSchema, organizationRef, uploadIdSchema } from './report.js';

export const trackRequest = z.strictObject({
  trackingCode: z.string().min(1).max(LIMITS.trackingCodeInput),
  /** The reader's language: names in the answer follow it (else the language the report was filed in). */
  language: languageCode.optional(),
});
export type TrackRequest = z.infer<typeof trackRequest>;

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

/**
 * The report as the whistleblower filed it, for them to re-read. Never the contact details: whoever finds a code on
 * a shared phone must not learn who filed the report; `contactSharedWith` says only with whom they were shared.
 */
export const filedReport = z.object({
  category: z.object({ id: z.string(), name: z.string() }),
  /** The organization the report was about (the case may since be handled elsewhere). */
  reportedOrganization: organizationRef,
  subjectIsHead: z.boolean(),
  anonymity: z.enum(['anonymous', 'confidential']),
  contactSharedWith: organizationRef.nullable(),
  title: z.string(),
  description: z.string(),
  /** A day, or a month when the reporter knew only that; `occurredApproximately` when they said "about then". */
  occurredOn: occurredOnSchema.nullable(),
  occurredApproximately: z.boolean(),
  location: z.string().nullable(),
  amount: amountSchema.nullable(),
});
export type FiledReport = z.infer<typeof filedReport>;

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
  /** The language the names in this answer are in: the one asked for when the pack has it. */
  language: z.string(),
  report: filedReport,
  /** How a closed case ended; null until it is closed. */
  resolution: resolutionSchema.nullable(),
  closedAt: isoInstant.nullable(),
  /**
   * The earliest the case is deleted: its closure plus the pack's retention; null while it is open. A legal hold does
   * not show here: the date reads "not before", which stays true while a hold keeps the case longer.
   */
  deleteAfter: isoInstant.nullable(),
  /** How many years a closed case of this category is kept (the pack's retention). */
  retentionYears: z.int().positive(),
  /** The signed proof of filing (docs/receipts.md), to save again; null for a case filed before receipts. */
  receipt: z.string().nullable(),
  /** The reporter's applications for protection or a reward on this case (docs/applications.md). */
  applications: z.array(reporterApplication),
});
export type TrackResponse = z.infer<typeof trackResponse>;

export const createdMessageResponse = z.object({ id: z.string(), at: isoInstant });
