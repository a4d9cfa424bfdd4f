// Names of the pack's organizations and categories in the reader's language, status and audit labels, and the
// sentence for an API failure.
import type { ConfigResponse } from '#schemas/config.js';
import type { UiStringKey } from '#schemas/uiStrings.js';
import type { ApiResult } from '../shared/api.js';
import type { Translate } from '../shared/i18n.js';

export function organizationName(config: ConfigResponse, id: string, fallback?: string): string {
  return config.organizations.find((o) => o.id === id)?.name ?? fallback ?? id;
}

export function categoryName(config: ConfigResponse, id: string): string {
  return config.categories.find((c) => c.id === id)?.name ?? id;
}

/** An audit action's label ("case.viewed" → "Case opened"); an action the pack has no string for shows as is. */
export function auditActionLabel(t: Translate, action: string): string {
  const key = `audit.${action}` as UiStringKey;
  const label = t(key);
  return label === key ? action : label;
}

/** The message for a failed call. A 409 carries the server's own explanation of why the move is not possible. */
export function failureText(result: Extract<ApiResult<unknown>, { ok: false }>, t: Translate): string {
  switch (result.status) {
    case 0:
      return t('error.network');
    case 400:
      return t('error.validation');
    case 429:
      return t('error.rateLimited');
    case 503:
      return t('error.unavailable');
    default:
      return result.error?.message ?? t('error.generic');
  }
}
