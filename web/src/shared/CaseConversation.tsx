// The public side of a case's history, the same for the whistleblower and agency staff: the timeline of statuses
// with their public notes, and the messages between them. Everything stored is rendered as text.
import type { JSX } from 'preact';
import type { CaseStatus } from '#contract/caseLife.js';
import type { Translate } from './i18n.js';

export interface TimelineItem {
  at: string;
  status: CaseStatus;
  publicNote?: string | undefined;
  organization?: { id: string; name: string } | undefined;
}

export interface MessageItem {
  id: string;
  at: string;
  from: 'agency' | 'whistleblower';
  body: string;
}

export interface CaseConversationProps {
  t: Translate;
  when: (at: string) => string;
  timeline: TimelineItem[];
  messages: MessageItem[];
  /** How an organization a case moved to is named (the agency console uses the pack's current names). */
  organizationLabel?: (organization: { id: string; name: string }) => string;
  /** Who wrote a message, as this reader calls them (the whistleblower reads their own as "You"). */
  fromLabel?: (from: MessageItem['from']) => string;
}

export function CaseConversation({
  t,
  when,
  timeline,
  messages,
  organizationLabel = (o) => o.name,
  fromLabel = (from) => t(`from.${from}`),
}: CaseConversationProps): JSX.Element {
  return (
    <>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('track.timeline')}</h2>
        <ol class="timeline">
          {timeline.map((entry, i) => (
            <li key={i}>
              <p>
                <strong>{t(`status.${entry.status}`)}</strong> · <time dateTime={entry.at}>{when(entry.at)}</time>
                {entry.organization ? ` · ${organizationLabel(entry.organization)}` : ''}
              </p>
              {entry.publicNote ? <p class="user-text">{entry.publicNote}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading">{t('track.messages')}</h2>
        {messages.length === 0 ? <p>{t('track.none')}</p> : null}
        <ol class="messages">
          {messages.map((message) => (
            <li key={message.id} class={`from-${message.from}`}>
              <p class="message-meta">{t('track.messageFrom', { from: fromLabel(message.from), at: when(message.at) })}</p>
              <p class="user-text">{message.body}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
