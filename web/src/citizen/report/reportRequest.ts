// From the draft to POST /reports, checked by the API's own schema so the browser and server agree.
import { submitReportRequest } from '#schemas/report.js';
import type { ReportDraft } from './draft.js';

export function reportRequestFrom(draft: ReportDraft, language: string): unknown {
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  const contact =
    draft.anonymity === 'confidential'
      ? Object.fromEntries(
          Object.entries(draft.contact)
            .filter(([, v]) => v.trim() !== '')
            .map(([k, v]) => [k, v.trim()]),
        )
      : null;
  return {
    category: draft.category,
    organizationId: draft.organizationId,
    language: draft.sentLanguage ?? language,
    title: draft.title,
    description: draft.description,
    occurredOn: optional(draft.occurredOn),
    location: optional(draft.location),
    amount: draft.amountValue.trim() === '' ? null : { value: Number(draft.amountValue), currency: draft.currency },
    subjectIsHead: draft.subjectIsHead === true,
    anonymity: draft.anonymity ?? undefined,
    contact,
    uploadIds: draft.uploads.map((u) => u.uploadId),
    trackingCode: draft.trackingCode,
  };
}

export function checkReport(draft: ReportDraft, language: string) {
  return submitReportRequest.safeParse(reportRequestFrom(draft, language));
}
