// What the pages say, read from the country pack the portal serves: the tests find buttons and fields by the
// same words a reader sees, in whichever language the test runs.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isPluralStringKey, type PluralStringKey, type UiStringKey } from '#schemas/uiStrings.js';

const pack = (country: string) => resolve('countries', country);

export type Words = (key: UiStringKey | PluralStringKey, vars?: Record<string, string | number>) => string;

/** A plural text takes its form for `count` under the pack's locale for the language, as the page does. */
export function wordsIn(language: string, country = 'kr'): Words {
  const strings = JSON.parse(readFileSync(join(pack(country), 'i18n', `${language}.json`), 'utf8')) as Record<string, string>;
  const { locales } = JSON.parse(readFileSync(join(pack(country), 'country.json'), 'utf8')) as { locales?: Record<string, string> };
  const plurals = new Intl.PluralRules(locales?.[language] ?? language);
  return (key, vars) => {
    const text = isPluralStringKey(key) ? strings[`${key}.${plurals.select(Number(vars?.count))}`] : strings[key];
    if (text === undefined) throw new Error(`no string ${key} in ${language}`);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
  };
}

interface Named {
  id: string;
  name: Record<string, string>;
}

export function categoryName(id: string, language: string, country = 'kr'): string {
  const categories = JSON.parse(readFileSync(join(pack(country), 'categories.json'), 'utf8')) as Named[];
  return categories.find((c) => c.id === id)!.name[language]!;
}

export function organizationName(id: string, language: string, country = 'kr'): string {
  const organizations = JSON.parse(readFileSync(join(pack(country), 'organizations.json'), 'utf8')) as Named[];
  return organizations.find((o) => o.id === id)!.name[language]!;
}
