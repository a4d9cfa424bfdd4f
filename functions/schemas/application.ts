// Applications for protection or a reward, linked to a case (docs/applications.md): the reporter's requests with
// the tracking code (POST /track/applications, POST /track/applications/messages), what they see of them in POST
// /track, and the deciding body's queue and decisions (GET /applications, GET and PATCH /applications/{id},
// POST /applications/{id}/messages).
import * as z from 'zod';
import { APPLICATION_KINDS, APPLICATION_STATUSES } from '#contract/applicationLife.js';
import { LIMITS } from '#contract/limits.js';
import { auditEntry, isoInstant } from './common.js';
import { languageCode } from './countryPack.js';
import { contactSchema, organizationRef } from './report.js';

export const applicationKind = z.enum(APPLICATION_KINDS);
export const applicationStatus = z.enum(APPLICATION_STATUSES);

/**
 * Who is applying: sealed at once, opened only by the deciding body's functions. Which fields are required beyond
 * the name is the pack's to say (`applications.identityFields`); the core checks them.
 */
export const applicantIdentity = z.strictObject({
  name: z.string().normalize('NFKC').trim().min(1).max(LIMITS.contactName),
  dateOfBirth: z.iso.date().optional(),
  address: z.string().normalize('NFKC').trim().min(1).max(LIMITS.address).optional(),
  email: contactSchema.shape.email,
  phone: contactSchema.shape.phone,
});
export type ApplicantIdentity = z.infer<typeof applicantIdentity>;

const trackingCode = z.string().min(1).max(LIMITS.trackingCodeInput);

export const applyRequest = z.strictObject({
  trackingCode,
  kind: applicationKind,
  identity: applicantIdentity,
  /** What happened to them (protection) or what the report recovered (reward), and what they ask for. */
  statement: z.string().trim().min(1).max(LIMITS.applicationStatement),
  /** The reader's language, for the names in the answer. */
  language: languageCode.optional(),
});
export type ApplyRequest = z.infer<typeof applyRequest>;

export const applicationMessageRequest = z.strictObject({
  trackingCode,
  kind: applicationKind,
  body: z.string().trim().min(1).max(LIMITS.message),
});
export type ApplicationMessageRequest = z.infer<typeof applicationMessageRequest>;

export const applicationMessage = z.object({ id: z.string(), at: isoInstant, from: z.enum(['body', 'applicant']), body: z.string() });

/** What the reporter sees of an application: never the identity they gave, which only the deciding body opens. */
export const reporterApplication = z.object({
  applicationId: z.string(),
  kind: applicationKind,
  status: applicationStatus,
  filedAt: isoInstant,
  decideBy: isoInstant,
  overdue: z.boolean(),
  decidingBody: organizationRef,
  legalBasis: z.string(),
  decidedAt: isoInstant.nullable(),
  /** The deciding body's reasons, shown to the reporter with the decision. */
  decisionNote: z.string().nullable(),
  messages: z.array(applicationMessage),
});
export type ReporterApplication = z.infer<typeof reporterApplication>;

/** What the pack offers: the kinds this portal takes, who decides, on what legal basis and how fast. */
export const applicationOffer = z.object({
  decidingBody: organizationRef,
  identityFields: z.array(z.enum(['name', 'dateOfBirth', 'address', 'email', 'phone'])),
  kinds: z.array(z.object({ kind: applicationKind, legalBasis: z.string(), decideDays: z.int() })),
});
export type ApplicationOffer = z.infer<typeof applicationOffer>;

export const applicationQueueQuery = z.strictObject({ status: applicationStatus.optional() });

export const applicationListItem = z.object({
  applicationId: z.string(),
  caseId: z.string(),
  kind: applicationKind,
  status: applicationStatus,
  filedAt: isoInstant,
  decideBy: isoInstant,
  overdue: z.boolean(),
  /** The organization handling the linked case. */
  organization: organizationRef,
  /** Replies from the applicant the deciding body has not opened yet. */
  unreadMessages: z.int(),
});
export const applicationListResponse = z.object({ items: z.array(applicationListItem) });
export type ApplicationListResponse = z.infer<typeof applicationListResponse>;

export const applicationParams = z.strictObject({ applicationId: z.string().min(1).max(LIMITS.pathId) });

export const decideApplicationRequest = z.strictObject({
  status: z.enum(['in_review', 'granted', 'refused']),
  /** Shown to the reporter; required with a decision. */
  decisionNote: z.string().trim().min(1).max(LIMITS.note).optional(),
});
export type DecideApplicationRequest = z.infer<typeof decideApplicationRequest>;

export const applicationDetailResponse = applicationListItem.extend({
  identity: applicantIdentity,
  statement: z.string(),
  legalBasis: z.string(),
  decidedAt: isoInstant.nullable(),
  decisionNote: z.string().nullable(),
  /** The linked case as the deciding body may see it here: its facts, never its text. */
  case: z.object({ category: z.string(), status: z.string(), createdAt: isoInstant }),
  messages: z.array(applicationMessage),
  audit: z.array(auditEntry),
  auditVerified: z.boolean(),
  /** What failed, when the chain does not verify. */
  auditProblem: z.string().nullable(),
});
export type ApplicationDetailResponse = z.infer<typeof applicationDetailResponse>;
