// The public statistics (GET /stats/public): per organization and category, reports by status and the median days
// to close, in the reader's language. Loaded only when opened (CitizenApp imports it lazily), so the home page and
// the report wizard do not carry it. Rows the server suppressed say "fewer than 5" and nothing else.
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CASE_STATUSES } from '#contract/caseLife.js';
import {
  type PublicCategoryRow,
  type PublicOrganizationRow,
  type PublicStatistics,
  publicStatisticsResponse,
} from '#schemas/publicStats.js';
import { apiRequest } from '../shared/api.js';
import { Notice } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { formatDate } from '../shared/format.js';
import { ScreenHeading } from '../shared/ScreenHeading.js';
import { usePortal } from './context.js';
import { searchOrganizations } from './report/organizationSearch.js';
import { TableScroll } from '../shared/TableScroll.js';

/** A case never rests in `transferred` (a transfer puts it back to `received` in the new queue): no column for it. */
const STATUS_COLUMNS = CASE_STATUSES.filter((s) => s !== 'transferred');
/** Organizations shown at once; a search finds the others (a pack may have a thousand). */
const SHOWN = 30;

type Counts = PublicOrganizationRow | PublicCategoryRow;

export function PublicStats(): JSX.Element {
  const { t, config, language } = usePortal();
  const [statistics, setStatistics] = useState<PublicStatistics | null | 'failed'>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    let live = true;
    void apiRequest('GET', '/stats/public', publicStatisticsResponse).then((result) => {
      if (live) setStatistics(result.ok ? result.data : 'failed');
    });
    return () => {
      live = false;
    };
  }, []);

  const organizationNames = useMemo(() => new Map(config.organizations.map((o) => [o.id, o])), [config.organizations]);
  const categoryNames = useMemo(() => new Map(config.categories.map((c) => [c.id, c.name])), [config.categories]);
  const listed = useMemo(() => {
    if (!statistics || statistics === 'failed') return { rows: [] as PublicOrganizationRow[], total: 0 };
    const searchable = statistics.organizations.map((row) => {
      const known = organizationNames.get(row.organizationId);
      return {
        id: row.organizationId,
        name: known?.name ?? row.organizationId,
        ...(known?.otherNames ? { otherNames: known.otherNames } : {}),
        row,
      };
    });
    if (query.trim()) {
      const { matches, total } = searchOrganizations(searchable, query, SHOWN);
      return { rows: matches.map((m) => m.row), total };
    }
    const byName = [...searchable].sort((a, b) => a.name.localeCompare(b.name, language));
    return { rows: byName.slice(0, SHOWN).map((s) => s.row), total: byName.length };
  }, [statistics, query, organizationNames, language]);

  if (statistics === null)
    return (
      <p class="loading" role="status">
        {t('common.loading')}
      </p>
    );
  if (statistics === 'failed')
    return (
      <>
        <ScreenHeading>{t('nav.stats')}</ScreenHeading>
        <Notice kind="error" text={t('error.unavailable')} />
      </>
    );

  const minimum = statistics.minimumCases;
  const number = (value: number) => new Intl.NumberFormat(language).format(value);
  // A category row is suppressed for having fewer than `minimum` cases; an organization's line may also be hidden
  // because one of its rows is (it would give that row away by subtraction), so it says only why, not how many.
  const cells = (row: Counts) =>
    row.suppressed ? (
      <td colSpan={STATUS_COLUMNS.length + 2} class="suppressed">
        {'category' in row ? t('stats.suppressed', { count: minimum }) : t('stats.totalHidden')}
      </td>
    ) : (
      <>
        <td class="number">{number(row.total)}</td>
        {STATUS_COLUMNS.map((status) => (
          <td key={status} class="number">
            {number(row.byStatus[status] ?? 0)}
          </td>
        ))}
        <td class="number">{row.medianDaysToClose === null ? t('stats.noMedian') : number(row.medianDaysToClose)}</td>
      </>
    );

  return (
    <>
      <ScreenHeading>{t('nav.stats')}</ScreenHeading>
      <p class="lead">{t('stats.intro')}</p>
      <p>{t('stats.privacy', { count: minimum })}</p>
      {statistics.asOf === null || statistics.organizations.length === 0 ? (
        <p>{t('stats.notYet')}</p>
      ) : (
        <>
          <p>{t('stats.asOf', { date: formatDate(statistics.asOf, language, undefined, true) })}</p>
          <Field id="stats-search" label={t('stats.search')}>
            {(control) => (
              <input
                {...control}
                type="search"
                autoComplete="off"
                value={query}
                onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
              />
            )}
          </Field>
          <p class="hint" role="status" aria-live="polite">
            {listed.total > listed.rows.length ? t('stats.showing', { shown: listed.rows.length, count: listed.total }) : ''}
          </p>
          {listed.rows.map((organization) => {
            const name = organizationNames.get(organization.organizationId)?.name ?? organization.organizationId;
            const captionId = `stats-${organization.organizationId}`;
            return (
              <section key={organization.organizationId} class="public-stats" aria-labelledby={captionId}>
                <h2 id={captionId}>{name}</h2>
                <TableScroll labelledBy={captionId}>
                  <table class="data-table public-stats-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('stats.category')}</th>
                        <th scope="col" class="number">
                          {t('stats.total')}
                        </th>
                        {STATUS_COLUMNS.map((status) => (
                          <th key={status} scope="col" class="number">
                            {t(`status.${status}`)}
                          </th>
                        ))}
                        <th scope="col" class="number">
                          {t('stats.medianClose')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {organization.categories.map((row) => (
                        <tr key={row.category}>
                          <th scope="row">{categoryNames.get(row.category) ?? row.category}</th>
                          {cells(row)}
                        </tr>
                      ))}
                      <tr class="all-categories">
                        <th scope="row">{t('stats.allCategories')}</th>
                        {cells(organization)}
                      </tr>
                    </tbody>
                  </table>
                </TableScroll>
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
