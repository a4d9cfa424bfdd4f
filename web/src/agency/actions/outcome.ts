// What a failed case action tells the user: the fields the server refused (400), or one sentence.
import type { CaseDetailResponse } from '#schemas/agency.js';
import type { UiStringKey } from '#schemas/uiStrings.js';
import type { ApiResult } from '../../shared/api.js';
import type { Translate } from '../../shared/i18n.js';
import { detailErrors, type FieldErrors } from '../../shared/validation.js';
import { failureText } from '../labels.js';

/**
 * What the case view does after an action: show the case the API answered with (a status change answers the case
 * as it now stands), or learn where a transferred case went; otherwise it reads the case again.
 */
export type CaseAfterAction = { updated: CaseDetailResponse } | { transferred: true };

/** Reports success with the key of the sentence to show, so it follows a later change of language. */
export type CaseActionDone = (message: UiStringKey, after?: CaseAfterAction) => Promise<void>;

export function actionFailure(result: Extract<ApiResult<unknown>, { ok: false }>, t: Translate): { text: string; fields: FieldErrors } {
  if (result.status === 400) return { text: t('error.validation'), fields: detailErrors(result.error?.details, t) };
  return { text: failureText(result, t), fields: {} };
}

/** The case's address in the API. */
export const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;
