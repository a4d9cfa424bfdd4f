// What has happened on the case: the public timeline, the conversation with the reporter, and the staff's
// internal notes (which the reporter never sees). All of it is text, rendered as text.
import type { JSX } from 'preact';
import type { CaseDetailResponse } from '#schemas/agency.js';
import { CaseConversation } from '../shared/CaseConversation.js';
import { formatDate } from '../shared/format.js';
import { useAgency } from './context.js';
import { organizationName } from './labels.js';

export function CaseHistory({ detail }: { detail: CaseDetailResponse }): JSX.Element {
  const { t, config, language } = useAgency();
  const zone = config.country.timezone;
  const when = (at: string) => formatDate(at, language, zone, true);
  return (
    <>
      <CaseConversation
        t={t}
        when={when}
        timeline={detail.timeline}
        messages={detail.messages}
        organizationLabel={(o) => organizationName(config, o.id, o.name)}
      />

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('agency.case.internalNote')}</h2>
        {detail.notes.length === 0 ? <p>{t('track.none')}</p> : null}
        <ol class="messages notes">
          {detail.notes.map((note) => (
            <li key={note.id}>
              <p class="message-meta">{t('track.messageFrom', { from: note.author, at: when(note.at) })}</p>
              <p class="user-text">{note.body}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
