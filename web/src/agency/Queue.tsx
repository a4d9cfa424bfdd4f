// The organization's queue (or, for oversight, the cases escalated to it) as the API orders it: overdue first,
// then oldest, each case marked when the reporter wrote since the organization last opened it. Filters apply on
// "Show"; "Show more" follows the API's cursor; a case can also be opened by its number.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CASE_STATUSES, type CaseStatus } from '#contract/caseLife.js';
import type { IntakeChannel } from '#contract/intakeChannel.js';
import { type CaseListResponse, caseListResponse } from '#schemas/agency.js';
import type { UiStringKey } from '#schemas/uiStrings.js';
import { Notice } from '../shared/ErrorSummary.js';
import { formatDate } from '../shared/format.js';
import { ScreenHeading } from '../shared/ScreenHeading.js';
import { AssignedToMe } from './AssignedToMe.js';
import { CaseFinder } from './CaseFinder.js';
import { QueueSearch } from './QueueSearch.js';
import { useAgency } from './context.js';
import { categoryName, failureText, organizationName } from './labels.js';
import { TableScroll } from '../shared/TableScroll.js';

export interface QueueFilters {
  status: CaseStatus | '';
  overdue: boolean;
  /** Oversight only: the cases escalated to its body instead of its own queue. */
  escalated: boolean;
  /** '' anyone, `me`, `none` (nobody yet) or a username of the organization. */
  assignee: string;
  category: string;
  channel: IntakeChannel | '';
  /** Filed from / until these days (YYYY-MM-DD), '' for open-ended. */
  from: string;
  to: string;
}

export const NO_FILTERS: QueueFilters = {
  status: '',
  overdue: false,
  escalated: false,
  assignee: '',
  category: '',
  channel: '',
  from: '',
  to: '',
};

type QueueItem = CaseListResponse['items'][number];

const PAGE_SIZE = 25;
/** A case is never at rest as "transferred" (it arrives as received elsewhere), so there is nothing to filter. */
const FILTER_STATUSES = CASE_STATUSES.filter((s) => s !== 'transferred');

/** The deadline that matters now: acknowledging while received, responding until closed. */
function dueDate(item: QueueItem): string | null {
  if (item.status === 'received') return item.acknowledgeBy;
  return item.status === 'closed' ? null : item.respondBy;
}

export function Queue({
  filters,
  onFilters,
  flash,
}: {
  filters: QueueFilters;
  onFilters: (filters: QueueFilters) => void;
  flash: UiStringKey | null;
}): JSX.Element {
  const { t, call, config, language, session, setFlash } = useAgency();
  const [draft, setDraft] = useState(filters);
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const request = useRef(0);
  const focusRow = useRef<number | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const oversight = session.user.role === 'oversight';
  const escalated = oversight && filters.escalated;
  const zone = config.country.timezone;

  // The notice about a case that left the queue is for this visit only.
  useEffect(() => () => setFlash(null), []);

  async function load(cursor: string | null): Promise<void> {
    const mine = ++request.current;
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (filters.status) query.set('status', filters.status);
    if (filters.overdue) query.set('overdue', 'true');
    if (escalated) query.set('escalated', 'true');
    for (const key of ['assignee', 'category', 'channel', 'from', 'to'] as const) if (filters[key]) query.set(key, filters[key]);
    if (cursor) query.set('cursor', cursor);
    setBusy(true);
    const result = await call('GET', `/cases?${query}`, caseListResponse);
    if (mine !== request.current) return; // filters changed meanwhile: a newer answer is on its way
    setBusy(false);
    if (!result.ok) return setFailure(failureText(result, t));
    setFailure(null);
    setNextCursor(result.data.nextCursor);
    const kept = cursor ? (items ?? []) : [];
    // After "Show more", focus goes to the first new case, since the button may be gone.
    focusRow.current = cursor && result.data.items.length ? kept.length : null;
    setItems([...kept, ...result.data.items]);
  }

  useEffect(() => {
    setItems(null);
    void load(null);
  }, [filters.status, filters.overdue, escalated, filters.assignee, filters.category, filters.channel, filters.from, filters.to]);

  useEffect(() => {
    if (focusRow.current === null) return;
    table.current?.querySelectorAll<HTMLAnchorElement>('tbody a')[focusRow.current]?.focus();
    focusRow.current = null;
  }, [items]);

  const caption = [
    escalated ? t('agency.escalated') : t('agency.queue'),
    filters.status ? t(`status.${filters.status}`) : t('agency.filter.all'),
    ...(filters.overdue ? [t('agency.filter.overdue')] : []),
    ...(filters.assignee === 'me' ? [t('agency.assign.mine')] : filters.assignee === 'none' ? [t('agency.assign.nobody')] : []),
    ...(filters.assignee && filters.assignee !== 'me' && filters.assignee !== 'none' ? [filters.assignee] : []),
    ...(filters.category ? [categoryName(config, filters.category)] : []),
    ...(filters.channel ? [t(`agency.search.channel.${filters.channel}`)] : []),
    ...(filters.from || filters.to ? [`${filters.from || '…'} – ${filters.to || '…'}`] : []),
  ].join(' · ');

  return (
    <>
      <ScreenHeading>{t('agency.queue')}</ScreenHeading>
      <Notice kind="success" text={flash ? t(flash) : null} />
      <CaseFinder />
      {/* What is theirs comes first: the cases the user is the designated handler of. */}
      {!escalated && !filters.assignee ? <AssignedToMe /> : null}
      <form
        class="queue-filters"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onFilters({ ...draft });
        }}
      >
        <div class="field">
          <label for="filter-status">{t('agency.filter.status')}</label>
          <select
            id="filter-status"
            value={draft.status}
            onChange={(event) => setDraft({ ...draft, status: (event.target as HTMLSelectElement).value as CaseStatus | '' })}
          >
            <option value="">{t('agency.filter.all')}</option>
            {FILTER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="choice">
          <input
            id="filter-overdue"
            type="checkbox"
            checked={draft.overdue}
            onChange={(event) => setDraft({ ...draft, overdue: (event.target as HTMLInputElement).checked })}
          />
          <label for="filter-overdue">{t('agency.filter.overdue')}</label>
        </div>
        {oversight ? (
          <div class="choice">
            <input
              id="filter-escalated"
              type="checkbox"
              checked={draft.escalated}
              onChange={(event) => setDraft({ ...draft, escalated: (event.target as HTMLInputElement).checked })}
            />
            <label for="filter-escalated">{t('agency.escalated')}</label>
          </div>
        ) : null}
        <QueueSearch draft={draft} onDraft={setDraft} />
        <button type="submit">{t('agency.filter.apply')}</button>
      </form>

      <Notice kind="error" text={failure} />
      {items === null ? (
        busy ? (
          <p class="loading" role="status">
            {t('common.loading')}
          </p>
        ) : null
      ) : (
        // data-queue-loaded: the first page has arrived (what tests wait for after signing in).
        <div class="queue-results" data-queue-loaded="">
          <Notice kind="info" text={items.length === 0 ? t('agency.noCases') : null} />
          {items.length ? (
            <TableScroll labelledBy="queue-caption">
              <table class="data-table queue-table" ref={table}>
                <caption id="queue-caption">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('agency.col.case')}</th>
                    <th scope="col">{t('agency.col.title')}</th>
                    <th scope="col">{t('agency.col.category')}</th>
                    {escalated ? <th scope="col">{t('track.organization')}</th> : null}
                    <th scope="col">{t('agency.col.status')}</th>
                    <th scope="col">{t('agency.col.received')}</th>
                    <th scope="col">{t('agency.col.due')}</th>
                    <th scope="col">{t('agency.assign.assignee')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => {
                    const due = dueDate(item);
                    return (
                      <tr
                        key={item.caseId}
                        class={[item.overdue ? 'is-overdue' : '', item.unreadReplies ? 'has-unread' : ''].join(' ').trim() || undefined}
                      >
                        <th scope="row">
                          <a class="case-id" href={`#/cases/${encodeURIComponent(item.caseId)}`} translate={false}>
                            {item.caseId}
                          </a>
                        </th>
                        <td class="summary">
                          {item.title}
                          {item.unreadReplies ? (
                            <>
                              {' '}
                              <span class="badge badge-reply">{t('agency.unreadReplies', { count: item.unreadReplies })}</span>
                            </>
                          ) : null}
                        </td>
                        <td>{categoryName(config, item.category)}</td>
                        {escalated ? <td>{organizationName(config, item.organizationId)}</td> : null}
                        <td>
                          {t(`status.${item.status}`)}
                          {item.escalated ? (
                            <>
                              {' '}
                              <span class="badge badge-escalated">{t('agency.escalated')}</span>
                            </>
                          ) : null}
                          {item.held ? (
                            <>
                              {' '}
                              <span class="badge badge-held">{t('agency.held')}</span>
                            </>
                          ) : null}
                        </td>
                        <td class="date">{formatDate(item.createdAt, language, zone)}</td>
                        <td class="date">
                          {due ? formatDate(due, language, zone) : null}
                          {item.overdue ? (
                            <>
                              {' '}
                              <span class="badge badge-overdue">{t('agency.overdue')}</span>
                            </>
                          ) : null}
                        </td>
                        <td translate={false}>{item.assignee ?? <span class="muted">{t('agency.assign.nobody')}</span>}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          {nextCursor ? (
            <div class="actions">
              <button type="button" class="secondary" disabled={busy} onClick={() => void load(nextCursor)}>
                {t('agency.loadMore')}
              </button>
            </div>
          ) : null}
        </div>
      )}
    </>
  );
}
