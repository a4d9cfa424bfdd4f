// A language's texts out to a translator's file and back: every key the language needs, with the default
// language's text as the source and the current translation (empty where there is none yet, or only a TODO), and
// the file's translations merged back in the default language's key order. A file naming a key the portal does
// not use, giving one key twice, or breaking a {placeholder} is refused whole, each mistake by line.
import type { CountryPack } from '#schemas/countryPack.js';
import { PLURAL_FORMS, PLURAL_STRING_KEYS, stringKeysFor } from '#schemas/uiStrings.js';
import { TODO_MARKER, isLocaleOf, placeholderProblem } from '../countryPackTextCheck.js';
import { readCsv, writeCsv } from './csv.js';
import { TranslationFileError } from './fileError.js';
import { type XliffVersion, readXliff, writeXliff } from './xliff.js';

export type TextFileFormat = 'csv' | 'xliff' | 'xliff2';

export interface TextRow {
  key: string;
  source: string;
  translation: string;
}

export interface TranslatedRow {
  line: number;
  key: string;
  translation: string;
}

/** The locale whose plural forms a language's texts come in (as the checker counts them). */
function localeOf(pack: CountryPack, language: string): string {
  const locale = pack.country.locales?.[language];
  return locale && isLocaleOf(locale, language) ? locale : language;
}

const pluralBase = (key: string): string | undefined => {
  const base = key.slice(0, key.lastIndexOf('.'));
  const form = key.slice(key.lastIndexOf('.') + 1);
  return (PLURAL_FORMS as readonly string[]).includes(form) && (PLURAL_STRING_KEYS as readonly string[]).includes(base) ? base : undefined;
};

/** Every text `language` needs, in the default language's order, its source and its translation so far. */
export function textsToTranslate(pack: CountryPack, language: string): TextRow[] {
  const source = pack.strings[pack.country.defaultLanguage] ?? {};
  const own = pack.strings[language] ?? {};
  return orderedKeys(Object.keys(source), stringKeysFor(localeOf(pack, language))).map((key) => {
    const base = pluralBase(key);
    const translation = own[key] ?? '';
    return {
      key,
      source: source[key] ?? (base ? (source[`${base}.other`] ?? '') : ''),
      translation: TODO_MARKER.test(translation) ? '' : translation,
    };
  });
}

/** `keys` in the order of `reference`: a plural text's forms where the reference has its first form; the rest after. */
function orderedKeys(reference: string[], keys: string[]): string[] {
  const wanted = new Set(keys);
  const ordered: string[] = [];
  const add = (key: string) => {
    if (wanted.delete(key)) ordered.push(key);
  };
  for (const key of reference) {
    const base = pluralBase(key);
    if (base) for (const form of keys.filter((k) => pluralBase(k) === base)) add(form);
    else add(key);
  }
  for (const key of keys) add(key);
  return ordered;
}

export function writeTextFile(rows: TextRow[], from: string, to: string, format: TextFileFormat): string {
  if (format === 'csv')
    return writeCsv([['key', `source (${from})`, `translation (${to})`], ...rows.map((r) => [r.key, r.source, r.translation])]);
  const version: XliffVersion = format === 'xliff' ? '1.2' : '2.0';
  return writeXliff(
    { sourceLanguage: from, targetLanguage: to, units: rows.map((r) => ({ key: r.key, source: r.source, target: r.translation })) },
    version,
  );
}

/** The translations a file holds, or the reasons it cannot be read, each with its line. */
export function readTextFile(text: string, language: string): { rows: TranslatedRow[] } | { problems: string[] } {
  try {
    if (/^\uFEFF?\s*</.test(text)) {
      const xliff = readXliff(text);
      if (xliff.targetLanguage && xliff.targetLanguage !== language)
        return { problems: [`line 1: the file's translations are in "${xliff.targetLanguage}", not "${language}"`] };
      return { rows: xliff.units.map((u) => ({ line: u.line, key: u.key, translation: u.target })) };
    }
    const [header, ...records] = readCsv(text);
    const expected = `translation (${language})`;
    if (header?.fields[0] !== 'key' || header.fields.length < 3)
      return { problems: ['line 1: the first line must be the header: key, source (…), translation (…)'] };
    if (header.fields[2] !== expected) return { problems: [`line 1: the third column is "${header.fields[2]}", not "${expected}"`] };
    return { rows: records.map((r) => ({ line: r.line, key: r.fields[0] ?? '', translation: r.fields[2] ?? '' })) };
  } catch (error) {
    if (error instanceof TranslationFileError) return { problems: [error.message] };
    throw error;
  }
}

/**
 * The language's texts with the file's translations in, in the default language's key order; an empty
 * translation leaves the text as it was. Or every mistake, by line, and nothing merged.
 */
export function mergeTranslations(
  pack: CountryPack,
  language: string,
  rows: TranslatedRow[],
): { strings: Record<string, string> } | { problems: string[] } {
  const known = new Set(stringKeysFor(localeOf(pack, language)));
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const merged: Record<string, string> = { ...(pack.strings[language] ?? {}) };
  for (const { line, key, translation } of rows) {
    if (seen.has(key)) problems.push(`line ${line}: "${key}" is given twice (first on line ${seen.get(key)})`);
    seen.set(key, line);
    if (!known.has(key)) {
      problems.push(`line ${line}: "${key}" is not a text of this portal in ${language}`);
      continue;
    }
    if (!translation.trim()) continue;
    const problem = placeholderProblem(key, translation);
    if (problem) problems.push(`line ${line}: "${key}": ${problem}`);
    merged[key] = translation;
  }
  if (problems.length > 0) return { problems };
  const order = orderedKeys(Object.keys(pack.strings[pack.country.defaultLanguage] ?? {}), [...known]);
  // Keys the file had that the portal does not know are kept, last: country:check names them.
  const keys = [...order.filter((key) => key in merged), ...Object.keys(merged).filter((key) => !known.has(key))];
  return { strings: Object.fromEntries(keys.map((key) => [key, merged[key]!])) };
}
