// The list of problems at the top of a form, focused when it appears so keyboard and screen-reader users land on
// it; each entry links to its field.
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface SummaryItem {
  fieldId: string;
  label: string;
  message: string;
}

export function ErrorSummary({ heading, items }: { heading: string; items: SummaryItem[] }): JSX.Element | null {
  const ref = useRef<HTMLDivElement>(null);
  const signature = items.map((i) => `${i.fieldId}:${i.message}`).join('|');
  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [signature]);
  if (!items.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p>{heading}</p>
      <ul>
        {items.map((item) => (
          <li key={item.fieldId}>
            <a
              href={`#${item.fieldId}`}
              onClick={(event) => {
                // Hash links would change the route: move focus instead.
                event.preventDefault();
                document.getElementById(item.fieldId)?.focus();
              }}
            >
              {item.label}: {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A polite status line (sent, saved, copied) or an assertive one for failures. */
export function Notice({ kind, text }: { kind: 'info' | 'error' | 'success'; text: string | null }): JSX.Element {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'} aria-live={kind === 'error' ? 'assertive' : 'polite'}>
      {text ? <p>{text}</p> : null}
    </div>
  );
}
