// How a closed case ended, near the top of the status page, and — where the reply form was — why there is none.
import type { JSX } from 'preact';
import type { TrackResponse } from '#schemas/track.js';
import { formatDate } from '../../shared/format.js';
import { usePortal } from '../context.js';

export function CaseOutcome({ tracked }: { tracked: TrackResponse }): JSX.Element {
  const { t, language, config } = usePortal();
  return (
    <section aria-labelledby="outcome-heading" class="case-outcome">
      <h2 id="outcome-heading">{t('track.outcome.heading')}</h2>
      {tracked.resolution ? (
        <p>
          <strong class="resolution">{t(`resolution.${tracked.resolution}`)}</strong>
          <br />
          {t(`track.outcome.${tracked.resolution}`)}
        </p>
      ) : null}
      {tracked.closedAt ? (
        <dl class="facts">
          <dt>{t('track.closedAt')}</dt>
          <dd>{formatDate(tracked.closedAt, language, config.country.timezone)}</dd>
        </dl>
      ) : null}
    </section>
  );
}

/** In place of the reply form: a closed case takes no more replies or evidence, and a new report is the way on. */
export function ClosedNoReply(): JSX.Element {
  const { t } = usePortal();
  return (
    <section aria-labelledby="no-reply-heading" class="closed-no-reply">
      <h2 id="no-reply-heading">{t('track.reply')}</h2>
      <p>{t('track.closed.noReply')}</p>
      <p>
        <a href="#/report">{t('nav.report')}</a>
      </p>
    </section>
  );
}
