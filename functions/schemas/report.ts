// POST /reports: the citizen's report, and the answer they leave with.
import * as z from 'zod';
import { categoryId, languageCode, organizationId } from './countryPack.js';
import { caseStatusSchema, isoInstant } from './common.js';

export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 20_000;

export const contactSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^\+?[0-9 ()-]{4,40}$/, 'digits, spaces, dashes, brackets and an optional leading +')
      .optional(),
  })
  .refine((c) => c.name !== undefined || c.email !== undefined || c.phone !== undefined, {
    message: 'give at least one of name, email or phone',
  });

export const amountSchema = z.strictObject({
  value: z.number().nonnegative().max(1e18),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as "KRW"'),
});

export const uploadIdSchema = z.string().min(1).max(1024);

export const submitReportRequest = z
  .strictObject({
    category: categoryId,
    organizationId,
    language: languageCode,
    title: z.string().trim().min(1).max(MAX_TITLE),
    description: z.string().trim().min(1).max(MAX_DESCRIPTION),
    occurredOn: z.iso.date().nullish(),
    location: z.string().trim().max(500).nullish(),
    amount: amountSchema.nullish(),
    subjectIsHead: z.boolean().default(false),
    anonymity: z.enum(['anonymous', 'confidential']),
    contact: contactSchema.nullish(),
    uploadIds: z.array(uploadIdSchema).max(10).default([]),
    trackingCode: z.string().max(64).optional(),
  })
  .superRefine((report, ctx) => {
    if (report.anonymity === 'anonymous' && report.contact != null) {
      ctx.addIssue({ code: 'custom', path: ['contact'], message: 'an anonymous report carries no contact details; choose "confidential" to give them' });
    }
    if (report.anonymity === 'confidential' && report.contact == null) {
      ctx.addIssue({ code: 'custom', path: ['contact'], message: 'a confidential report needs contact details' });
    }
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
});
export type SubmitReportResponse = z.infer<typeof submitReportResponse>;
