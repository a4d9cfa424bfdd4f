// The agency console: sign-in, then the organization's queue, a case, and the organization's statistics, in the
// language the user chooses. The session lives in sessionStorage; a 401 from any call ends it.
import type { JSX } from 'preact';
import type * as z from 'zod';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { UiStringKey } from '#schemas/uiStrings.js';
import { apiRequest } from '../shared/api.js';
import { LanguageSwitcher } from '../shared/LanguageSwitcher.js';
import { usePortalConfig } from '../shared/portalConfig.js';
import { navigate, useRoute } from '../shared/route.js';
import { CaseView } from './CaseView.js';
import { type AgencyCall, AgencyContext } from './context.js';
import { organizationName } from './labels.js';
import { NotFound } from './NotFound.js';
import { Queue, type QueueFilters } from './Queue.js';
import { type AgencySession, endSession, isExpired, storedSession } from './session.js';
import { SignIn } from './SignIn.js';
import { Stats } from './Stats.js';

export function AgencyApp(): JSX.Element {
  const [loaded, chooseLanguage] = usePortalConfig('agency.title');
  const route = useRoute();
  const [initial] = useState(storedSession);
  const [session, setSession] = useState<AgencySession | null>(initial === 'expired' ? null : initial);
  const [expired, setExpired] = useState(initial === 'expired');
  const [flash, setFlash] = useState<UiStringKey | null>(null);
  // Kept here so the queue's filters survive opening a case and coming back.
  const [filters, setFilters] = useState<QueueFilters>({ status: '', overdue: false, escalated: false });

  const call = useMemo<AgencyCall>(() => {
    const expire = () => {
      endSession();
      setSession(null);
      setExpired(true);
    };
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
        notice={expired ? t('agency.error.expired') : null}
        onSignedIn={(started) => {
          setExpired(false);
          setSession(started);
        }}
      />
    );
  } else if (section === 'queue') screen = <Queue filters={filters} onFilters={setFilters} flash={flash} />;
  else if (section === 'cases' && route[1]) screen = <CaseView key={route[1]} caseId={route[1]} />;
  else if (section === 'stats') screen = <Stats />;
  else screen = <NotFound />;

  const navItems: [string, string][] = [
    ['queue', t('agency.queue')],
    ['stats', t('agency.stats')],
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
            {session ? (
              <button type="button" class="secondary sign-out" onClick={signOut}>
                {t('agency.signOut')}
              </button>
            ) : null}
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
      <main id="main" tabIndex={-1} class="wrap wrap-wide">
        {screen}
      </main>
    </>
  );
  return session ? <AgencyContext.Provider value={{ ...loaded, session, call, setFlash }}>{body}</AgencyContext.Provider> : body;
}
