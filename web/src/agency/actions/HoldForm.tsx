// Supervisors and the oversight body place a legal hold on a case (a court, an investigation or an audit needs it
// kept past its retention date), or lift it, with a reason kept as an internal note and an audit event
// (POST /cases/{caseId}/hold). Offered on closed cases too: that is when a hold matters, since only a closed case
// has a deletion date. The reporter is not told (docs/security.md, "Retention and deletion").
import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { type CaseDetailResponse, caseDetailResponse, legalHoldRequest } from '#schemas/agency.js';
import { ErrorSummary, Notice } from '../../shared/ErrorSummary.js';
import { Field } from '../../shared/Field.js';
import { type FieldErrors, fieldErrors } from '../../shared/validation.js';
import { useAgency } from '../context.js';
import { useDraft } from '../drafts.js';
import { actionFailure, type CaseActionDone, casePath } from './outcome.js';

const REASON_ID = 'hold-reason';

export function HoldForm({ detail, onDone }: { detail: CaseDetailResponse; onDone: CaseActionDone }): JSX.Element {
  const { t, call } = useAgency();
  const held = detail.legalHold !== null;
  const [reason, setReason, forgetReason] = useDraft(detail.caseId, 'holdReason');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setFailure(null);
    const checked = legalHoldRequest.safeParse({ held: !held, reason }, { reportInput: true });
    if (!checked.success) {
      setErrors(fieldErrors(checked.error, t));
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await call('POST', `${casePath(detail.caseId)}/hold`, caseDetailResponse, checked.data);
    setBusy(false);
    if (result.ok) {
      forgetReason();
      return onDone(held ? 'agency.hold.lifted' : 'agency.hold.placed', { updated: result.data });
    }
    const failed = actionFailure(result, t);
    setErrors(failed.fields);
    setFailure(failed.text);
  }

  const action = held ? t('agency.hold.lift') : t('agency.hold.place');
  const summary = errors.reason ? [{ fieldId: REASON_ID, label: t('agency.hold.reason'), message: errors.reason }] : [];
  return (
    <section class="case-action">
      <h2>{action}</h2>
      <p class="hint">{held ? t('agency.hold.liftHint') : t('agency.hold.placeHint')}</p>
      <ErrorSummary heading={t('validation.summary')} items={summary} />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Field id={REASON_ID} label={t('agency.hold.reason')} error={errors.reason}>
          {(control) => (
            <textarea
              {...control}
              class="short"
              rows={3}
              maxLength={LIMITS.legalHoldReason}
              value={reason}
              onInput={(event) => setReason((event.target as HTMLTextAreaElement).value)}
            />
          )}
        </Field>
        <Notice kind="error" text={failure} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {action}
          </button>
        </div>
      </form>
    </section>
  );
}
