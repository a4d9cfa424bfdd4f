import type { JSX } from 'preact';
import { ScreenHeading } from '../shared/ScreenHeading.js';
import { usePortal } from './context.js';

export function NotFound(): JSX.Element {
  const { t } = usePortal();
  return (
    <>
      <ScreenHeading>{t('error.notFound')}</ScreenHeading>
      <p>
        <a href="#/">{t('nav.home')}</a>
      </p>
    </>
  );
}
