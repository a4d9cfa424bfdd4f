// "Check my report": the code goes in a form field and a POST body, never into the address bar; once it
// answers, the status page keeps it in memory for replies and refreshes.
import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { normalizeTrackingCode } from '#contract/trackingCode.js';
import { trackRequest, trackResponse } from '#schemas/track.js';
import { apiRequest } from '../../shared/api.js';
import { Notice } from '../../shared/ErrorSummary.js';
import { Field } from '../../shared/Field.js';
import { ScreenHeading } from '../../shared/ScreenHeading.js';
import { usePortal } from '../context.js';
import { CaseStatus } from './CaseStatus.js';

export function TrackScreen({ code, onCode }: { code: string | null; onCode: (code: string | null) => void }): JSX.Element {
  if (code) return <CaseStatus code={code} onLeave={() => onCode(null)} />;
  return <TrackForm onFound={onCode} />;
}

function TrackForm({ onFound }: { onFound: (code: string) => void }): JSX.Element {
  const { t } = usePortal();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setFailure(null);
    const code = normalizeTrackingCode(typed);
    if (!code || !trackRequest.safeParse({ trackingCode: code }).success) {
      setError(typed.trim() ? t('validation.trackingCode') : t('validation.required'));
      document.getElementById('tracking-code-input')?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    const result = await apiRequest('POST', '/track', trackResponse, { trackingCode: code });
    setBusy(false);
    if (result.ok) return onFound(code);
    setFailure(
      result.status === 404
        ? t('track.notFound')
        : result.status === 429
          ? t('error.rateLimited')
          : result.status === 0
            ? t('error.network')
            : t('error.unavailable'),
    );
  }

  return (
    <>
      <ScreenHeading>{t('track.heading')}</ScreenHeading>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Field id="tracking-code-input" label={t('track.code')} hint={t('track.code.help')} error={error ?? undefined}>
          {(control) => (
            <input
              {...control}
              type="text"
              class="code-input"
              autoComplete="off"
              autoCapitalize="characters"
              spellcheck={false}
              maxLength={LIMITS.trackingCodeInput}
              value={typed}
              onInput={(event) => setTyped((event.target as HTMLInputElement).value)}
            />
          )}
        </Field>
        <Notice kind="error" text={failure} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('track.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
