// The {placeholders} the web app fills in, per UI string key (as countries/_template/i18n/en.json writes them;
// test/unit/uiStringPlaceholders.test.ts keeps the two the same). Every translation keeps exactly these, so a
// placeholder dropped or invented is named in the file that has it, the default language included.
import { PLURAL_FORMS } from './uiStrings.js';

export const UI_STRING_PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = {
  'report.occurredOn.about': ['date'],
  'home.next.body': ['acknowledgeDays', 'respondDays'],
  'wizard.step': ['step', 'total'],
  'report.organizationResults.one': ['count'],
  'report.organizationResults.other': ['count'],
  'report.organization.unsure.help': ['organization'],
  'report.attachment.progress': ['name'],
  'report.attachment.tooLarge': ['name'],
  'report.route.unsure': ['organization'],
  'report.route.head': ['organization'],
  'report.route.amount': ['category', 'amount', 'organization'],
  'report.route.category': ['category', 'organization'],
  'report.route.reported': ['category', 'organization'],
  'report.route.default': ['organization'],
  'report.route.organization': ['reported', 'organization'],
  'report.refused.fileType': ['name'],
  'report.refused.fileAgain': ['name'],
  'validation.tooLong': ['max'],
  'validation.tooLongCount': ['count', 'max'],
  'validation.amountFormat': ['example'],
  'common.days.one': ['count'],
  'common.days.other': ['count'],
  'agency.signedInAs': ['username', 'organization', 'role'],
  'receipt.verifyAt': ['address'],
  'apply.intro': ['body', 'organization'],
  'apply.identity': ['body'],
  'apply.message': ['body'],
  'agency.stats.heading': ['organization'],
  'agency.intake.spell.letter': ['letter'],
  'agency.intake.spell.digit': ['digit'],
  'agency.intake.spell.phonetic': ['letter', 'word'],
  'agency.intake.trackAt': ['address', 'page'],
  'track.messageFrom': ['from', 'at'],
  'report.attachment.typeRefused': ['name'],
  'agency.case.contactHidden': ['organization'],
  'agency.action.keepStatus': ['status'],
  'agency.unreadReplies': ['count'],
  'agency.find.hint': ['length'],
  'agency.find.invalid': ['length'],
  'agency.transfer.matches': ['count'],
  'agency.transfer.matchesMore': ['count', 'shown'],
  'agency.transfer.notOffered': ['organization'],
  'agency.transfer.notOfferedHead': ['organization'],
  'agency.transfer.confirmText': ['organization'],
  'agency.close.confirmText': ['resolution'],
  'agency.audit.viewedTimes': ['count'],
  'agency.session.warning': ['time'],
  'agency.session.endsAt': ['time'],
  'agency.session.extended': ['time'],
  'stats.privacy.one': ['count'],
  'stats.privacy.other': ['count'],
  'stats.asOf': ['date'],
  'stats.showing.one': ['shown', 'count'],
  'stats.showing.other': ['shown', 'count'],
  'stats.suppressed.one': ['count'],
  'stats.suppressed.other': ['count'],
};

/** The placeholders of a key; a plural form the template does not give ('few') has those of the 'other' form. */
export function placeholdersOfKey(key: string): readonly string[] {
  const form = key.slice(key.lastIndexOf('.') + 1);
  const other = (PLURAL_FORMS as readonly string[]).includes(form) ? `${key.slice(0, key.lastIndexOf('.'))}.other` : key;
  return UI_STRING_PLACEHOLDERS[key] ?? UI_STRING_PLACEHOLDERS[other] ?? [];
}
