// The sign-in screen: what the console shows until someone signs in, or once a session has ended.
import type { JSX } from 'preact';
import { Notice } from '../shared/ErrorSummary.js';
import type { Translate } from '../shared/i18n.js';
import { ScreenHeading } from '../shared/ScreenHeading.js';
import type { AgencySession } from './session.js';
import { SignInForm } from './SignInForm.js';

export function SignIn({
  t,
  notices,
  onSignedIn,
}: {
  t: Translate;
  notices: string[];
  onSignedIn: (session: AgencySession) => void;
}): JSX.Element {
  return (
    <div class="sign-in">
      <ScreenHeading>{t('agency.signIn.heading')}</ScreenHeading>
      <Notice kind="info" text={notices.length ? notices.join(' ') : null} />
      <SignInForm t={t} submitLabel={t('agency.signIn')} onSignedIn={onSignedIn} />
    </div>
  );
}
