// A confidential reporter's contact details: opened only for the organization the reporter shared them with, while
// the case is in its queue; everyone else is told who holds them and to use messages. The labels are staff's own
// ("Reporter's name"), not the reporter's form ("Your name").
import type { JSX } from 'preact';
import type { CaseDetailResponse } from '#schemas/agency.js';
import { useAgency } from './context.js';

export function ReporterContact({ detail }: { detail: CaseDetailResponse }): JSX.Element {
  const { t } = useAgency();
  const contact = detail.contact;
  let body: JSX.Element;
  if (contact) {
    body = (
      <dl class="facts">
        {contact.name ? (
          <>
            <dt>{t('agency.contact.name')}</dt>
            <dd class="user-text">{contact.name}</dd>
          </>
        ) : null}
        {contact.email ? (
          <>
            <dt>{t('agency.contact.email')}</dt>
            <dd class="user-text">{contact.email}</dd>
          </>
        ) : null}
        {contact.phone ? (
          <>
            <dt>{t('agency.contact.phone')}</dt>
            <dd class="user-text">{contact.phone}</dd>
          </>
        ) : null}
      </dl>
    );
  } else if (detail.contactSharedWith) {
    body = <p>{t('agency.case.contactHidden', { organization: detail.contactSharedWith.name })}</p>;
  } else {
    body = <p>{t('agency.case.noContact')}</p>;
  }
  return (
    <section aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t('agency.case.contact')}</h2>
      {body}
    </section>
  );
}
