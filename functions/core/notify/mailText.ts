// The mails' words: the pack's UI strings (agency.notify.mail.*) in the country's first language, and a link to the
// case in the agency console. Built from a notice's kind and case id only, so no report text, title, category,
// contact or other case detail can reach a mail: the console shows those, to a signed-in member, with the access
// audited.
import type { UiStringKey } from '#schemas/uiStrings.js';
import type { NoticeKind } from './notices.js';

/** The mail strings of one language (the pack's i18n file), looked up by key. */
export type MailTexts = (key: MailTextKey) => string;

export const MAIL_TEXT_KEYS = [
  'agency.notify.mail.newCase.subject',
  'agency.notify.mail.newCase.body',
  'agency.notify.mail.reply.subject',
  'agency.notify.mail.reply.body',
  'agency.notify.mail.assigned.subject',
  'agency.notify.mail.assigned.body',
  'agency.notify.mail.deadline.subject',
  'agency.notify.mail.deadline.body',
  'agency.notify.mail.digest.subject',
  'agency.notify.mail.digest.body',
  'agency.notify.mail.footer',
] as const satisfies readonly UiStringKey[];
export type MailTextKey = (typeof MAIL_TEXT_KEYS)[number];

/** The language mails are written in: the country's first (staff read the console in it). */
export function mailTexts(strings: Record<string, Record<string, string>>, languages: readonly string[]): MailTexts {
  const [first] = languages;
  const own = (first && strings[first]) || {};
  const english = strings.en ?? {};
  return (key) => own[key] ?? english[key] ?? key;
}

/** Where a case opens in the agency console (web/src/agency: the hash route `#/cases/<caseId>`). */
export function caseLink(consoleUrl: string, caseId: string): string {
  return `${consoleUrl}#/cases/${encodeURIComponent(caseId)}`;
}

export interface MailContent {
  subject: string;
  text: string;
}

export function noticeMail(t: MailTexts, consoleUrl: string, notice: { kind: NoticeKind; caseId: string }): MailContent {
  return {
    subject: t(`agency.notify.mail.${notice.kind}.subject`),
    text: [t(`agency.notify.mail.${notice.kind}.body`), '', caseLink(consoleUrl, notice.caseId), '', t('agency.notify.mail.footer')].join(
      '\n',
    ),
  };
}

/** One mail listing everything held for a member: a line per notice, the kind's subject and the case's link. */
export function digestMail(t: MailTexts, consoleUrl: string, notices: readonly { kind: NoticeKind; caseId: string }[]): MailContent {
  const lines = notices.map((n) => `- ${t(`agency.notify.mail.${n.kind}.subject`)}: ${caseLink(consoleUrl, n.caseId)}`);
  return {
    subject: t('agency.notify.mail.digest.subject'),
    text: [t('agency.notify.mail.digest.body'), '', ...lines, '', t('agency.notify.mail.footer')].join('\n'),
  };
}
