// Supervisors and the oversight body move a case into another organization's queue, where it starts again as
// received. A report about an organization's head is never offered to that organization.
import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { type CaseDetailResponse, transferRequest, caseDetailResponse } from '#schemas/agency.js';
import { ErrorSummary, Notice } from '../../shared/ErrorSummary.js';
import { Field } from '../../shared/Field.js';
import { type FieldErrors, fieldErrors } from '../../shared/validation.js';
import { useAgency } from '../context.js';
import { actionFailure, type CaseActionDone, casePath } from './outcome.js';

const IDS: Record<string, string> = { organizationId: 'transfer-organization', reason: 'transfer-reason' };

export function TransferForm({ detail, onDone }: { detail: CaseDetailResponse; onDone: CaseActionDone }): JSX.Element {
  const { t, call, config, language } = useAgency();
  const [organizationId, setOrganizationId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const targets = useMemo(() => {
    const excluded = new Set([detail.organization.id, ...(detail.subjectIsHead ? [detail.reportedOrganization.id] : [])]);
    return config.organizations.filter((o) => !excluded.has(o.id)).sort((a, b) => a.name.localeCompare(b.name, language));
  }, [config, detail.organization.id, detail.reportedOrganization.id, detail.subjectIsHead, language]);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setFailure(null);
    const checked = transferRequest.safeParse({ organizationId, reason }, { reportInput: true });
    if (!checked.success) return setErrors(fieldErrors(checked.error, t));
    setErrors({});
    setBusy(true);
    const result = await call('POST', `${casePath(detail.caseId)}/transfer`, caseDetailResponse, checked.data);
    setBusy(false);
    if (result.ok) return onDone('agency.action.transferDone', 'transfer');
    const failed = actionFailure(result, t);
    setErrors(failed.fields);
    setFailure(failed.text);
  }

  const labels: Record<string, string> = { organizationId: t('agency.action.transferTo'), reason: t('agency.action.transferReason') };
  const summary = Object.entries(errors).map(([path, message]) => ({
    fieldId: IDS[path] ?? IDS.organizationId!,
    label: labels[path] ?? path,
    message,
  }));

  return (
    <section class="case-action">
      <h2>{t('agency.action.transfer')}</h2>
      <ErrorSummary heading={t('validation.summary')} items={summary} />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Field id={IDS.organizationId!} label={labels.organizationId!} error={errors.organizationId}>
          {(control) => (
            <select {...control} value={organizationId} onChange={(event) => setOrganizationId((event.target as HTMLSelectElement).value)}>
              <option value="">{t('validation.choose')}</option>
              {targets.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={IDS.reason!} label={labels.reason!} error={errors.reason}>
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
          <button type="submit" disabled={busy}>
            {t('agency.action.transfer')}
          </button>
        </div>
      </form>
    </section>
  );
}
