// Texts that depend on a number: each in exactly the plural forms its language counts in (Serbian one, few and
// other; Korean other alone; as Intl.PluralRules names them for the language's locale), each form keeping the
// {placeholders} the portal fills in (uiStringPlaceholders.ts).
import type { CountryPack } from '#schemas/countryPack.js';
import { PLURAL_FORMS, PLURAL_STRING_KEYS, pluralFormsOf } from '#schemas/uiStrings.js';
import type { PackProblem } from './countryPackCheck.js';
import { isLocaleOf, placeholderProblem } from './countryPackTextCheck.js';

export function checkCountryPackPlurals(pack: CountryPack): PackProblem[] {
  const problems: PackProblem[] = [];
  const { languages, locales } = pack.country;
  for (const language of languages) {
    const file = `i18n/${language}.json`;
    const strings = pack.strings[language] ?? {};
    const locale = locales?.[language];
    // A locale of another language is named by the text check; the language's own forms are checked meanwhile.
    const forms = pluralFormsOf(locale && isLocaleOf(locale, language) ? locale : language);
    const counts = `"${language}" counts in the forms ${forms.join(', ')}`;
    for (const key of PLURAL_STRING_KEYS) {
      for (const form of PLURAL_FORMS) {
        const path = `$["${key}.${form}"]`;
        const text = strings[`${key}.${form}`];
        // A missing `other` is a missing translation, named by the structure check.
        if (forms.includes(form) && form !== 'other' && !text?.trim())
          problems.push({ file, path, message: `missing plural form: ${counts}` });
        else if (!forms.includes(form) && text !== undefined)
          problems.push({ file, path, message: `not a plural form of ${language}: ${counts}` });
        const problem = text ? placeholderProblem(`${key}.${form}`, text) : null;
        if (problem) problems.push({ file, path, message: problem });
      }
    }
  }
  return problems;
}
