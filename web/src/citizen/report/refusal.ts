// A submission the server refused outright (any 4xx but a rate limit): nothing was filed, so the form opens again
// at the step that can fix it, naming the file or field, in the reader's language. The server's own sentences are
// English and written for developers; its error code and the details' paths are what is read here.
import type { ApiError } from '../../shared/api.js';
import type { Translate } from '../../shared/i18n.js';
import type { FieldErrors } from '../../shared/validation.js';
import type { ReportDraft } from './draft.js';

/** A 4xx other than 429: the server looked at the report and said no, so it was not filed. */
export function isDefiniteRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 429;
}

export interface Refusal {
  /** Problems by field path ("uploadIds.0", "occurredOn"); shown on the step that owns each. */
  errors: FieldErrors;
  /** The proposed tracking code belongs to another report: the next attempt needs a new one. */
  newCode: boolean;
}

const FIELD_MESSAGES: Record<string, Parameters<Translate>[0]> = {
  category: 'validation.choose',
  organizationId: 'validation.choose',
  anonymity: 'validation.choose',
  occurredOn: 'validation.date',
  'contact.email': 'validation.email',
  'contact.phone': 'validation.phone',
  contact: 'validation.contact',
};

export function readRefusal(status: number, error: ApiError | null, draft: ReportDraft, t: Translate): Refusal {
  const errors: FieldErrors = {};
  let newCode = false;
  for (const { path } of error?.details ?? []) {
    const upload = /^uploadIds\.(\d+)$/.exec(path);
    if (upload) {
      const name = draft.uploads[Number(upload[1])]?.name ?? '';
      errors[path] ??= t(status === 415 ? 'report.refused.fileType' : 'report.refused.fileAgain', { name });
    } else if (path === 'trackingCode') newCode = true;
    else errors[path] ??= t(FIELD_MESSAGES[path] ?? 'validation.invalid');
  }
  // A conflict that names no file is the proposed code: it already belongs to a different report.
  if (status === 409 && Object.keys(errors).length === 0) newCode = true;
  return { errors, newCode };
}
