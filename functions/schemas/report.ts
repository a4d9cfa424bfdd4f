// POST /reports: the citizen's report, and the answer they leave with.
import * as z from 'zod';
import { LIMITS } from '#contract/limits.js';
import { categoryId, languageCode, organizationId } from './countryPack.js';
import { caseStatusSchema, isoInstant } from './common.js';
import { authorCommitment } from './receipt.js';

// Contact details are NFKC-normalized first: full-width digits and letters typed on an East Asian keyboard
// ("０１０－１２３４") are the plain ones.
export const contactSchema = z
  .strictObject({
    name: z.string().normalize('NFKC').trim().min(1).max(LIMITS.contactName).optional(),
    email: z.string().normalize('NFKC').trim().pipe(z.email().max(LIMITS.email)).optional(),
    phone: z
      .string()
      .normalize('NFKC')
      .trim()
      .max(LIMITS.phone)
      .regex(/^\+?[0-9 ()-]{4,40}$/, 'digits, spaces, dashes, brackets and an optional leading +')
      .optional(),
  })
  .refine((c) => c.name !== undefined || c.email !== undefined || c.phone !== undefined, {
    message: 'give at least one of name, email or phone',
  });

export const amountSchema = z.strictObject({
  value: z.number().nonnegative().max(LIMITS.amountValue),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as "KRW"'),
});

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** When it happened: a day ("2026-10-01") or, when only the month is known, a month ("2026-10"). */
export const occurredOnSchema = z
  .string()
  .refine(
    (value) => MONTH.test(value) || z.iso.date().safeParse(value).success,
    'a day such as "2026-10-01", or a month such as "2026-10"',
  );

export const uploadIdSchema = z.string().min(1).max(LIMITS.uploadId);

/**
 * What the reporter tells, however the report reaches the portal: filed on the web (POST /reports) or taken by staff
 * from a call, a letter or a visit (POST /intake, schemas/intake.ts).
 */
export const reportFields = {
  category: categoryId,
  organizationId,
  language: languageCode,
  title: z.string().trim().min(1).max(LIMITS.title),
  description: z.string().trim().min(1).max(LIMITS.description),
  occurredOn: occurredOnSchema.nullish(),
  /** The reporter is not sure of the day or month given ("about then"). */
  occurredApproximately: z.boolean().optional(),
  location: z.string().trim().max(LIMITS.location).nullish(),
  amount: amountSchema.nullish(),
  subjectIsHead: z.boolean().default(false),
  anonymity: z.enum(['anonymous', 'confidential']),
  contact: contactSchema.nullish(),
};

/** Contact details go with a confidential report, and only with one. */
export function checkAnonymity(
  report: { anonymity: 'anonymous' | 'confidential'; contact?: Contact | null | undefined },
  ctx: z.RefinementCtx,
): void {
  if (report.anonymity === 'anonymous' && report.contact != null) {
    ctx.addIssue({
      code: 'custom',
      path: ['contact'],
      message: 'an anonymous report carries no contact details; choose "confidential" to give them',
    });
  }
  if (report.anonymity === 'confidential' && report.contact == null) {
    ctx.addIssue({ code: 'custom', path: ['contact'], message: 'a confidential report needs contact details' });
  }
}

export const submitReportRequest = z
  .strictObject({
    ...reportFields,
    uploadIds: z.array(uploadIdSchema).max(LIMITS.attachmentsPerSubmission).default([]),
    trackingCode: z.string().max(LIMITS.trackingCodeInput).optional(),
    /** SHA-256 of a secret only the reporter's browser holds; the receipt signs it (docs/receipts.md). */
    authorCommitment: authorCommitment.optional(),
  })
  .superRefine((report, ctx) => {
    checkAnonymity(report, ctx);
    if (new Set(report.uploadIds).size !== report.uploadIds.length) {
      ctx.addIssue({ code: 'custom', path: ['uploadIds'], message: 'each upload can be attached once' });
    }
  });

export type SubmitReportRequest = z.infer<typeof submitReportRequest>;
export type Contact = z.infer<typeof contactSchema>;

export const organizationRef = z.object({ id: z.string(), name: z.string() });

export const submitReportResponse = z.object({
  caseId: z.string(),
  trackingCode: z.string(),
  organization: organizationRef,
  status: caseStatusSchema,
  acknowledgeBy: isoInstant,
  respondBy: isoInstant,
  /** The signed proof of filing, a compact JWS (docs/receipts.md); null for a case filed before receipts. */
  receipt: z.string().nullable(),
});
export type SubmitReportResponse = z.infer<typeof submitReportResponse>;
