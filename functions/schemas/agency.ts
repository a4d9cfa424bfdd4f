// The agency API: queue, case view, case work and statistics.
import * as z from 'zod';
import { LIMITS } from '#contract/limits.js';
import { INTAKE_CHANNELS } from '#contract/intakeChannel.js';
import { organizationId } from './countryPack.js';
import { auditEntry, caseStatusSchema, isoInstant, resolutionSchema } from './common.js';

export { auditEntry };
import { amountSchema, contactSchema, organizationRef } from './report.js';
import { caseMessage, publicAttachment } from './track.js';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const day = z.iso.date('a date as YYYY-MM-DD');

export const listCasesQuery = z
  .strictObject({
    status: caseStatusSchema.optional(),
    overdue: flag.optional(),
    /** Oversight only: the cases escalated to the caller's body instead of its own queue. */
    escalated: flag.optional(),
    /** `me` (the caller), `none` (nobody yet) or a username of the organization. */
    assignee: z.string().trim().min(1).max(LIMITS.username).optional(),
    category: z.string().min(1).max(LIMITS.pathId).optional(),
    channel: z.enum(INTAKE_CHANNELS).optional(),
    /** Filed on or after this day (UTC). */
    from: day.optional(),
    /** Filed on or before this day (UTC). */
    to: day.optional(),
    /** One case by its id: the page holds it if it is in the caller's reach and matches the other filters. */
    caseId: z.string().min(1).max(LIMITS.pathId).optional(),
    cursor: z.string().min(1).max(LIMITS.cursor).optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.queuePageMaximum).default(LIMITS.queuePageDefault),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['to'],
    message: 'the end of the date range is before its start',
  });
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const caseListItem = z.object({
  caseId: z.string(),
  category: z.string(),
  title: z.string(),
  status: caseStatusSchema,
  createdAt: isoInstant,
  acknowledgeBy: isoInstant,
  respondBy: isoInstant,
  overdue: z.boolean(),
  organizationId: z.string(),
  escalated: z.boolean(),
  /** The whistleblower's messages since the owning organization last opened the case. */
  unreadReplies: z.number().int().nonnegative(),
  /** Under a legal hold: not deleted when its retention runs out. */
  held: z.boolean(),
  /** The staff member responsible for the case, or null while nobody is. */
  assignee: z.string().nullable(),
});
export const caseListResponse = z.object({ items: z.array(caseListItem), nextCursor: z.string().nullable() });
export type CaseListResponse = z.infer<typeof caseListResponse>;

export const caseParams = z.strictObject({ caseId: z.string().min(1).max(LIMITS.pathId) });
export const attachmentParams = z.strictObject({
  caseId: z.string().min(1).max(LIMITS.pathId),
  attachmentId: z.string().min(1).max(LIMITS.pathId),
});

const note = z.string().trim().min(1).max(LIMITS.note);

export const updateCaseRequest = z.strictObject({
  status: caseStatusSchema,
  publicNote: note.optional(),
  internalNote: note.optional(),
  resolution: resolutionSchema.optional(),
});
export type UpdateCaseRequest = z.infer<typeof updateCaseRequest>;

export const agencyMessageRequest = z.strictObject({ body: z.string().trim().min(1).max(LIMITS.message) });

export const transferRequest = z.strictObject({
  organizationId,
  reason: z.string().trim().min(1).max(LIMITS.transferReason),
});
export type TransferRequest = z.infer<typeof transferRequest>;

/** POST /cases/{caseId}/assignment: the staff member (a username of the case's organization) now responsible for it. */
export const assignmentRequest = z.strictObject({ assignee: z.string().trim().min(1).max(LIMITS.username) });
export type AssignmentRequest = z.infer<typeof assignmentRequest>;

/** POST /cases/{caseId}/conflict: the assignee steps aside, saying why (kept as a sealed internal note). */
export const conflictDeclaration = z.strictObject({ reason: z.string().trim().min(1).max(LIMITS.transferReason) });
export type ConflictDeclaration = z.infer<typeof conflictDeclaration>;

/** POST /cases/{caseId}/hold: place a legal hold (`held: true`) or lift it, with the reason (kept as a sealed note). */
export const legalHoldRequest = z.strictObject({
  held: z.boolean(),
  reason: z.string().trim().min(1).max(LIMITS.legalHoldReason),
});
export type LegalHoldRequest = z.infer<typeof legalHoldRequest>;

export const agencyTimelineEntry = z.object({
  at: isoInstant,
  status: caseStatusSchema,
  publicNote: z.string().optional(),
  organization: organizationRef.optional(),
});

export const caseDetailResponse = z.object({
  caseId: z.string(),
  status: caseStatusSchema,
  organization: organizationRef,
  reportedOrganization: organizationRef,
  category: z.string(),
  title: z.string(),
  description: z.string(),
  /** A day (YYYY-MM-DD) or a month (YYYY-MM). */
  occurredOn: z.string().nullable(),
  /** The reporter gave the date as "about then". */
  occurredApproximately: z.boolean(),
  location: z.string().nullable(),
  amount: amountSchema.nullable(),
  subjectIsHead: z.boolean(),
  anonymity: z.enum(['anonymous', 'confidential']),
  /**
   * Only in GET /cases/{caseId}, only for the organization the reporter shared them with (the one the report went to
   * when filed) while the case is in its queue, and recorded in the audit trail; null otherwise.
   */
  contact: contactSchema.nullable(),
  /** The organization the reporter shared contact details with; null for an anonymous report. */
  contactSharedWith: organizationRef.nullable(),
  createdAt: isoInstant,
  acknowledgeBy: isoInstant,
  respondBy: isoInstant,
  overdue: z.boolean(),
  escalatedTo: z.string().nullable(),
  resolution: resolutionSchema.nullable(),
  /** When the case is deleted (closure plus the pack's retention); null while it is open. */
  deleteAfter: isoInstant.nullable(),
  /** The staff member responsible for the case (a username of its organization), or null while nobody is. */
  assignee: z.string().nullable(),
  assignedAt: isoInstant.nullable(),
  /** Staff who declared a conflict of interest in the case: never assigned it again. */
  recused: z.array(z.string()),
  /** A legal hold keeps the case past deleteAfter until it is lifted. */
  legalHold: z.object({ placedAt: isoInstant, placedBy: z.string() }).nullable(),
  timeline: z.array(agencyTimelineEntry),
  messages: z.array(caseMessage),
  notes: z.array(z.object({ id: z.string(), at: isoInstant, author: z.string(), body: z.string() })),
  attachments: z.array(publicAttachment.extend({ contentType: z.string() })),
  audit: z.array(auditEntry),
  auditVerified: z.boolean(),
  auditProblem: z.string().nullable(),
});
export type CaseDetailResponse = z.infer<typeof caseDetailResponse>;

export const attachmentLinkResponse = z.object({ url: z.string(), expiresAt: isoInstant });

export const statsResponse = z.object({
  organizationId: z.string(),
  total: z.number(),
  byStatus: z.record(caseStatusSchema, z.number()),
  overdue: z.number(),
  escalated: z.number(),
  medianDaysToAcknowledge: z.number().nullable(),
  medianDaysToClose: z.number().nullable(),
});
export type StatsResponse = z.infer<typeof statsResponse>;
