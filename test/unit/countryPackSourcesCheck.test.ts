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
});
