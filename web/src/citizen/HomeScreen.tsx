// The first page a reporter sees: what they can do, how they stay anonymous, and what happens next, in plain words.
import type { JSX } from 'preact';
import { ScreenHeading } from '../shared/ScreenHeading.js';
import { usePortal } from './context.js';
import { hasKeptDraft } from './report/draft.js';

/** `codeKept`: a report was filed in this tab and its code is not yet marked as saved. */
export function HomeScreen({ codeKept }: { codeKept: boolean }): JSX.Element {
  const { t, config } = usePortal();
  return (
    <>
      <ScreenHeading>{t('app.title')}</ScreenHeading>
      <p class="lead">{t('app.tagline')}</p>
      {codeKept ? (
        <div class="kept">
          <p>{t('home.codeKept')}</p>
          <a class="button" href="#/code">
            {t('home.codeKept.show')}
          </a>
        </div>
      ) : null}
      {hasKeptDraft() ? (
        <div class="kept">
          <p>{t('home.draftKept')}</p>
          <a class="button" href="#/report">
            {t('home.draftKept.continue')}
          </a>
        </div>
      ) : null}
      <div class="actions">
        <a class="button" href="#/report">
          {t('nav.report')}
        </a>
        <a class="button secondary" href="#/track">
          {t('nav.track')}
        </a>
      </div>
      <section aria-labelledby="home-anonymity">
        <h2 id="home-anonymity">{t('home.anonymity.heading')}</h2>
        <p>{t('home.anonymity.body')}</p>
      </section>
      <section aria-labelledby="home-next">
        <h2 id="home-next">{t('home.next.heading')}</h2>
        <p>{t('home.next.body', { acknowledgeDays: config.deadlines.acknowledgeDays, respondDays: config.deadlines.respondDays })}</p>
      </section>
      <section aria-labelledby="home-code">
        <h2 id="home-code">{t('home.code.heading')}</h2>
        <p>{t('home.code.body')}</p>
      </section>
      <section aria-labelledby="home-pages">
        <h2 id="home-pages">{t('nav.pages')}</h2>
        <ul>
          {config.pages.map((page) => (
            <li key={page.id}>
              <a href={`#/pages/${page.id}`}>{page.title}</a>
            </li>
          ))}
          <li>
            <a href="#/stats">{t('nav.stats')}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
