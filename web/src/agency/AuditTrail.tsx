// Every read and write of the case, in order, with the server's check of the hash chain: a changed, reordered
// or removed entry makes the trail fail to verify, and the console says so in words, not only in colour.
import type { JSX } from 'preact';
import { CASE_STATUSES, type CaseStatus } from '#contract/caseLife.js';
import type { CaseDetailResponse } from '#schemas/agency.js';
import type { ConfigResponse } from '#schemas/config.js';
import { formatDate } from '../shared/format.js';
import { type Translate, textDirection } from '../shared/i18n.js';
import { useAgency } from './context.js';
import { auditActionLabel, organizationName } from './labels.js';
import { TableScroll } from '../shared/TableScroll.js';

type AuditEntry = CaseDetailResponse['audit'][number];

const isStatus = (value: string | undefined): value is CaseStatus => (CASE_STATUSES as readonly (string | undefined)[]).includes(value);

/** The part of an entry's details worth reading: where a status or the case went. */
function detailText(entry: AuditEntry, t: Translate, config: ConfigResponse, arrow: string): string {
  const { from, to, escalatedTo } = entry.details;
  if ((entry.action === 'case.status_changed' || entry.action === 'case.note_added') && isStatus(from) && isStatus(to)) {
    return from === to ? t(`status.${to}`) : `${t(`status.${from}`)} ${arrow} ${t(`status.${to}`)}`;
  }
  if (entry.action === 'case.transferred' && from && to)
    return `${organizationName(config, from)} ${arrow} ${organizationName(config, to)}`;
  if (entry.action === 'deadline.missed' && escalatedTo) return `${arrow} ${organizationName(config, escalatedTo)}`;
  return '';
}

/**
 * The server's verdict starts in lower case, since `npm run audit:verify` prints it after "case <id>: "; standing on
 * its own line here, it reads as a sentence.
 */
const asSentence = (problem: string) => `${problem.charAt(0).toUpperCase()}${problem.slice(1)}${/[.!?]$/.test(problem) ? '' : '.'}`;

export function AuditTrail({ detail }: { detail: CaseDetailResponse }): JSX.Element {
  const { t, config, language } = useAgency();
  const arrow = textDirection(language) === 'rtl' ? '←' : '→';
  return (
    <section class="audit">
      <h2>{t('agency.case.audit')}</h2>
      {detail.auditVerified ? (
        <p class="audit-verdict audit-ok">
          <span aria-hidden="true">✓ </span>
          {t('agency.case.auditVerified')}
        </p>
      ) : (
        <div class="audit-verdict audit-broken" role="alert">
          <p>
            <span aria-hidden="true">✗ </span>
            <strong>{t('agency.case.auditBroken')}</strong>
          </p>
          {detail.auditProblem ? <p class="user-text">{asSentence(detail.auditProblem)}</p> : null}
        </div>
      )}
      <TableScroll labelledBy="audit-caption">
        <table class="data-table audit-table">
          <caption id="audit-caption" class="visually-hidden">
            {t('agency.case.audit')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('agency.case.auditSeq')}</th>
              <th scope="col">{t('agency.case.at')}</th>
              <th scope="col">{t('agency.case.actor')}</th>
              <th scope="col">{t('agency.case.action')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.audit.map((entry) => {
              const more = detailText(entry, t, config, arrow);
              return (
                <tr key={entry.seq}>
                  <th scope="row">{entry.seq}</th>
                  <td class="date">
                    <time dateTime={entry.at}>{formatDate(entry.at, language, config.country.timezone, true)}</time>
                  </td>
                  <td class="actor" translate={false}>
                    {entry.actor}
                  </td>
                  <td>
                    {auditActionLabel(t, entry.action)}
                    {more ? <span class="audit-detail"> ({more})</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
