// The warning before a session ends: the user signs in again in place (their password, and their authenticator's
// code when deployed), which replaces the token without leaving the page, so whatever they were typing stays where
// it is. Escape puts the warning aside ("Stay signed in" stays in the header); "Sign out" ends the session now.
import type { JSX } from 'preact';
import { useRef } from 'preact/hooks';
import { useModal } from './modal.js';
import type { Translate } from '../shared/i18n.js';
import type { AgencySession } from './session.js';
import { SignInForm } from './SignInForm.js';

export function StaySignedIn({
  t,
  session,
  endsAt,
  onSignedIn,
  onPutAside,
  onSignOut,
  returnFocus,
}: {
  t: Translate;
  session: AgencySession;
  /** The session's end, as the reader's clock shows it. */
  endsAt: string;
  onSignedIn: (session: AgencySession) => void;
  onPutAside: () => void;
  onSignOut: () => void;
  /** The field the user was typing in, to go back to once they stay. */
  returnFocus: () => HTMLElement | null;
}): JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);
  // The first field to type in is the password: the username is shown, not asked.
  useModal(dialog, (opened) => opened.querySelector<HTMLElement>('input[type="password"]'), returnFocus);
  return (
    <dialog
      ref={dialog}
      class="session-dialog"
      aria-labelledby="session-heading"
      aria-describedby="session-text"
      onCancel={(event) => {
        event.preventDefault();
        onPutAside();
      }}
    >
      <h2 id="session-heading">{t('agency.session.warningHeading')}</h2>
      <p id="session-text">{t('agency.session.warning', { time: endsAt })}</p>
      <SignInForm t={t} fixedUsername={session.user.username} submitLabel={t('agency.session.stay')} onSignedIn={onSignedIn} />
      <p>
        <button type="button" class="secondary" onClick={onSignOut}>
          {t('agency.signOut')}
        </button>
      </p>
    </dialog>
  );
}
