// A labelled form control with its hint and error tied to it (aria-describedby, aria-invalid), so a screen reader
// announces both and the error summary can link to it by id.
import type { ComponentChildren, JSX } from 'preact';

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  optionalLabel?: string;
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: 'true' }) => ComponentChildren;
}

export function Field({ id, label, hint, error, optionalLabel, children }: FieldProps): JSX.Element {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>
        {label}
        {optionalLabel ? <span class="optional"> {optionalLabel}</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-text" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': 'true' as const } : {}) })}
    </div>
  );
}

/** A group of radio buttons or checkboxes under one question. */
export function ChoiceGroup({
  legend,
  hint,
  error,
  id,
  children,
}: {
  legend: string;
  hint?: string;
  error?: string | undefined;
  id: string;
  children: ComponentChildren;
}): JSX.Element {
  return (
    <fieldset
      class={error ? 'field field-error' : 'field'}
      id={id}
      tabIndex={-1}
      aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-text" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** One radio button or checkbox with its label and an optional explanation under it. */
export function Choice(props: {
  type?: 'radio' | 'checkbox';
  name: string;
  id: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  help?: string | undefined;
}): JSX.Element {
  const { type = 'radio', name, id, checked, onChange, label, help } = props;
  return (
    <div class="choice">
      <input type={type} name={name} id={id} checked={checked} onChange={onChange} aria-describedby={help ? `${id}-help` : undefined} />
      <div>
        <label for={id}>{label}</label>
        {help ? (
          <p class="hint" id={`${id}-help`}>
            {help}
          </p>
        ) : null}
      </div>
    </div>
  );
}
