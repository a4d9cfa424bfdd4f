// An address the console does not know (a mistyped hash route).
import type { JSX } from 'preact';
import { ScreenHeading } from '../shared/ScreenHeading.js';
import { useAgency } from './context.js';

export function NotFound(): JSX.Element {
  const { t } = useAgency();
  return (
    <>
      <ScreenHeading>{t('error.notFound')}</ScreenHeading>
      <p>
        <a href="#/queue">{t('agency.case.back')}</a>
      </p>
    </>
  );
}
