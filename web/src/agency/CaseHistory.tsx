// What has happened on the case: the public timeline, the conversation with the reporter, and the staff's
// internal notes (which the reporter never sees). All of it is text, rendered as text.
import type { JSX } from 'preact';
import type { CaseDetailResponse } from '../../../functions/schemas/agency.js';
import { formatDate } from '../shared/format.js';
import { useAgency } from './context.js';
import { organizationName } from './labels.js';

export function CaseHistory({ detail }: { detail: CaseDetailResponse }): JSX.Element {
  const { t, config, language } = useAgency();
  const zone = config.country.timezone;
  const when = (at: string) => formatDate(at, language, zone, true);
  return (
    <>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('track.timeline')}</h2>
        <ol class="timeline">
          {detail.timeline.map((entry, i) => (
            <li key={i}>
              <p>
                <strong>{t(`status.${entry.status}`)}</strong> · <time dateTime={entry.at}>{when(entry.at)}</time>
                {entry.organization ? ` · ${organizationName(config, entry.organization.id, entry.organization.name)}` : ''}
              </p>
              {entry.publicNote ? <p class="user-text">{entry.publicNote}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading">{t('track.messages')}</h2>
        {detail.messages.length === 0 ? <p>{t('track.none')}</p> : null}
        <ol class="messages">
          {detail.messages.map((message) => (
            <li key={message.id} class={`from-${message.from}`}>
              <p class="message-meta">{t('track.messageFrom', { from: t(`from.${message.from}`), at: when(message.at) })}</p>
              <p class="user-text">{message.body}</p>
            </li>
          ))}
        </ol>
      </section>

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
