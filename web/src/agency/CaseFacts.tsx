// The case at a glance: who handles it, what it is about, where it stands and its deadlines, under labels that
// describe the report rather than ask the reporter's questions ("When did it happen?").
import type { JSX } from 'preact';
import { UNSURE_ORGANIZATION_ID } from '#contract/routing.js';
import type { CaseDetailResponse } from '#schemas/agency.js';
import { formatDate, formatOccurred } from '../shared/format.js';
import { useAgency } from './context.js';
import { categoryName, organizationName } from './labels.js';

function formatAmount(amount: NonNullable<CaseDetailResponse['amount']>, language: string): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency: amount.currency }).format(amount.value);
  } catch {
    return `${amount.value} ${amount.currency}`;
  }
}

export function CaseFacts({ detail }: { detail: CaseDetailResponse }): JSX.Element {
  const { t, config, language } = useAgency();
  const zone = config.country.timezone;
  const date = (value: string, withTime = false) => <time dateTime={value}>{formatDate(value, language, zone, withTime)}</time>;
  return (
    <dl class="facts case-facts">
      <dt>{t('agency.col.status')}</dt>
      <dd>
        <strong>{t(`status.${detail.status}`)}</strong>
        {detail.overdue ? (
          <>
            {' '}
            <span class="badge badge-overdue">{t('agency.overdue')}</span>
          </>
        ) : null}
        {detail.escalatedTo ? (
          <>
            {' '}
            <span class="badge badge-escalated">{t('agency.escalated')}</span>
          </>
        ) : null}
        {detail.legalHold ? (
          <>
            {' '}
            <span class="badge badge-held">{t('agency.held')}</span>
          </>
        ) : null}
      </dd>
      {detail.deleteAfter ? (
        <>
          <dt>{t('track.deleteAfter')}</dt>
          <dd>{date(detail.deleteAfter)}</dd>
        </>
      ) : null}
      {detail.resolution ? (
        <>
          <dt>{t('agency.case.resolution')}</dt>
          <dd>{t(`resolution.${detail.resolution}`)}</dd>
        </>
      ) : null}
      <dt>{t('track.organization')}</dt>
      <dd>{organizationName(config, detail.organization.id, detail.organization.name)}</dd>
      <dt>{t('agency.assign.assignee')}</dt>
      <dd data-assignee="">{detail.assignee ? <span translate={false}>{detail.assignee}</span> : t('agency.assign.nobody')}</dd>
      {detail.recused.length ? (
        <>
          <dt>{t('agency.assign.recused')}</dt>
          <dd translate={false}>{detail.recused.join(', ')}</dd>
        </>
      ) : null}
      {detail.escalatedTo ? (
        <>
          <dt>{t('agency.escalated')}</dt>
          <dd>{organizationName(config, detail.escalatedTo)}</dd>
        </>
      ) : null}
      <dt>{t('agency.case.reportedOrganization')}</dt>
      <dd>
        {detail.reportedOrganization.id === UNSURE_ORGANIZATION_ID
          ? t('report.organization.unsure')
          : organizationName(config, detail.reportedOrganization.id, detail.reportedOrganization.name)}
      </dd>
      <dt>{t('agency.case.subjectIsHead')}</dt>
      <dd>{detail.subjectIsHead ? t('common.yes') : t('common.no')}</dd>
      <dt>{t('report.category')}</dt>
      <dd>{categoryName(config, detail.category)}</dd>
      <dt>{t('agency.case.anonymity')}</dt>
      <dd>{t(`report.anonymity.${detail.anonymity}`)}</dd>
      <dt>{t('agency.col.received')}</dt>
      <dd>{date(detail.createdAt, true)}</dd>
      <dt>{t('track.acknowledgeBy')}</dt>
      <dd>{date(detail.acknowledgeBy)}</dd>
      <dt>{t('track.respondBy')}</dt>
      <dd>{date(detail.respondBy)}</dd>
      {detail.occurredOn ? (
        <>
          <dt>{t('agency.case.occurredOn')}</dt>
          <dd>
            {formatOccurred(detail.occurredOn, detail.occurredApproximately, language, (day) =>
              t('report.occurredOn.about', { date: day }),
            )}
          </dd>
        </>
      ) : null}
      {detail.location ? (
        <>
          <dt>{t('agency.case.location')}</dt>
          <dd class="user-text">{detail.location}</dd>
        </>
      ) : null}
      {detail.amount ? (
        <>
          <dt>{t('report.amount')}</dt>
          <dd>{formatAmount(detail.amount, language)}</dd>
        </>
      ) : null}
    </dl>
  );
}
