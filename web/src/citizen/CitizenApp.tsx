// The citizen pages: home, the report wizard, the tracking-code screen, the status page, the pack's information
// pages and the public statistics, in the language the reader chooses.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LanguageSwitcher } from '../shared/LanguageSwitcher.js';
import { usePortalConfig } from '../shared/portalConfig.js';
import { navigate, useRoute } from '../shared/route.js';
import { CodeScreen } from './CodeScreen.js';
import { type FiledReport, askBeforeLeaving, keepFiledReport, keptFiledReport } from './keptCode.js';
import { PortalContext, usePortal as usePortalContext } from './context.js';
import { HomeScreen } from './HomeScreen.js';
import { InfoPage } from './InfoPage.js';
import { NotFound } from './NotFound.js';
import { Notice } from '../shared/ErrorSummary.js';
import { ReportWizard } from './report/ReportWizard.js';
import { TrackScreen } from './track/TrackScreen.js';

export function CitizenApp(): JSX.Element {
  const [loaded, chooseLanguage] = usePortalConfig('app.title');
  const route = useRoute();
  // The filing answer is kept in this tab until the reporter says the code is saved (keptCode.ts); the code to track
  // lives in memory only.
  const [filed, setFiled] = useState<FiledReport | null>(keptFiledReport);
  const [codeSaved, setCodeSaved] = useState(false);
  const codeWaiting = filed !== null && !codeSaved;
  useEffect(() => {
    keepFiledReport(codeWaiting ? filed : null);
    if (!codeWaiting) return;
    addEventListener('beforeunload', askBeforeLeaving);
    return () => removeEventListener('beforeunload', askBeforeLeaving);
  }, [filed, codeWaiting]);
  const [trackingCode, setTrackingCode] = useState<string | null>(null);

  if (loaded.state === 'loading')
    return (
      <p class="wrap loading" role="status">
        Loading… · 불러오는 중…
      </p>
    );
  if (loaded.state === 'failed') {
    return (
      <div class="wrap" role="alert">
        <p>The portal could not be reached. Check your connection and try again.</p>
        <button type="button" onClick={loaded.retry}>
          Try again
        </button>
      </div>
    );
  }
  const { config, t } = loaded;
  const section = route[0] ?? '';

  let screen: JSX.Element;
  if (section === '') screen = <HomeScreen codeKept={codeWaiting} />;
  else if (section === 'report') {
    screen = (
      <ReportWizard
        stepId={route[1]}
        onFiled={(answer) => {
          keepFiledReport(answer);
          setCodeSaved(false);
          setFiled(answer);
          // In place of the review: Back from the code screen does not return to a report already sent.
          navigate('code', { replace: true });
        }}
      />
    );
  } else if (section === 'code' && filed) {
    screen = (
      <CodeScreen
        filed={filed}
        saved={codeSaved}
        onSaved={setCodeSaved}
        onTrack={() => {
          setTrackingCode(filed.trackingCode);
          setFiled(null);
          navigate('track');
        }}
      />
    );
  } else if (section === 'track' || section === 'code') {
    screen = <TrackScreen code={trackingCode} onCode={setTrackingCode} />;
  } else if (section === 'pages' && route[1]) screen = <InfoPage id={route[1]} />;
  else if (section === 'stats') screen = <StatsScreen />;
  else if (section === 'verify') screen = <VerifyScreen />;
  else screen = <NotFound />;

  const navItems: [string, string][] = [
    ['', t('nav.home')],
    ['report', t('nav.report')],
    ['track', t('nav.track')],
  ];
  return (
    <PortalContext.Provider value={loaded}>
      <header class="site-header">
        {/* The language switcher comes first in the tab order (it is shown at the bar's end): a reader who cannot
            read this language finds theirs with the first Tab. The skip link follows it. */}
        <div class="wrap bar">
          <LanguageSwitcher
            label={t('lang.label')}
            languages={config.languages}
            names={config.languageNames}
            current={config.language}
            onChange={chooseLanguage}
          />
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
          <a class="site-title" href="#/">
            {t('app.title')}
          </a>
        </div>
        <nav class="site-nav wrap" aria-label={t('app.title')}>
          <ul>
            {navItems.map(([path, label]) => (
              <li key={path}>
                <a
                  href={`#/${path}`}
                  aria-current={section === path || (path === 'track' && section === 'code' && !filed) ? 'page' : undefined}
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} class="wrap">
        {screen}
      </main>
      <footer class="site-footer">
        <nav class="wrap" aria-label={t('nav.pages')}>
          <ul>
            {config.pages.map((page) => (
              <li key={page.id}>
                <a href={`#/pages/${page.id}`} aria-current={section === 'pages' && route[1] === page.id ? 'page' : undefined}>
                  {page.title}
                </a>
              </li>
            ))}
            <li>
              <a href="#/stats" aria-current={section === 'stats' ? 'page' : undefined}>
                {t('nav.stats')}
              </a>
            </li>
            <li>
              <a href="#/verify" aria-current={section === 'verify' ? 'page' : undefined}>
                {t('nav.verify')}
              </a>
            </li>
            <li>
              <a href="/agency.html">{t('nav.agency')}</a>
            </li>
          </ul>
        </nav>
      </footer>
    </PortalContext.Provider>
  );
}

/**
 * The statistics view, fetched when first opened: reporters filing or tracking a case never download it. A
 * failed download (offline) says so instead of loading forever.
 */
function StatsScreen(): JSX.Element {
  return <LazyScreen load={() => import('./PublicStats.js').then((module) => module.PublicStats)} />;
}

/** "Verify a receipt" (receipt/VerifyReceipt.tsx), fetched when first opened, with the signature checker it carries. */
function VerifyScreen(): JSX.Element {
  return <LazyScreen load={() => import('./receipt/VerifyReceipt.js').then((module) => module.VerifyReceipt)} />;
}

function LazyScreen({ load }: { load: () => Promise<ComponentType> }): JSX.Element {
  const { t } = usePortalContext();
  const [view, setView] = useState<{ Component: ComponentType } | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (Component) => live && setView({ Component }),
      () => live && setView('failed'),
    );
    return () => {
      live = false;
    };
  }, []);
  if (view === 'failed') return <Notice kind="error" text={t('error.unavailable')} />;
  if (!view)
    return (
      <p class="loading" role="status">
        {t('common.loading')}
      </p>
    );
  return <view.Component />;
}
