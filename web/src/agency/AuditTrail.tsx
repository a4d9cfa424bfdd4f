// Every read and write of the case, in order, with the server's check of the hash chain: a changed, reordered
// or removed entry makes the trail fail to verify, and the console says so in words, not only in colour. Repeated
// openings by one person read as one line, which opens onto its entries (auditRows.ts).
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { CASE_STATUSES, type CaseStatus } from '#contract/caseLife.js';
import type { CaseDetailResponse } from '#schemas/agency.js';
import type { ConfigResponse } from '#schemas/config.js';
import { formatDate } from '../shared/format.js';
import { type Translate, textDirection } from '../shared/i18n.js';
import { useAgency } from './context.js';
import { auditActionLabel, organizationName } from './labels.js';
import { TableScroll } from '../shared/TableScroll.js';
import { type AuditEntry, auditRows, formatInstantRange } from './auditRows.js';

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

/** A case's trail, or an application's (docs/applications.md): the events and the server's verdict on them. */
export function AuditTrail({ detail }: { detail: Pick<CaseDetailResponse, 'audit' | 'auditVerified' | 'auditProblem'> }): JSX.Element {
  const { t, config, language } = useAgency();
  // The groups opened, by the sequence number of their first entry (which a later reading of the case keeps).
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  const arrow = textDirection(language) === 'rtl' ? '←' : '→';
  const zone = config.country.timezone;
  const when = (at: string) => formatDate(at, language, zone, true);
  const entryRow = (entry: AuditEntry, member = false) => {
    const more = detailText(entry, t, config, arrow);
    return (
      <tr key={entry.seq} data-seq={entry.seq} class={member ? 'audit-member' : undefined}>
        <th scope="row">{entry.seq}</th>
        <td class="date">
          <time dateTime={entry.at}>{when(entry.at)}</time>
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
  };
  const toggle = (seq: number) =>
    setOpened((now) => {
      const next = new Set(now);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });

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
            {auditRows(detail.audit).flatMap((row) => {
              if (row.kind === 'entry') return [entryRow(row.entry)];
              const first = row.entries[0];
              const last = row.entries[row.entries.length - 1]!;
              const open = opened.has(first.seq);
              return [
                <tr key={`views-${first.seq}`} class="audit-group" data-seqs={`${first.seq}-${last.seq}`}>
                  <th scope="row">
                    {first.seq}–{last.seq}
                  </th>
                  <td class="date">
                    <time dateTime={first.at}>{formatInstantRange(first.at, last.at, language, zone, when)}</time>
                  </td>
                  <td class="actor" translate={false}>
                    {first.actor}
                  </td>
                  <td>
                    {t('agency.audit.viewedTimes', { count: row.entries.length })}{' '}
                    <button type="button" class="link" aria-expanded={open} onClick={() => toggle(first.seq)}>
                      {open ? t('agency.audit.hideEach') : t('agency.audit.showEach')}
                    </button>
                  </td>
                </tr>,
                ...(open ? row.entries.map((entry) => entryRow(entry, true)) : []),
              ];
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
