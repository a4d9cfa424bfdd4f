// The organization at a glance: cases by status, overdue and escalated, and how long acknowledging and closing
// take (medians, in days).
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CASE_STATUSES } from '#contract/caseLife.js';
import { type StatsResponse, statsResponse } from '#schemas/agency.js';
import { Notice } from '../shared/ErrorSummary.js';
import { ScreenHeading } from '../shared/ScreenHeading.js';
import { useAgency } from './context.js';
import { failureText, organizationName } from './labels.js';
import { TableScroll } from '../shared/TableScroll.js';

export function Stats(): JSX.Element {
  const { t, call, config, language, session } = useAgency();
  const [stats, setStats] = useState<StatsResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    void call('GET', '/stats', statsResponse).then((result) => {
      if (result.ok) setStats(result.data);
      else setFailure(failureText(result, t));
    });
  }, []);

  const number = (value: number) => new Intl.NumberFormat(language).format(value);
  const days = (value: number | null) => (value === null ? t('agency.stats.none') : t('common.days', { count: value }));
  const organization = organizationName(config, stats?.organizationId ?? session.user.organizationId);

  return (
    <>
      <ScreenHeading>{t('agency.stats.heading', { organization })}</ScreenHeading>
      <Notice kind="error" text={failure} />
      {stats ? (
        <>
          <dl class="facts stats-facts">
            <dt>{t('agency.stats.total')}</dt>
            <dd>{number(stats.total)}</dd>
            <dt>{t('agency.overdue')}</dt>
            <dd>{number(stats.overdue)}</dd>
            <dt>{t('agency.escalated')}</dt>
            <dd>{number(stats.escalated)}</dd>
            <dt>{t('agency.stats.medianAcknowledge')}</dt>
            <dd>{days(stats.medianDaysToAcknowledge)}</dd>
            <dt>{t('agency.stats.medianClose')}</dt>
            <dd>{days(stats.medianDaysToClose)}</dd>
          </dl>
          <TableScroll labelledBy="stats-caption">
            <table class="data-table stats-table">
              <caption id="stats-caption">{t('agency.stats.byStatus')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('agency.col.status')}</th>
                  <th scope="col" class="number">
                    {t('agency.stats.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {CASE_STATUSES.map((status) => (
                  <tr key={status}>
                    <th scope="row">{t(`status.${status}`)}</th>
                    <td class="number">{number(stats.byStatus[status] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : failure ? null : (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      )}
    </>
  );
}
