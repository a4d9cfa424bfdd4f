// What a failed case action tells the user: the fields the server refused (400), or one sentence.
import type { UiStringKey } from '#schemas/uiStrings.js';
import type { ApiResult } from '../../shared/api.js';
import type { Translate } from '../../shared/i18n.js';
import { detailErrors, type FieldErrors } from '../../shared/validation.js';
import { failureText } from '../labels.js';

/** Reports success with the key of the sentence to show, so it follows a later change of language. */
export type CaseActionDone = (message: UiStringKey, kind?: 'transfer') => Promise<void>;

export function actionFailure(result: Extract<ApiResult<unknown>, { ok: false }>, t: Translate): { text: string; fields: FieldErrors } {
  if (result.status === 400) return { text: t('error.validation'), fields: detailErrors(result.error?.details, t) };
  return { text: failureText(result, t), fields: {} };
}

/** The case's address in the API. */
export const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;
