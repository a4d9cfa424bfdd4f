// The agency console: sign-in, then the organization's queue, a case, and the organization's statistics, in the
// language the user chooses. The session lives in sessionStorage; a 401 from any call ends it, and so does its end
// of time, after a warning that offers to stay signed in without leaving the page. What was typed and not sent
// outlives a session that ended (drafts.ts), not a sign-out.
import type { JSX } from 'preact';
import type * as z from 'zod';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { UiStringKey } from '#schemas/uiStrings.js';
import { apiRequest } from '../shared/api.js';
import { LanguageSwitcher } from '../shared/LanguageSwitcher.js';
import { usePortalConfig } from '../shared/portalConfig.js';
import { navigate, useRoute } from '../shared/route.js';
import { CaseView } from './CaseView.js';
import { type AgencyCall, AgencyContext } from './context.js';
import { forgetAllDrafts, hasDrafts } from './drafts.js';
import { organizationName } from './labels.js';
import { NotFound } from './NotFound.js';
import { Notifications } from './Notifications.js';
import { NO_FILTERS, Queue, type QueueFilters } from './Queue.js';
import { type AgencySession, endSession, isExpired, storedSession } from './session.js';
import { useSessionTimer } from './sessionTimer.js';
import { SignIn } from './SignIn.js';
import { Stats } from './Stats.js';
import { ApplicationQueue } from './ApplicationQueue.js';
import { ApplicationView } from './ApplicationView.js';
import { StaySignedIn } from './StaySignedIn.js';
import { IntakeScreen } from './intake/IntakeScreen.js';

/** A time of day on the reader's own clock: when their session ends. */
const clockTime = (at: number, language: string) => {
  try {
    return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(at);
  } catch {
    return new Date(at).toLocaleTimeString();
  }
};

export function AgencyApp(): JSX.Element {
  const [loaded, chooseLanguage] = usePortalConfig('agency.title');
  const route = useRoute();
  const [initial] = useState(storedSession);
  const [session, setSession] = useState<AgencySession | null>(initial === 'expired' ? null : initial);
  const [expired, setExpired] = useState(initial === 'expired');
  const [flash, setFlash] = useState<UiStringKey | null>(null);
  // Kept here so the queue's filters survive opening a case and coming back.
  const [filters, setFilters] = useState<QueueFilters>(NO_FILTERS);
  /** The session end whose warning the user put aside (Escape): the header still offers to stay. */
  const [warningAsideFor, setWarningAsideFor] = useState<number | null>(null);
  /** Said once the user stayed signed in: until when. */
  const [stayedUntil, setStayedUntil] = useState<number | null>(null);
  /** The last field of the screen the user typed in: where "Stay signed in" puts them back. */
  const lastField = useRef<HTMLElement | null>(null);

  const expire = useCallback(() => {
    endSession();
    setSession(null);
    setExpired(true);
  }, []);
  const warning = useSessionTimer(session, expire);

  const call = useMemo<AgencyCall>(() => {
    return async <S extends z.ZodType>(method: string, path: string, answer: S, body?: unknown) => {
      if (!session || isExpired(session)) {
        expire();
        return { ok: false as const, status: 401, error: null };
      }
      const result = await apiRequest(method, path, answer, body, { token: session.token });
      if (!result.ok && result.status === 401) expire();
      return result;
    };
  }, [session]);

  const section = route[0] ?? 'queue';
  const ready = loaded.state === 'ready' ? loaded : null;
  useEffect(() => {
    // Each screen names itself in the window title (WCAG 2.4.2).
    if (!ready) return;
    const { t } = ready;
    const screen = !session
      ? t('agency.signIn')
      : section === 'cases'
        ? `${t('agency.col.case')} ${route[1] ?? ''}`
        : section === 'stats'
          ? t('agency.stats')
          : section === 'applications'
            ? t('agency.applications')
            : section === 'intake'
              ? t('agency.intake.nav')
              : section === 'notifications'
                ? t('agency.notify.title')
                : t('agency.queue');
    document.title = `${screen} · ${t('agency.title')}`;
  }, [ready, session, section, route[1]]);

  if (loaded.state === 'loading')
    return (
      <p class="wrap loading" role="status">
        Loading… · 불러오는 중…
      </p>
    );
  if (loaded.state === 'failed') {
    return (
      <div class="wrap" role="alert">
        <p>
          The portal could not be reached. Check your connection and try again. · 포털에 연결할 수 없습니다. 연결을 확인한 뒤 다시
          시도하세요.
        </p>
        <button type="button" onClick={loaded.retry}>
          Try again · 다시 시도
        </button>
      </div>
    );
  }
  const { config, t } = loaded;

  function signOut(): void {
    endSession();
    forgetAllDrafts();
    setSession(null);
    setExpired(false);
    setFlash(null);
    navigate('queue');
  }

  let screen: JSX.Element;
  if (!session) {
    screen = (
      <SignIn
        t={t}
        notices={expired ? [t('agency.error.expired'), ...(hasDrafts() ? [t('agency.session.draftsKept')] : [])] : []}
        onSignedIn={(started) => {
          setExpired(false);
          setSession(started);
        }}
      />
    );
  } else if (section === 'queue') screen = <Queue filters={filters} onFilters={setFilters} flash={flash} />;
  else if (section === 'cases' && route[1]) screen = <CaseView key={route[1]} caseId={route[1]} />;
  else if (section === 'stats') screen = <Stats />;
  else if (section === 'applications' && route[1]) screen = <ApplicationView key={route[1]} applicationId={route[1]} />;
  else if (section === 'applications') screen = <ApplicationQueue />;
  else if (section === 'intake') screen = <IntakeScreen />;
  else if (section === 'notifications') screen = <Notifications />;
  else screen = <NotFound />;

  // Applications for protection and rewards: the deciding body's oversight users only (docs/applications.md).
  const decides = session?.user.role === 'oversight' && session.user.organizationId === config.applications?.decidingBody.id;
  const navItems: [string, string][] = [
    ['queue', t('agency.queue')],
    ...(decides ? ([['applications', t('agency.applications')]] as [string, string][]) : []),
    ['stats', t('agency.stats')],
    // Assisted intake: any staff member files a report given by phone, post or in person (docs/assisted-intake.md).
    ['intake', t('agency.intake.nav')],
    ['notifications', t('agency.notify.title')],
  ];
  const body = (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link to #main; the hash router would take #main as a route, so it moves focus itself */}
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('nav.skip')}
      </a>
      <header class="site-header agency-header">
        <div class="wrap wrap-wide bar">
          <a class="site-title" href="#/queue">
            {t('agency.title')}
          </a>
          <div class="header-tools">
            {session ? (
              <p class="signed-in">
                {t('agency.signedInAs', {
                  username: session.user.username,
                  organization: organizationName(config, session.user.organizationId),
                  role: t(`role.${session.user.role}`),
                })}
              </p>
            ) : null}
            <LanguageSwitcher
              label={t('lang.label')}
              languages={config.languages}
              names={config.languageNames}
              current={config.language}
              onChange={chooseLanguage}
            />
            {session && warning && warningAsideFor === session.expiresAt ? (
              <p class="session-ending">
                {t('agency.session.endsAt', { time: clockTime(session.expiresAt, config.language) })}{' '}
                <button type="button" class="secondary header-action" onClick={() => setWarningAsideFor(null)}>
                  {t('agency.session.stay')}
                </button>
              </p>
            ) : null}
            {session ? (
              <button type="button" class="secondary header-action" onClick={signOut}>
                {t('agency.signOut')}
              </button>
            ) : null}
            <p class="visually-hidden" role="status">
              {session && stayedUntil === session.expiresAt
                ? t('agency.session.extended', { time: clockTime(stayedUntil, config.language) })
                : ''}
            </p>
          </div>
        </div>
        {session ? (
          <nav class="site-nav wrap wrap-wide" aria-label={t('agency.title')}>
            <ul>
              {navItems.map(([path, label]) => (
                <li key={path}>
                  <a href={`#/${path}`} aria-current={section === path ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main
        id="main"
        tabIndex={-1}
        class="wrap wrap-wide"
        onFocusIn={(event) => {
          if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) lastField.current = event.target;
        }}
      >
        {screen}
      </main>
      {session && warning && warningAsideFor !== session.expiresAt ? (
        <StaySignedIn
          t={t}
          session={session}
          endsAt={clockTime(session.expiresAt, config.language)}
          onSignedIn={(renewed) => {
            setSession(renewed);
            setStayedUntil(renewed.expiresAt);
          }}
          onPutAside={() => setWarningAsideFor(session.expiresAt)}
          onSignOut={signOut}
          returnFocus={() => lastField.current}
        />
      ) : null}
    </>
  );
  return session ? <AgencyContext.Provider value={{ ...loaded, session, call, setFlash }}>{body}</AgencyContext.Provider> : body;
}
