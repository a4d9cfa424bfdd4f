// Supervisors and the oversight body move a case into another organization's queue, where it starts again as
// received. The destination is found by name among up to a thousand organizations (radio buttons under a search
// field, as the citizen's wizard does: plain to use by keyboard and screen reader), and the move is confirmed first,
// since only the receiving organization can undo it. A report about an organization's head is never offered to that
// organization nor to any under it (invariant 5), and the case's own organization is not offered either. The reason
// is kept in the tab until the case is sent (drafts.ts).
import { LIMITS } from '#contract/limits.js';
import { isWithinOrganization } from '#contract/organizationTree.js';
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { type CaseDetailResponse, type TransferRequest, transferRequest, caseDetailResponse } from '#schemas/agency.js';
import { ErrorSummary, Notice } from '../../shared/ErrorSummary.js';
import { Choice, ChoiceGroup, Field } from '../../shared/Field.js';
import { type FieldErrors, fieldErrors } from '../../shared/validation.js';
import { ConfirmDialog } from '../ConfirmDialog.js';
import { useAgency } from '../context.js';
import { useDraft } from '../drafts.js';
import { organizationName } from '../labels.js';
import { OrganizationSearchField, useOrganizationSearch } from '../OrganizationSearch.js';
import { actionFailure, type CaseActionDone, casePath } from './outcome.js';

const IDS: Record<string, string> = { organizationId: 'transfer-organization', reason: 'transfer-reason' };

export function TransferForm({ detail, onDone }: { detail: CaseDetailResponse; onDone: CaseActionDone }): JSX.Element {
  const { t, call, config } = useAgency();
  const [organizationId, setOrganizationId] = useState('');
  const [reason, setReason, forgetReason] = useDraft(detail.caseId, 'transferReason');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  /** The checked request, waiting for the user's confirmation. */
  const [pending, setPending] = useState<TransferRequest | null>(null);
  const [busy, setBusy] = useState(false);

  const targets = useMemo(() => {
    const tree = new Map(config.organizations.map((o) => [o.id, o]));
    const barred = (id: string) =>
      id === detail.organization.id || (detail.subjectIsHead && isWithinOrganization(tree, id, detail.reportedOrganization.id));
    return config.organizations.filter((o) => !barred(o.id));
  }, [config, detail.organization.id, detail.reportedOrganization.id, detail.subjectIsHead]);
  const search = useOrganizationSearch(targets, organizationId);
  const chosen = targets.find((o) => o.id === organizationId);
  const parentName = (id?: string) => (id ? organizationName(config, id) : undefined);

  function check(event: Event): void {
    event.preventDefault();
    setFailure(null);
    const checked = transferRequest.safeParse({ organizationId, reason }, { reportInput: true });
    if (!checked.success) {
      setErrors(fieldErrors(checked.error, t));
      return;
    }
    setErrors({});
    setPending(checked.data);
  }

  async function transfer(request: TransferRequest): Promise<void> {
    setBusy(true);
    const result = await call('POST', `${casePath(detail.caseId)}/transfer`, caseDetailResponse, request);
    setBusy(false);
    setPending(null);
    if (result.ok) {
      forgetReason();
      return onDone('agency.action.transferDone', { transferred: true });
    }
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
      <form noValidate onSubmit={check}>
        <OrganizationSearchField id="transfer-search" search={search} />
        <ChoiceGroup
          id={IDS.organizationId!}
          legend={labels.organizationId!}
          hint={
            detail.subjectIsHead
              ? t('agency.transfer.notOfferedHead', { organization: organizationName(config, detail.reportedOrganization.id) })
              : t('agency.transfer.notOffered', { organization: organizationName(config, detail.organization.id) })
          }
          error={errors.organizationId}
        >
          {search.options.map((o) => (
            <Choice
              key={o.id}
              name="transfer-organization"
              id={`transfer-to-${o.id}`}
              checked={organizationId === o.id}
              onChange={() => setOrganizationId(o.id)}
              label={o.name}
              help={parentName(o.parentId)}
            />
          ))}
        </ChoiceGroup>
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
      {pending && chosen ? (
        <ConfirmDialog
          id="confirm-transfer"
          heading={t('agency.transfer.confirmHeading')}
          text={t('agency.transfer.confirmText', { organization: chosen.name })}
          confirmLabel={t('agency.transfer.confirm')}
          cancelLabel={t('common.cancel')}
          busy={busy}
          onConfirm={() => void transfer(pending)}
          onCancel={() => setPending(null)}
        />
      ) : null}
    </section>
  );
}
