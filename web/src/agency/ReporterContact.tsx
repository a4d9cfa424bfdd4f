// A confidential reporter's contact details, which only the organization the case is assigned to receives.
import type { JSX } from 'preact';
import type { CaseDetailResponse } from '../../../functions/schemas/agency.js';
import { useAgency } from './context.js';

export function ReporterContact({ detail }: { detail: CaseDetailResponse }): JSX.Element {
  const { t } = useAgency();
  const contact = detail.contact;
  let body: JSX.Element;
  if (contact) {
    body = (
      <dl class="facts">
        {contact.name ? <><dt>{t('report.contact.name')}</dt><dd class="user-text">{contact.name}</dd></> : null}
        {contact.email ? <><dt>{t('report.contact.email')}</dt><dd class="user-text">{contact.email}</dd></> : null}
        {contact.phone ? <><dt>{t('report.contact.phone')}</dt><dd class="user-text">{contact.phone}</dd></> : null}
      </dl>
    );
  } else {
    // Confidential but no details: the reader is the oversight body looking at another organization's case.
    body = <p>{detail.anonymity === 'confidential' ? t('agency.case.contactHidden') : t('agency.case.noContact')}</p>;
  }
  return (
    <section aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t('agency.case.contact')}</h2>
      {body}
    </section>
  );
}
