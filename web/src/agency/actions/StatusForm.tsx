// Moves the case along its life with a note the reporter sees and/or an internal one. Only the moves the case
// state machine allows are offered; closing asks for a resolution; keeping the status just adds notes, and is what
// the form starts with, so saving a note never moves the case by itself (the reporter sees every move). Closing is
// final, so it is confirmed first. The notes are kept in the tab until they are saved (drafts.ts).
import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { allowedNextStatuses } from '#contract/caseLife.js';
import { type CaseStatus, RESOLUTIONS, type Resolution } from '#contract/caseLife.js';
import { type CaseDetailResponse, type UpdateCaseRequest, updateCaseRequest, caseDetailResponse } from '#schemas/agency.js';
import { ErrorSummary, Notice } from '../../shared/ErrorSummary.js';
import { Field } from '../../shared/Field.js';
import { type FieldErrors, fieldErrors } from '../../shared/validation.js';
import { ConfirmDialog } from '../ConfirmDialog.js';
import { useAgency } from '../context.js';
import { useDraft } from '../drafts.js';
import { actionFailure, type CaseActionDone, casePath } from './outcome.js';

const IDS: Record<string, string> = {
  status: 'status-new',
  publicNote: 'status-public-note',
  internalNote: 'status-internal-note',
  resolution: 'status-resolution',
};

/**
 * The statuses a case can be given here, "no change" first: transfers have their own form, so "transferred" is never
 * offered.
 */
export function statusChoices(current: CaseStatus): CaseStatus[] {
  const next = allowedNextStatuses(current).filter((s) => s !== 'transferred');
  return current === 'closed' ? next : [current, ...next];
}

export function StatusForm({ detail, onDone }: { detail: CaseDetailResponse; onDone: CaseActionDone }): JSX.Element {
  const { t, call } = useAgency();
  const choices = statusChoices(detail.status);
  const [status, setStatus] = useState<CaseStatus>(detail.status);
  const [publicNote, setPublicNote, forgetPublicNote] = useDraft(detail.caseId, 'publicNote');
  const [internalNote, setInternalNote, forgetInternalNote] = useDraft(detail.caseId, 'internalNote');
  const [resolution, setResolution] = useState<Resolution | ''>('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** A checked close, waiting for the user's confirmation. */
  const [pendingClose, setPendingClose] = useState<UpdateCaseRequest | null>(null);
  const closing = status === 'closed';

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setFailure(null);
    const request = {
      status,
      ...(publicNote.trim() ? { publicNote } : {}),
      ...(internalNote.trim() ? { internalNote } : {}),
      ...(closing && resolution ? { resolution } : {}),
    };
    const checked = updateCaseRequest.safeParse(request, { reportInput: true });
    const found = checked.success ? {} : fieldErrors(checked.error, t);
    // What the server would refuse with 400 or 409: closing without a resolution, or keeping the status with no note.
    if (closing && !resolution) found.resolution ??= t('validation.choose');
    if (status === detail.status && !request.publicNote && !request.internalNote) found.publicNote ??= t('validation.required');
    setErrors(found);
    if (!checked.success || Object.keys(found).length) return;
    if (checked.data.status === 'closed') setPendingClose(checked.data);
    else await save(checked.data);
  }

  async function save(change: UpdateCaseRequest): Promise<void> {
    setBusy(true);
    const result = await call('PATCH', casePath(detail.caseId), caseDetailResponse, change);
    setBusy(false);
    setPendingClose(null);
    if (result.ok) {
      // Saved: the notes are on the case now, not to be saved twice (a move starts a new form anyway).
      forgetPublicNote();
      forgetInternalNote();
      return onDone('agency.action.saved', { updated: result.data });
    }
    const failed = actionFailure(result, t);
    setErrors(failed.fields);
    setFailure(failed.text);
  }

  const labels: Record<string, string> = {
    status: t('agency.action.newStatus'),
    publicNote: t('agency.action.publicNote'),
    internalNote: t('agency.action.internalNote'),
    resolution: t('agency.case.resolution'),
  };
  const summary = Object.entries(errors).map(([path, message]) => ({
    fieldId: IDS[path] ?? IDS.status!,
    label: labels[path] ?? path,
    message,
  }));

  return (
    <section class="case-action">
      <h2>{t('agency.action.changeStatus')}</h2>
      <ErrorSummary heading={t('validation.summary')} items={summary} />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Field id={IDS.status!} label={labels.status!} error={errors.status}>
          {(control) => (
            <select
              {...control}
              value={status}
              onChange={(event) => {
                // Problems found for the previous choice (a missing resolution) no longer apply.
                setErrors({});
                setStatus((event.target as HTMLSelectElement).value as CaseStatus);
              }}
            >
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice === detail.status ? t('agency.action.keepStatus', { status: t(`status.${choice}`) }) : t(`status.${choice}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {closing ? (
          <Field id={IDS.resolution!} label={labels.resolution!} error={errors.resolution}>
            {(control) => (
              <select
                {...control}
                value={resolution}
                onChange={(event) => setResolution((event.target as HTMLSelectElement).value as Resolution | '')}
              >
                <option value="">{t('validation.choose')}</option>
                {RESOLUTIONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`resolution.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field id={IDS.publicNote!} label={labels.publicNote!} error={errors.publicNote} optionalLabel={t('common.optional')}>
          {(control) => (
            <textarea
              {...control}
              class="short"
              rows={3}
              maxLength={LIMITS.note}
              value={publicNote}
              onInput={(event) => setPublicNote((event.target as HTMLTextAreaElement).value)}
            />
          )}
        </Field>
        <Field id={IDS.internalNote!} label={labels.internalNote!} error={errors.internalNote} optionalLabel={t('common.optional')}>
          {(control) => (
            <textarea
              {...control}
              class="short"
              rows={3}
              maxLength={LIMITS.note}
              value={internalNote}
              onInput={(event) => setInternalNote((event.target as HTMLTextAreaElement).value)}
            />
          )}
        </Field>
        <Notice kind="error" text={failure} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {closing ? t('agency.action.close') : t('agency.action.save')}
          </button>
        </div>
      </form>
      {pendingClose?.resolution ? (
        <ConfirmDialog
          id="confirm-close"
          heading={t('agency.close.confirmHeading')}
          text={t('agency.close.confirmText', { resolution: t(`resolution.${pendingClose.resolution}`) })}
          confirmLabel={t('agency.close.confirm')}
          cancelLabel={t('common.cancel')}
          busy={busy}
          onConfirm={() => void save(pendingClose)}
          onCancel={() => setPendingClose(null)}
        />
      ) : null}
    </section>
  );
}
