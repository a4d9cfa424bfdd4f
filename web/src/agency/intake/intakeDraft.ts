// What the staff member has typed into "Take a report", and the POST /intake body made from it, checked by the API's
// own schema so the console and the server agree on what is missing.
import type { AssistedChannel } from '#contract/intakeChannel.js';
import { assistedReportRequest } from '#schemas/intake.js';
import { parseAmount } from '../../citizen/report/amount.js';

export interface IntakeDraft {
  channel: AssistedChannel | '';
  /** The reporter's language: the case and their status page are in it. */
  language: string;
  category: string;
  organizationId: string;
  subjectIsHead: boolean;
  title: string;
  description: string;
  /** A day, YYYY-MM-DD. */
  occurredOn: string;
  occurredApproximately: boolean;
  location: string;
  amountValue: string;
  currency: string;
  anonymity: 'anonymous' | 'confidential' | '';
  contact: { name: string; email: string; phone: string };
}

export function emptyIntakeDraft(language: string, currency: string): IntakeDraft {
  return {
    channel: '',
    language,
    category: '',
    organizationId: '',
    subjectIsHead: false,
    title: '',
    description: '',
    occurredOn: '',
    occurredApproximately: false,
    location: '',
    amountValue: '',
    currency,
    anonymity: '',
    contact: { name: '', email: '', phone: '' },
  };
}

/** `languages`: the pack's, for reading an amount written with a currency word in any of them. */
export function intakeRequestFrom(draft: IntakeDraft, languages: string[]): unknown {
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  const contact =
    draft.anonymity === 'confidential'
      ? Object.fromEntries(
          Object.entries(draft.contact)
            .map(([k, v]) => [k, v.normalize('NFKC').trim()] as const)
            .filter(([, v]) => v !== ''),
        )
      : null;
  return {
    channel: draft.channel || undefined,
    category: draft.category,
    organizationId: draft.organizationId,
    language: draft.language,
    title: draft.title,
    description: draft.description,
    occurredOn: optional(draft.occurredOn),
    ...(draft.occurredOn.trim() && draft.occurredApproximately ? { occurredApproximately: true } : {}),
    location: optional(draft.location),
    amount:
      draft.amountValue.trim() === ''
        ? null
        : {
            value:
              parseAmount(draft.amountValue, draft.currency, [draft.language, ...languages.filter((l) => l !== draft.language)]) ??
              Number.NaN,
            currency: draft.currency,
          },
    subjectIsHead: draft.subjectIsHead,
    anonymity: draft.anonymity || undefined,
    // An empty confidential contact is sent as null, so the schema says "a confidential report needs contact details".
    contact: contact && Object.keys(contact).length ? contact : null,
  };
}

/** Checked with `reportInput`, so each problem can be told as empty or wrong (shared/validation.ts). */
export function checkIntake(draft: IntakeDraft, languages: string[]) {
  return assistedReportRequest.safeParse(intakeRequestFrom(draft, languages), { reportInput: true });
}
