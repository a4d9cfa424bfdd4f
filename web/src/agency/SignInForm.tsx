// The sign-in form: username and password, then whatever step the identity provider asks for when deployed (the
// 6-digit authenticator code, registering an authenticator first, or replacing a temporary password). The sign-in
// screen uses it, and so does "Stay signed in", for the user already signed in (the username fixed).
import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { mfaAnswer, newPasswordAnswer, passwordLogin, loginResponse } from '#schemas/auth.js';
import { apiRequest } from '../shared/api.js';
import { ErrorSummary, Notice } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import type { Translate } from '../shared/i18n.js';
import { type FieldErrors, fieldErrors } from '../shared/validation.js';
import { failureText } from './labels.js';
import { type AgencySession, startSession } from './session.js';

type Step =
  | { kind: 'password' }
  | { kind: 'MFA'; session: string }
  | { kind: 'MFA_SETUP'; session: string; secretCode: string }
  | { kind: 'NEW_PASSWORD'; session: string };

const FIELD_IDS: Record<string, string> = {
  username: 'signin-username',
  password: 'signin-password',
  code: 'signin-code',
  newPassword: 'signin-new-password',
};

export interface SignInFormProps {
  t: Translate;
  /** Signing in again as the user already signed in: the username is shown, not asked for. */
  fixedUsername?: string;
  submitLabel: string;
  onSignedIn: (session: AgencySession) => void;
}

export function SignInForm({ t, fixedUsername, submitLabel, onSignedIn }: SignInFormProps): JSX.Element {
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [username, setUsername] = useState(fixedUsername ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // A new step brings a new field: put the cursor in it.
    if (step.kind !== 'password') document.getElementById(step.kind === 'NEW_PASSWORD' ? FIELD_IDS.newPassword! : FIELD_IDS.code!)?.focus();
  }, [step.kind]);

  function startOver(): void {
    setStep({ kind: 'password' });
    setPassword('');
    setCode('');
    setNewPassword('');
    setErrors({});
    setFailure(null);
  }

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setFailure(null);
    const checked =
      step.kind === 'password'
        ? passwordLogin.safeParse({ username, password }, { reportInput: true })
        : step.kind === 'NEW_PASSWORD'
          ? newPasswordAnswer.safeParse({ username, session: step.session, newPassword }, { reportInput: true })
          : mfaAnswer.safeParse({ username, session: step.session, code: code.replace(/\s/g, '') }, { reportInput: true });
    if (!checked.success) {
      const found = fieldErrors(checked.error, t);
      // The field's label already says what a new password needs; "fill in" would be wrong for a short one.
      if (found.newPassword && newPassword) found.newPassword = t('validation.invalid');
      setErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await apiRequest('POST', '/auth/login', loginResponse, checked.data);
    setBusy(false);
    if (result.ok) {
      const answer = result.data;
      if ('token' in answer) return onSignedIn(startSession(answer.token, answer.expiresIn, answer.user));
      setPassword('');
      setCode('');
      setStep(
        answer.challenge === 'MFA_SETUP'
          ? { kind: 'MFA_SETUP', session: answer.session, secretCode: answer.secretCode }
          : { kind: answer.challenge, session: answer.session },
      );
      return;
    }
    if (result.status === 401) {
      setFailure(
        step.kind === 'password'
          ? t('agency.error.signIn')
          : step.kind === 'NEW_PASSWORD'
            ? t('agency.error.newPassword')
            : t('agency.error.code'),
      );
    } else setFailure(failureText(result, t));
  }

  const labels: Record<string, string> = {
    username: t('agency.username'),
    password: t('agency.password'),
    code: t('agency.mfaCode'),
    newPassword: t('agency.newPassword'),
  };
  const summary = Object.entries(errors).map(([path, message]) => ({
    fieldId: FIELD_IDS[path] ?? FIELD_IDS.username!,
    label: labels[path] ?? path,
    message,
  }));

  return (
    <>
      <ErrorSummary heading={t('validation.summary')} items={summary} />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Field id={FIELD_IDS.username!} label={labels.username!} error={errors.username}>
          {(control) => (
            <input
              {...control}
              type="text"
              autocomplete="username"
              autoCapitalize="none"
              spellcheck={false}
              readOnly={step.kind !== 'password' || fixedUsername !== undefined}
              value={username}
              onInput={(event) => setUsername((event.target as HTMLInputElement).value)}
            />
          )}
        </Field>
        {step.kind === 'password' ? (
          <Field id={FIELD_IDS.password!} label={labels.password!} error={errors.password}>
            {(control) => (
              <input
                {...control}
                type="password"
                autocomplete="current-password"
                value={password}
                onInput={(event) => setPassword((event.target as HTMLInputElement).value)}
              />
            )}
          </Field>
        ) : null}
        {step.kind === 'MFA_SETUP' ? (
          <div class="mfa-setup">
            <p id="signin-secret-hint">{t('agency.mfaSetup')}</p>
            <p class="secret-code" translate={false} aria-describedby="signin-secret-hint">
              {step.secretCode}
            </p>
          </div>
        ) : null}
        {step.kind === 'MFA' || step.kind === 'MFA_SETUP' ? (
          <Field id={FIELD_IDS.code!} label={labels.code!} error={errors.code}>
            {(control) => (
              <input
                {...control}
                type="text"
                class="code-input"
                inputMode="numeric"
                autocomplete="one-time-code"
                maxLength={LIMITS.mfaCodeInput}
                value={code}
                onInput={(event) => setCode((event.target as HTMLInputElement).value)}
              />
            )}
          </Field>
        ) : null}
        {step.kind === 'NEW_PASSWORD' ? (
          <Field id={FIELD_IDS.newPassword!} label={labels.newPassword!} error={errors.newPassword}>
            {(control) => (
              <input
                {...control}
                type="password"
                autocomplete="new-password"
                value={newPassword}
                onInput={(event) => setNewPassword((event.target as HTMLInputElement).value)}
              />
            )}
          </Field>
        ) : null}
        <Notice kind="error" text={failure} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {submitLabel}
          </button>
          {step.kind !== 'password' ? (
            <button type="button" class="secondary" onClick={startOver}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}
