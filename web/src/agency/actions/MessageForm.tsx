// A question or news for the reporter, who reads it with their tracking code (POST /cases/{id}/messages). The text
// is kept in the tab until it is sent (drafts.ts).
import { LIMITS } from '#contract/limits.js';
import { createdMessageResponse } from '#schemas/track.js';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { agencyMessageRequest } from '#schemas/agency.js';
import type { CaseDetailResponse } from '#schemas/agency.js';
import { Notice } from '../../shared/ErrorSummary.js';
import { Field } from '../../shared/Field.js';
import { fieldErrors } from '../../shared/validation.js';
import { useAgency } from '../context.js';
import { useDraft } from '../drafts.js';
import { actionFailure, type CaseActionDone, casePath } from './outcome.js';

const BODY_ID = 'message-body';

export function MessageForm({ detail, onDone }: { detail: CaseDetailResponse; onDone: CaseActionDone }): JSX.Element {
  const { t, call } = useAgency();
  const [body, setBody, forgetBody] = useDraft(detail.caseId, 'message');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setFailure(null);
    const checked = agencyMessageRequest.safeParse({ body }, { reportInput: true });
    if (!checked.success) {
      setError(fieldErrors(checked.error, t).body ?? t('validation.invalid'));
      document.getElementById(BODY_ID)?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    const result = await call('POST', `${casePath(detail.caseId)}/messages`, createdMessageResponse, checked.data);
    setBusy(false);
    if (result.ok) {
      forgetBody();
      return onDone('agency.action.messageSent');
    }
    const failed = actionFailure(result, t);
    setError(failed.fields.body);
    setFailure(failed.text);
  }

  return (
    // No aria-labelledby: a region named like the field would make the field's label ambiguous.
    <section class="case-action">
      <h2>{t('agency.action.message')}</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Field id={BODY_ID} label={t('agency.action.message')} error={error}>
          {(control) => (
            <textarea
              {...control}
              rows={5}
              maxLength={LIMITS.message}
              value={body}
              onInput={(event) => setBody((event.target as HTMLTextAreaElement).value)}
            />
          )}
        </Field>
        <Notice kind="error" text={failure} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('common.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
