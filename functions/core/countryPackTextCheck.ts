// What a trainer may leave half-done in a pack's text: TODO markers from the scaffold, a translation that drops
// or invents a {placeholder}, a UI string key the app does not know (a typo), a locale of another language, and
// deadlines out of order.
import type { CountryPack } from '#schemas/countryPack.js';
import { isPluralStringKey, PLURAL_FORMS, PLURAL_STRING_KEYS, UI_STRING_KEYS } from '#schemas/uiStrings.js';
import { placeholdersOfKey } from '#schemas/uiStringPlaceholders.js';
import type { PackProblem } from './countryPackCheck.js';

/** The scaffold's marker for what a trainer still has to write; a pack carrying one is not finished. */
export const TODO_MARKER = /\bTODO\b/;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Whether `locale` is a well-formed locale of `language` ("sr-Latn" of "sr"). */
export function isLocaleOf(locale: string, language: string): boolean {
  try {
    return new Intl.Locale(locale).language === new Intl.Locale(language).language;
  } catch {
    return false;
  }
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));

/** What a text drops or invents of the {placeholders} the portal fills in for its key, or null when it keeps them all. */
export function placeholderProblem(key: string, text: string): string | null {
  const expected = new Set(placeholdersOfKey(key));
  const found = placeholders(text);
  const parts = [
    ...[...expected].filter((p) => !found.has(p)).map((p) => `{${p}} is missing`),
    ...[...found].filter((p) => !expected.has(p)).map((p) => `{${p}} is not one the portal fills in here`),
  ];
  return parts.length ? `placeholders differ: ${parts.join(', ')}` : null;
}

function* stringsIn(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringsIn(item, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      yield* stringsIn(item, /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}["${key}"]`);
  }
}

/** Every text in `data` still carrying the scaffold's TODO marker. */
export function unfinishedTexts(file: string, data: unknown): PackProblem[] {
  const found: PackProblem[] = [];
  for (const [path, text] of stringsIn(data, '$'))
    if (TODO_MARKER.test(text)) found.push({ file, path, message: `unfinished: "${text.slice(0, 80)}"` });
  return found;
}

export function checkCountryPackText(pack: CountryPack): PackProblem[] {
  const problems: PackProblem[] = [];
  const add = (file: string, path: string, message: string) => problems.push({ file, path, message });
  const todo = (file: string, data: unknown) => problems.push(...unfinishedTexts(file, data));

  todo('country.json', pack.country);
  todo('organizations.json', pack.organizations);
  todo('categories.json', pack.categories);
  todo('routing.json', { rules: pack.routing });
  for (const [language, strings] of Object.entries(pack.strings)) todo(`i18n/${language}.json`, strings);
  for (const [language, pages] of Object.entries(pack.pages)) {
    for (const [id, page] of Object.entries(pages)) {
      page.markdown.split('\n').forEach((line, i) => {
        if (TODO_MARKER.test(line)) add(`pages/${language}/${id}.md`, `line ${i + 1}`, `unfinished: "${line.trim().slice(0, 80)}"`);
      });
    }
  }

  const known = new Set<string>([...UI_STRING_KEYS, ...PLURAL_STRING_KEYS.flatMap((key) => PLURAL_FORMS.map((form) => `${key}.${form}`))]);
  for (const language of pack.country.languages) {
    const strings = pack.strings[language] ?? {};
    for (const key of Object.keys(strings)) {
      if (isPluralStringKey(key))
        add(`i18n/${language}.json`, `$["${key}"]`, `depends on a number: give one text per plural form, as "${key}.one", "${key}.other"`);
      else if (!known.has(key)) add(`i18n/${language}.json`, `$["${key}"]`, 'not a UI string key the app uses (a typo?)');
    }
    // Each language against what the portal fills in, the default language too: the file that has the mistake is named.
    for (const key of UI_STRING_KEYS) {
      const problem = strings[key] ? placeholderProblem(key, strings[key]) : null;
      if (problem) add(`i18n/${language}.json`, `$["${key}"]`, problem);
    }
  }

  for (const [language, locale] of Object.entries(pack.country.locales ?? {})) {
    if (!isLocaleOf(locale, language))
      add('country.json', `$.locales.${language}`, `"${locale}" is not a locale of "${language}", such as "${language}-Latn"`);
  }

  if (pack.country.currency === 'XXX')
    add('country.json', '$.currency', 'unfinished: XXX is the ISO 4217 code for "no currency"; give the country\'s own');
  if (!isTimeZone(pack.country.timezone))
    add('country.json', '$.timezone', `"${pack.country.timezone}" is not an IANA time zone such as "Asia/Seoul"`);

  const { acknowledgeDays, respondDays } = pack.country.deadlines;
  if (acknowledgeDays > respondDays) {
    add(
      'country.json',
      '$.deadlines.acknowledgeDays',
      `acknowledging (${acknowledgeDays} days) cannot take longer than handling the whole report (${respondDays} days)`,
    );
  }
  return problems;
}
