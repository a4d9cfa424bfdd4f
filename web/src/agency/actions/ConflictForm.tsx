// The staff member assigned the case declares a conflict of interest and steps aside (POST /cases/{caseId}/conflict):
// the case returns to the supervisors, the reason is kept as an internal note, and they are never assigned it again.
import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { type CaseDetailResponse, caseDetailResponse, conflictDeclaration } from '#schemas/agency.js';
import { ErrorSummary, Notice } from '../../shared/ErrorSummary.js';
import { Field } from '../../shared/Field.js';
import { type FieldErrors, fieldErrors } from '../../shared/validation.js';
import { useAgency } from '../context.js';
import { useDraft } from '../drafts.js';
import { actionFailure, type CaseActionDone, casePath } from './outcome.js';

const REASON_ID = 'conflict-reason';

export function ConflictForm({ detail, onDone }: { detail: CaseDetailResponse; onDone: CaseActionDone }): JSX.Element {
  const { t, call } = useAgency();
  const [reason, setReason, forgetReason] = useDraft(detail.caseId, 'conflictReason');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setFailure(null);
    const checked = conflictDeclaration.safeParse({ reason }, { reportInput: true });
    if (!checked.success) {
      setErrors(fieldErrors(checked.error, t));
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await call('POST', `${casePath(detail.caseId)}/conflict`, caseDetailResponse, checked.data);
    setBusy(false);
    if (result.ok) {
      forgetReason();
      return onDone('agency.assign.conflictDone', { updated: result.data });
    }
    const failed = actionFailure(result, t);
    setErrors(failed.fields);
    setFailure(failed.text);
  }

  const summary = errors.reason ? [{ fieldId: REASON_ID, label: t('agency.assign.conflictReason'), message: errors.reason }] : [];
  return (
    <section class="case-action">
      <h2>{t('agency.assign.conflictHeading')}</h2>
      <p class="hint">{t('agency.assign.conflictHint')}</p>
      <ErrorSummary heading={t('validation.summary')} items={summary} />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Field id={REASON_ID} label={t('agency.assign.conflictReason')} error={errors.reason}>
          {(control) => (
            <textarea
              {...control}
              class="short"
              rows={3}
              maxLength={LIMITS.transferReason}
              value={reason}
              onInput={(event) => setReason((event.target as HTMLTextAreaElement).value)}
            />
          )}
        </Field>
        <Notice kind="error" text={failure} />
        <div class="actions">
          <button type="submit" class="secondary" disabled={busy}>
            {t('agency.assign.conflictSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
