// A new pack from countries/_template: the code filled in, every language given the template's English text —
// marked "TODO translate:" outside English, each text that depends on a number in the language's own plural forms —
// so `country:check` lists exactly what the trainer still has to write.
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringKeysFor } from '#schemas/uiStrings.js';

export const TEMPLATE_DIR = 'countries/_template';
const TRANSLATE = 'TODO translate: ';

type Json = unknown;

/** `{ "en": "text" }` becomes one entry per language; any other object or list is walked. */
function localize(value: Json, languages: string[]): Json {
  if (Array.isArray(value)) return value.map((v) => localize(v, languages));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === 'en' && typeof entries[0]![1] === 'string') {
      const english = entries[0]![1];
      return Object.fromEntries(languages.map((l) => [l, l === 'en' ? english : `${TRANSLATE}${english}`]));
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, localize(v, languages)]));
  }
  return value;
}

/**
 * Each language as it names itself, where Node's ICU knows it ("ქართული" for ka): a start the trainer checks, for
 * the language switcher shows it to every reader. Where ICU knows no name, a TODO.
 */
function ownNames(languages: string[]): Record<string, string> {
  return Object.fromEntries(
    languages.map((language) => {
      const known = Intl.DisplayNames.supportedLocalesOf([language]).length > 0;
      const own = known ? new Intl.DisplayNames([language], { type: 'language', fallback: 'none' }).of(language) : undefined;
      return [language, own ?? `TODO: the name of the language "${language}", as its readers write it`];
    }),
  );
}

export function scaffoldCountryPack(packsDir: string, code: string, languages: string[], templateDir = TEMPLATE_DIR): string {
  if (!/^[a-z]{2}$/.test(code)) throw new Error(`"${code}" is not a two-letter country code`);
  if (languages.length === 0 || !languages.every((l) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(l)))
    throw new Error(`languages must be codes such as "en" or "sr-Latn", not "${languages.join(',')}"`);
  const target = join(packsDir, code);
  if (existsSync(target)) throw new Error(`${target} already exists`);
  cpSync(templateDir, target, { recursive: true });

  for (const file of ['country.json', 'organizations.json', 'categories.json', 'routing.json']) {
    const path = join(target, file);
    const data = localize(JSON.parse(readFileSync(path, 'utf8').replaceAll('{{code}}', code)), languages);
    if (file === 'country.json')
      Object.assign(data as object, { languages, defaultLanguage: languages[0], languageNames: ownNames(languages) });
    writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  }

  const english = JSON.parse(readFileSync(join(templateDir, 'i18n', 'en.json'), 'utf8')) as Record<string, string>;
  const pageIds = readdirSync(join(templateDir, 'pages', 'en'));
  for (const language of languages) {
    if (language === 'en') continue;
    const strings = Object.fromEntries(
      stringKeysFor(language).map((key) => [key, `${TRANSLATE}${english[key] ?? english[key.replace(/\.\w+$/, '.other')]}`]),
    );
    writeFileSync(join(target, 'i18n', `${language}.json`), `${JSON.stringify(strings, null, 2)}\n`);
    cpSync(join(templateDir, 'pages', 'en'), join(target, 'pages', language), { recursive: true });
    for (const page of pageIds) {
      const path = join(target, 'pages', language, page);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^(# .*)$/m, `$1\n\n${TRANSLATE}this page from English.`));
    }
  }
  if (!languages.includes('en')) {
    // The English files were only the source of the text to translate.
    rmSync(join(target, 'i18n', 'en.json'));
    rmSync(join(target, 'pages', 'en'), { recursive: true });
  }
  return target;
}
