// `npm run country:new`: the scaffold is a whole pack except for what only a trainer knows, and the checker
// names each of those places until they are written.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringKeysFor, UI_STRING_KEYS } from '#schemas/uiStrings.js';
import { checkCountryPackDirectory } from '#local/cli/countryCheckReport.js';
import { scaffoldCountryPack, TEMPLATE_DIR } from '#local/cli/countryNewScaffold.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clean-portal-scaffold-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const files = (root: string): string[] =>
  readdirSync(root).flatMap((name) =>
    statSync(join(root, name)).isDirectory() ? files(join(root, name)).map((f) => join(name, f)) : [name],
  );

/** What a trainer does: writes real text wherever the scaffold says TODO. */
function finish(pack: string): void {
  // Placeholders stay: the checker compares them with the default language's text.
  const fill = (text: string) =>
    /\bTODO\b/.test(text) ? `Written by the trainer. ${(text.match(/\{\w+\}/g) ?? []).join(' ')}`.trim() : text;
  for (const file of files(pack)) {
    const path = join(pack, file);
    if (file.endsWith('.md')) {
      writeFileSync(
        path,
        readFileSync(path, 'utf8')
          .split('\n')
          .map((line) => (/\bTODO\b/.test(line) ? 'Written by the trainer.' : line))
          .join('\n'),
      );
      continue;
    }
    const data = JSON.parse(readFileSync(path, 'utf8'), (_key, value) => (typeof value === 'string' ? fill(value) : value));
    if (file === 'country.json') Object.assign(data, { currency: 'EUR', timezone: 'Europe/Belgrade' });
    writeFileSync(path, JSON.stringify(data));
  }
}

describe('country:new', () => {
  it('has every UI string in the template, and nothing else', () => {
    const english = JSON.parse(readFileSync(join(TEMPLATE_DIR, 'i18n', 'en.json'), 'utf8'));
    expect(Object.keys(english).sort()).toEqual(stringKeysFor('en').sort());
  });

  it('scaffolds a pack whose every problem is something left for the trainer', () => {
    scaffoldCountryPack(dir, 'zz', ['sq', 'en']);
    const { problems } = checkCountryPackDirectory(dir, 'zz');
    expect(problems.length).toBeGreaterThan(UI_STRING_KEYS.length);
    for (const p of problems) expect(`${p.file} ${p.path}: ${p.message}`).toMatch(/unfinished|not an IANA time zone/);
    // Every Albanian UI string waits for its translation.
    expect(problems.filter((p) => p.file === 'i18n/sq.json')).toHaveLength(stringKeysFor('sq').length);
    expect(problems).toContainEqual({
      file: 'country.json',
      path: '$.name.sq',
      message: `unfinished: "TODO translate: TODO: the country's name"`,
    });
  });

  it('passes the checker once every TODO is written', () => {
    scaffoldCountryPack(dir, 'zz', ['sq', 'sr', 'en']);
    finish(join(dir, 'zz'));
    const { pack, problems } = checkCountryPackDirectory(dir, 'zz');
    expect(problems).toEqual([]);
    expect(pack!.country.languages).toEqual(['sq', 'sr', 'en']);
    expect(pack!.organizations.map((o) => o.id)).toContain('zz-oversight');
  });

  it('names each language in itself where ICU knows the name, and leaves a TODO where it does not', () => {
    scaffoldCountryPack(dir, 'zz', ['sq', 'tlh', 'en']);
    const country = JSON.parse(readFileSync(join(dir, 'zz', 'country.json'), 'utf8'));
    expect(country.languageNames).toEqual({
      sq: 'shqip',
      tlh: 'TODO: the name of the language "tlh", as its readers write it',
      en: 'English',
    });
    expect(checkCountryPackDirectory(dir, 'zz').problems).toContainEqual({
      file: 'country.json',
      path: '$.languageNames.tlh',
      message: 'unfinished: "TODO: the name of the language "tlh", as its readers write it"',
    });
  });

  it('gives each text that depends on a number in the plural forms of each language', () => {
    scaffoldCountryPack(dir, 'zz', ['sr', 'ko', 'en']);
    const strings = (language: string) => JSON.parse(readFileSync(join(dir, 'zz', 'i18n', `${language}.json`), 'utf8'));
    const days = (language: string) => Object.keys(strings(language)).filter((key) => key.startsWith('common.days'));
    expect(days('sr').sort()).toEqual(['common.days.few', 'common.days.one', 'common.days.other']);
    expect(days('ko')).toEqual(['common.days.other']);
    expect(days('en').sort()).toEqual(['common.days.one', 'common.days.other']);
    expect(strings('sr')['common.days.few']).toBe('TODO translate: {count} days');
  });

  it('leaves English out when the pack has none', () => {
    scaffoldCountryPack(dir, 'zz', ['mn']);
    expect(readdirSync(join(dir, 'zz', 'i18n'))).toEqual(['mn.json']);
    expect(readdirSync(join(dir, 'zz', 'pages'))).toEqual(['mn']);
    finish(join(dir, 'zz'));
    expect(checkCountryPackDirectory(dir, 'zz').problems).toEqual([]);
  });

  it('refuses a bad code, bad languages and an existing pack', () => {
    expect(() => scaffoldCountryPack(dir, 'zzz', ['en'])).toThrow(/two-letter/);
    expect(() => scaffoldCountryPack(dir, 'zz', ['English'])).toThrow(/languages/);
    scaffoldCountryPack(dir, 'zz', ['en']);
    expect(() => scaffoldCountryPack(dir, 'zz', ['en'])).toThrow(/already exists/);
  });
});
