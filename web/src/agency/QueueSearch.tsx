// The queue's search fields beside status and overdue: who the case is assigned to, its category, how it arrived and
// the days it was filed between. The API applies them inside the queue's one query per page.
import type { JSX } from 'preact';
import { INTAKE_CHANNELS, type IntakeChannel } from '#contract/intakeChannel.js';
import { useAgency } from './context.js';
import type { QueueFilters } from './Queue.js';
import { useStaff } from './staff.js';

export function QueueSearch({ draft, onDraft }: { draft: QueueFilters; onDraft: (draft: QueueFilters) => void }): JSX.Element {
  const { t, config, session } = useAgency();
  const staff = useStaff();
  const oversight = session.user.role === 'oversight';
  const value = (event: Event) => (event.target as HTMLSelectElement | HTMLInputElement).value;
  return (
    <>
      {oversight ? null : (
        <div class="field">
          <label for="filter-assignee">{t('agency.assign.assignee')}</label>
          <select id="filter-assignee" value={draft.assignee} onChange={(event) => onDraft({ ...draft, assignee: value(event) })}>
            <option value="">{t('agency.assign.anyone')}</option>
            <option value="me">{t('agency.assign.mine')}</option>
            <option value="none">{t('agency.assign.nobody')}</option>
            {(staff ?? [])
              .filter((m) => m.username !== session.user.username)
              .map((m) => (
                <option key={m.username} value={m.username} translate={false}>
                  {m.username}
                </option>
              ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for="filter-category">{t('agency.col.category')}</label>
        <select id="filter-category" value={draft.category} onChange={(event) => onDraft({ ...draft, category: value(event) })}>
          <option value="">{t('agency.search.anyCategory')}</option>
          {config.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-channel">{t('agency.search.channel')}</label>
        <select
          id="filter-channel"
          value={draft.channel}
          onChange={(event) => onDraft({ ...draft, channel: value(event) as IntakeChannel | '' })}
        >
          <option value="">{t('agency.search.anyChannel')}</option>
          {INTAKE_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`agency.search.channel.${channel}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field field-date">
        <label for="filter-from">{t('agency.search.from')}</label>
        <input
          id="filter-from"
          type="date"
          value={draft.from}
          max={draft.to || undefined}
          onInput={(event) => onDraft({ ...draft, from: value(event) })}
        />
      </div>
      <div class="field field-date">
        <label for="filter-to">{t('agency.search.to')}</label>
        <input
          id="filter-to"
          type="date"
          value={draft.to}
          min={draft.from || undefined}
          onInput={(event) => onDraft({ ...draft, to: value(event) })}
        />
      </div>
    </>
  );
}
