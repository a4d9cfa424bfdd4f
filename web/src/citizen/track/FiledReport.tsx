// The report as the whistleblower sent it, for them to re-read: their own words, and the type and organizations
// named in the language they read in now. Contact details are never shown back (the API does not send them): a
// tracking code found on a shared phone must not tell its finder who filed the report.
import { Fragment, type JSX } from 'preact';
import { UNSURE_ORGANIZATION_ID } from '#contract/routing.js';
import type { FiledReport as Filed } from '#schemas/track.js';
import { formatOccurred } from '../../shared/format.js';
import { usePortal } from '../context.js';

export function FiledReport({ report }: { report: Filed }): JSX.Element {
  const { t, language, config } = usePortal();
  const amount = report.amount
    ? new Intl.NumberFormat(config.formats.locale, { style: 'currency', currency: report.amount.currency }).format(report.amount.value)
    : '';
  const rows: [string, string, boolean][] = [
    [t('report.category'), report.category.name, false],
    [
      t('report.organization'),
      report.reportedOrganization.id === UNSURE_ORGANIZATION_ID ? t('report.organization.unsure') : report.reportedOrganization.name,
      false,
    ],
    [t('report.subjectIsHead.question'), report.subjectIsHead ? t('common.yes') : t('common.no'), false],
    [t('report.title'), report.title, true],
    [t('report.description'), report.description, true],
    [
      t('report.occurredOn'),
      report.occurredOn
        ? formatOccurred(report.occurredOn, report.occurredApproximately, language, (day) => t('report.occurredOn.about', { date: day }))
        : '',
      false,
    ],
    [t('report.location'), report.location ?? '', true],
    [t('report.amount'), amount, false],
    [
      t('report.anonymity'),
      report.anonymity === 'confidential' ? t('report.anonymity.confidential') : t('report.anonymity.anonymous'),
      false,
    ],
    [t('track.filed.contactSharedWith'), report.contactSharedWith?.name ?? '', false],
  ];
  return (
    <section aria-labelledby="filed-heading">
      <h2 id="filed-heading">{t('track.filed.heading')}</h2>
      <dl class="facts filed-report">
        {rows
          .filter(([, value]) => value)
          .map(([label, value, written]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd class={written ? 'user-text' : undefined}>{value}</dd>
            </Fragment>
          ))}
      </dl>
      {report.anonymity === 'confidential' ? <p class="hint">{t('track.filed.contactHidden')}</p> : null}
    </section>
  );
}
