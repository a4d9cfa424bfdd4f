// A case action that is one reason and one button, posted to the case (POST /cases/{caseId}/<action>) and answered
// with the case as it now stands: placing or lifting a legal hold, stepping aside for a conflict of interest. The
// reason is kept as a draft until it is sent.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type * as z from 'zod';
import { type CaseDetailResponse, caseDetailResponse } from '#schemas/agency.js';
import type { UiStringKey } from '#schemas/uiStrings.js';
import { ErrorSummary, Notice } from '../../shared/ErrorSummary.js';
import { Field } from '../../shared/Field.js';
import { type FieldErrors, fieldErrors } from '../../shared/validation.js';
import { useAgency } from '../context.js';
import { type DraftField, useDraft } from '../drafts.js';
import { actionFailure, type CaseActionDone, casePath } from './outcome.js';

export interface ReasonFormProps<S extends z.ZodType> {
  detail: CaseDetailResponse;
  onDone: CaseActionDone;
  /** The path under the case, e.g. `hold`. */
  action: string;
  /** The request the reason goes in, checked in the browser as the API checks it. */
  request: S;
  body: (reason: string) => unknown;
  heading: string;
  hint: string;
  label: string;
  submit: string;
  done: UiStringKey;
  draft: DraftField;
  maxLength: number;
  /** `secondary` for a step back rather than a step forward. */
  buttonClass?: string;
}

export function ReasonForm<S extends z.ZodType>(props: ReasonFormProps<S>): JSX.Element {
  const { detail, onDone } = props;
  const { t, call } = useAgency();
  const [reason, setReason, forgetReason] = useDraft(detail.caseId, props.draft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = `${props.action}-reason`;

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setFailure(null);
    const checked = props.request.safeParse(props.body(reason), { reportInput: true });
    if (!checked.success) {
      setErrors(fieldErrors(checked.error, t));
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await call('POST', `${casePath(detail.caseId)}/${props.action}`, caseDetailResponse, checked.data);
    setBusy(false);
    if (result.ok) {
      forgetReason();
      return onDone(props.done, { updated: result.data });
    }
    const failed = actionFailure(result, t);
    setErrors(failed.fields);
    setFailure(failed.text);
  }

  const summary = errors.reason ? [{ fieldId, label: props.label, message: errors.reason }] : [];
  return (
    <section class="case-action">
      <h2>{props.heading}</h2>
      <p class="hint">{props.hint}</p>
      <ErrorSummary heading={t('validation.summary')} items={summary} />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Field id={fieldId} label={props.label} error={errors.reason}>
          {(control) => (
            <textarea
              {...control}
              class="short"
              rows={3}
              maxLength={props.maxLength}
              value={reason}
              onInput={(event) => setReason((event.target as HTMLTextAreaElement).value)}
            />
          )}
        </Field>
        <Notice kind="error" text={failure} />
        <div class="actions">
          <button type="submit" class={props.buttonClass} disabled={busy}>
            {props.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
