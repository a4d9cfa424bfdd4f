// Form checks use the API's own zod schemas (functions/schemas), so the browser and the server agree on what is
// valid; this turns zod's issues into sentences in the reader's language, one per field. Parse with
// `{ reportInput: true }` so an empty answer can be told from a wrong one.
import type * as z from 'zod';
import type { Translate } from './i18n.js';

export type FieldErrors = Record<string, string>;

/** Questions answered by choosing, not typing: an empty answer reads "choose one". */
const CHOICES = new Set(['category', 'organizationId', 'anonymity', 'subjectIsHead', 'status', 'resolution']);

export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const field = issue.path.map(String).join('.');
  const empty = issue.input === undefined || issue.input === null || issue.input === '';
  if (CHOICES.has(field) && empty) return t('validation.choose');
  if (field.startsWith('amount')) return t('validation.amount');
  if (field === 'occurredOn' && !empty) return t('validation.date');
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'number' ? t('validation.amount') : t('validation.required');
    case 'too_big':
      if (issue.origin !== 'string') return t('validation.invalid');
      // Say how long it is: text pasted over the limit is refused whole, never cut short where nobody sees.
      return typeof issue.input === 'string'
        ? t('validation.tooLongCount', { count: formatCount(issue.input.length), max: formatCount(Number(issue.maximum)) })
        : t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_type':
      return empty ? t('validation.required') : t('validation.invalid');
    case 'invalid_value':
      return t('validation.choose');
    case 'invalid_format':
      if (empty) return t('validation.required');
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'date') return t('validation.date');
      if (field.endsWith('phone')) return t('validation.phone');
      if (field === 'trackingCode') return t('validation.trackingCode');
      return t('validation.invalid');
    case 'custom':
      return field === 'contact' ? t('validation.contact') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/** 20,431 in the page's language (20 431, 20.431). */
function formatCount(count: number): string {
  try {
    return new Intl.NumberFormat(typeof document === 'undefined' ? undefined : document.documentElement.lang || undefined).format(count);
  } catch {
    return String(count);
  }
}

/** The first problem of each field, keyed by its dotted path ("contact.email"). */
export function fieldErrors(error: z.ZodError, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(form)';
    out[path] ??= issueMessage(issue, t);
  }
  return out;
}

/** Server-side details (already checked in the browser, so rare) keyed the same way. */
export function detailErrors(details: { path: string; message: string }[] | undefined, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const d of details ?? []) out[d.path] ??= d.message || t('validation.invalid');
  return out;
}
