// country:check over a pack's files as read: one mistake hides no other, and each is named in the file that has it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCountryPackDirectory } from '#local/cli/countryCheckReport.js';

let dir: string;
const file = (...parts: string[]) => join(dir, 'mn', ...parts);
const editJson = (name: string, edit: (data: any) => void) => {
  const data = JSON.parse(readFileSync(file(name), 'utf8'));
  edit(data);
  writeFileSync(file(name), JSON.stringify(data, null, 2));
};
const check = () => checkCountryPackDirectory(dir, 'mn');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clean-portal-sources-'));
  cpSync(resolve('countries', 'mn'), file(), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('checkCountryPackDirectory', () => {
  it('passes the shipped pack', () => {
    expect(check().problems).toEqual([]);
  });

  it('refuses a pack that does not say how long cases are kept, naming the file and the path', () => {
    editJson('country.json', (c) => delete c.retention);
    const { pack, problems } = check();
    expect(pack).toBeNull();
    expect(problems).toEqual([
      { file: 'country.json', path: '$.retention', message: 'Invalid input: expected object, received undefined' },
    ]);
  });

  it('names a retention source missing in a language and a period for an unknown category', () => {
    editJson('country.json', (c) => {
      delete c.retention.source.mn;
      c.retention.byCategory = { 'no-such-category': 5 };
    });
    expect(check().problems).toEqual([
      { file: 'country.json', path: '$.retention.source.mn', message: 'missing translation' },
      { file: 'country.json', path: '$.retention.byCategory.no-such-category', message: 'no category "no-such-category"' },
    ]);
  });

  it('fills the policies page with the pack\u2019s retention period, not a fixed sentence', () => {
    editJson('country.json', (c) => (c.retention.years = 7));
    const { pack } = check();
    expect(pack!.pages.en!.policies.markdown).toContain('kept for 7 years after the case is closed');
    expect(pack!.pages.mn!.policies.markdown).toContain('7 жил');
    expect(JSON.stringify(pack!.pages)).not.toContain('{retentionYears}');
  });

  it('names a bad currency and still checks the texts and the routing', () => {
    editJson('country.json', (c) => (c.currency = 'TODO'));
    editJson('i18n/mn.json', (s) => delete s['nav.home']);
    editJson('routing.json', (r) => (r.rules[0].routeTo = 'mn-nobody'));
    const { pack, problems } = check();
    expect(pack).toBeNull();
    expect(problems).toEqual([
      { file: 'country.json', path: '$.currency', message: 'an ISO 4217 code such as "KRW"' },
      { file: 'routing.json', path: '$.rules[0].routeTo', message: 'no organization "mn-nobody"' },
      { file: 'i18n/mn.json', path: '$["nav.home"]', message: 'missing translation' },
    ]);
  });

  it('names every schema issue of a file, not the first alone', () => {
    editJson('organizations.json', (orgs) => {
      orgs[1].id = 'Not An Id';
      orgs[2].type = 'Ministry';
    });
    const messages = check().problems.map((p) => `${p.file} ${p.path}`);
    expect(messages).toEqual(['organizations.json $[1].id', 'organizations.json $[2].type']);
  });

  it('checks the texts of a pack whose organizations.json is not JSON, and names its line and column', () => {
    const text = readFileSync(file('organizations.json'), 'utf8').replace('},', '}');
    writeFileSync(file('organizations.json'), text);
    editJson('i18n/en.json', (s) => delete s['nav.track']);
    const { problems } = check();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ file: 'organizations.json', message: expect.stringMatching(/^not valid JSON: Expected ','/) });
    expect(problems[0]!.at?.line).toBeGreaterThan(1);
    expect(problems[1]).toEqual({ file: 'i18n/en.json', path: '$["nav.track"]', message: 'missing translation' });
  });

  it("names a placeholder dropped in the default language's file, not the other language's", () => {
    // mn is this pack's default language; English keeps the placeholders.
    editJson('i18n/mn.json', (s) => (s['wizard.step'] = s['wizard.step'].replace('{total}', '5')));
    expect(check().problems).toEqual([
      { file: 'i18n/mn.json', path: '$["wizard.step"]', message: 'placeholders differ: {total} is missing' },
    ]);
  });

  it('reads a file saved with a byte order mark, as Notepad saves it', () => {
    writeFileSync(file('categories.json'), `\uFEFF${readFileSync(file('categories.json'), 'utf8')}`);
    expect(check().problems).toEqual([]);
  });

  it('names a missing strings file once, not each of its texts', () => {
    rmSync(file('i18n', 'en.json'));
    expect(check().problems).toEqual([{ file: 'i18n/en.json', path: '$', message: 'file is missing' }]);
  });

  it('names a country.json that is no object at all, and still checks the lists and the texts', () => {
    for (const root of ['["mn"]', 'null']) {
      writeFileSync(file('country.json'), root);
      editJson('categories.json', (c) => (c[0].id = 'Not An Id'));
      const { pack, problems } = check();
      expect(pack).toBeNull();
      expect(problems.map((p) => `${p.file} ${p.path}`)).toEqual(['country.json $', 'categories.json $[0].id']);
      expect(problems[0]!.message).toMatch(/^Invalid input: expected object, received (array|null)$/);
    }
  });

  it('names an unknown field of country.json, and nothing else', () => {
    editJson('country.json', (c) => (c.capital = 'Ulaanbaatar'));
    expect(check().problems).toEqual([{ file: 'country.json', path: '$', message: 'Unrecognized key: "capital"' }]);
  });

  it('names a missing country.json once, and the lists it would have checked stay unchecked', () => {
    rmSync(file('country.json'));
    expect(check().problems).toEqual([{ file: 'country.json', path: '$', message: 'file is missing' }]);
  });

  it('stands in for a failed default language and oversight organization, naming only them', () => {
    editJson('country.json', (c) => {
      c.defaultLanguage = 'Mongolian';
      c.oversightOrganizationId = 'Not An Id';
    });
    const problems = check().problems;
    expect(problems.map((p) => `${p.file} ${p.path}`)).toEqual([
      'country.json $.defaultLanguage',
      'country.json $.oversightOrganizationId',
    ]);
  });

  it('names a country.json whose languages are wrong, and checks no text against them', () => {
    editJson('country.json', (c) => (c.languages = 'mn'));
    const problems = check().problems;
    expect(problems[0]).toEqual({ file: 'country.json', path: '$.languages', message: 'Invalid input: expected array, received string' });
    expect(problems.filter((p) => p.file !== 'country.json')).toEqual([]);
  });

  it('names a strings file that is no object, then checks its texts as if it had none', () => {
    writeFileSync(file('i18n', 'en.json'), '"Home"');
    const [first, ...rest] = check().problems;
    expect(first).toEqual({ file: 'i18n/en.json', path: '$', message: 'Invalid input: expected record, received string' });
    expect(rest).toContainEqual({ file: 'i18n/en.json', path: '$["nav.home"]', message: 'missing translation' });
    expect(rest.every((p) => p.file === 'i18n/en.json' && /^missing (translation|plural form)/.test(p.message))).toBe(true);
  });
});
