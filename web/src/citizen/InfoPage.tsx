// An information page of the pack (rewards, protection, policies, how it works), as text and elements.
import { pageResponse } from '#schemas/config.js';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { apiRequest } from '../shared/api.js';
import { Notice } from '../shared/ErrorSummary.js';
import { Markdown } from '../shared/Markdown.js';
import { ScreenHeading } from '../shared/ScreenHeading.js';
import { usePortal } from './context.js';

interface Page {
  id: string;
  title: string;
  markdown: string;
}

export function InfoPage({ id }: { id: string }): JSX.Element {
  const { t, language } = usePortal();
  const [page, setPage] = useState<Page | null | 'missing' | 'failed'>(null);
  useEffect(() => {
    let live = true;
    setPage(null);
    void apiRequest('GET', `/pages/${encodeURIComponent(id)}?lang=${encodeURIComponent(language)}`, pageResponse).then((result) => {
      if (live) setPage(result.ok ? result.data : result.status === 404 || result.status === 400 ? 'missing' : 'failed');
    });
    return () => {
      live = false;
    };
  }, [id, language]);
  if (page === null)
    return (
      <p class="loading" role="status">
        {t('common.loading')}
      </p>
    );
  if (page === 'missing')
    return (
      <>
        <ScreenHeading focusKey={id}>{t('error.notFound')}</ScreenHeading>
        <a href="#/">{t('nav.home')}</a>
      </>
    );
  if (page === 'failed') return <Notice kind="error" text={t('error.unavailable')} />;
  return (
    <article class="info-page">
      <ScreenHeading focusKey={id}>{page.title}</ScreenHeading>
      <Markdown source={page.markdown} title={page.title} />
    </article>
  );
}
