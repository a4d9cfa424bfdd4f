// From the draft to POST /reports, checked by the API's own schema so the browser and server agree.
import { submitReportRequest } from '#schemas/report.js';
import { parseAmount } from './amount.js';
import type { ReportDraft } from './draft.js';

/** Contact details as typed on any keyboard: full-width digits and letters (NFKC) read as the plain ones. */
const plain = (value: string) => value.normalize('NFKC').trim();

/** `languages`: the reader's, then the pack's others, for reading an amount written with a currency word. */
export function reportRequestFrom(draft: ReportDraft, language: string, languages: string[] = [language]): unknown {
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  const contact =
    draft.anonymity === 'confidential'
      ? Object.fromEntries(
          Object.entries(draft.contact)
            .filter(([, v]) => plain(v) !== '')
            .map(([k, v]) => [k, plain(v)]),
        )
      : null;
  const sentIn = draft.sentLanguage ?? language;
  return {
    category: draft.category,
    organizationId: draft.organizationId,
    language: sentIn,
    title: draft.title,
    description: draft.description,
    occurredOn: optional(draft.occurredOn),
    ...(draft.occurredOn.trim() && draft.occurredApproximately ? { occurredApproximately: true } : {}),
    location: optional(draft.location),
    amount:
      draft.amountValue.trim() === ''
        ? null
        : {
            value: parseAmount(draft.amountValue, draft.currency, [sentIn, ...languages.filter((l) => l !== sentIn)]) ?? Number.NaN,
            currency: draft.currency,
          },
    subjectIsHead: draft.subjectIsHead === true,
    anonymity: draft.anonymity ?? undefined,
    contact,
    uploadIds: draft.uploads.map((u) => u.uploadId),
    trackingCode: draft.trackingCode,
  };
}

/** Checked with `reportInput`, so each problem can be told as empty or wrong (shared/validation.ts). */
export function checkReport(draft: ReportDraft, language: string, languages: string[] = [language]) {
  return submitReportRequest.safeParse(reportRequestFrom(draft, language, languages), { reportInput: true });
}
