// A supervisor of the organization holding the case names the staff member responsible for it
// (POST /cases/{caseId}/assignment). Staff who declared a conflict in the case are not offered.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { assignmentRequest, type CaseDetailResponse, caseDetailResponse } from '#schemas/agency.js';
import { ErrorSummary, Notice } from '../../shared/ErrorSummary.js';
import { Field } from '../../shared/Field.js';
import { type FieldErrors, fieldErrors } from '../../shared/validation.js';
import { useAgency } from '../context.js';
import { useStaff } from '../staff.js';
import { actionFailure, type CaseActionDone, casePath } from './outcome.js';

const ASSIGNEE_ID = 'assign-to';

export function AssignForm({ detail, onDone }: { detail: CaseDetailResponse; onDone: CaseActionDone }): JSX.Element {
  const { t, call } = useAgency();
  const staff = useStaff();
  const [assignee, setAssignee] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const offered = (staff ?? []).filter(
    (m) => m.role !== 'oversight' && m.username !== detail.assignee && !detail.recused.includes(m.username),
  );

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setFailure(null);
    const checked = assignmentRequest.safeParse({ assignee }, { reportInput: true });
    if (!checked.success) {
      setErrors(fieldErrors(checked.error, t));
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await call('POST', `${casePath(detail.caseId)}/assignment`, caseDetailResponse, checked.data);
    setBusy(false);
    if (result.ok) {
      setAssignee('');
      return onDone('agency.assign.done', { updated: result.data });
    }
    const failed = actionFailure(result, t);
    setErrors(failed.fields);
    setFailure(failed.text);
  }

  const summary = errors.assignee ? [{ fieldId: ASSIGNEE_ID, label: t('agency.assign.to'), message: errors.assignee }] : [];
  return (
    <section class="case-action">
      <h2>{detail.assignee ? t('agency.assign.reassignHeading') : t('agency.assign.heading')}</h2>
      <ErrorSummary heading={t('validation.summary')} items={summary} />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Field id={ASSIGNEE_ID} label={t('agency.assign.to')} error={errors.assignee}>
          {(control) => (
            <select {...control} value={assignee} onChange={(event) => setAssignee((event.target as HTMLSelectElement).value)}>
              <option value="">{t('agency.assign.choose')}</option>
              {offered.map((m) => (
                <option key={m.username} value={m.username} translate={false}>
                  {m.username} ({t(`role.${m.role}`)})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Notice kind="error" text={failure} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('agency.assign.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
