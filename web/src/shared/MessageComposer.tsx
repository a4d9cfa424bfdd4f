// One message to write and send: a text field with its error, the outcome, and a send button. The caller checks the
// text and sends it; the composer clears the text once it is sent and moves focus to the field when it is refused.
import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { Notice } from './ErrorSummary.js';
import { Field } from './Field.js';

export interface SendOutcome {
  sent: boolean;
  /** What is wrong with the text, said at the field. */
  fieldError?: string | undefined;
  notice?: { kind: 'error' | 'success'; text: string } | undefined;
}

export function MessageComposer(props: {
  id: string;
  label: string;
  sendLabel: string;
  rows: number;
  secondary?: boolean;
  send: (body: string) => Promise<SendOutcome>;
}): JSX.Element {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<SendOutcome['notice']>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setNotice(undefined);
    setBusy(true);
    const outcome = await props.send(body);
    setBusy(false);
    setError(outcome.fieldError);
    setNotice(outcome.notice);
    if (outcome.sent) setBody('');
    else if (outcome.fieldError) document.getElementById(props.id)?.focus();
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Field id={props.id} label={props.label} error={error}>
        {(control) => (
          <textarea
            {...control}
            rows={props.rows}
            maxLength={LIMITS.message}
            value={body}
            onInput={(event) => setBody((event.target as HTMLTextAreaElement).value)}
          />
        )}
      </Field>
      <Notice kind={notice?.kind ?? 'success'} text={notice?.text ?? null} />
      <div class="actions">
        <button type="submit" class={props.secondary ? 'secondary' : undefined} disabled={busy}>
          {props.sendLabel}
        </button>
      </div>
    </form>
  );
}
