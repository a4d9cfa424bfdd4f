// The pack checker as a trainer meets it: one broken thing per row, and exactly the problem it should name
// (file, JSON path, message) — nothing vaguer, nothing more.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackProblem } from '#core/countryPackCheck.js';
import { checkCountryPackDirectory } from '#local/cli/countryCheckReport.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clean-portal-pack-table-'));
  cpSync(resolve('countries', 'kr'), join(dir, 'kr'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function editJson(file: string, edit: (data: any) => void): void {
  const path = join(dir, 'kr', file);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  edit(data);
  writeFileSync(path, JSON.stringify(data, null, 2));
}
const ruleAt = (data: any, id: string): number => data.rules.findIndex((r: { id: string }) => r.id === id);

const ROWS: { broken: string; edit: () => void; expected: PackProblem[] }[] = [
  {
    broken: 'a missing translation',
    edit: () => editJson('i18n/ko.json', (s) => delete s['wizard.next']),
    expected: [{ file: 'i18n/ko.json', path: '$["wizard.next"]', message: 'missing translation' }],
  },
  {
    broken: 'a date pattern without the day',
    edit: () => editJson('country.json', (c) => (c.dateFormats = { ko: 'YYYY.MM' })),
    expected: [
      {
        file: 'country.json',
        path: '$.dateFormats.ko',
        message:
          'a date pattern such as "DD.MM.YYYY" or "YYYY.MM.DD": YYYY, MM (or M) and DD (or D) once each, with . / - or spaces between them',
      },
    ],
  },
  {
    broken: 'a clock that is neither 24h nor 12h',
    edit: () => editJson('country.json', (c) => (c.clock = '24')),
    expected: [{ file: 'country.json', path: '$.clock', message: 'Invalid option: expected one of "24h"|"12h"' }],
  },
  {
    broken: 'a malformed locale',
    edit: () => editJson('country.json', (c) => (c.locales = { en: 'en-' })),
    expected: [{ file: 'country.json', path: '$.locales.en', message: 'a locale such as "sr-Latn" or "uz-Latn"' }],
  },
  {
    broken: 'a dangling organization id in a rule',
    edit: () => editJson('routing.json', (r) => (r.rules[ruleAt(r, 'head-of-acrc-to-board-of-audit')].routeTo = 'kr-audit-board')),
    expected: [{ file: 'routing.json', path: '$.rules[0].routeTo', message: 'no organization "kr-audit-board"' }],
  },
  {
    broken: 'a dangling parent organization',
    edit: () => editJson('organizations.json', (o) => (o[1].parentId = 'kr-nowhere')),
    expected: [{ file: 'organizations.json', path: '$[1].parentId', message: 'no organization "kr-nowhere"' }],
  },
  {
    broken: 'an unreachable rule',
    edit: () =>
      editJson('routing.json', (r) =>
        r.rules.splice(ruleAt(r, 'corruption-to-acrc') + 1, 0, {
          id: 'ministry-corruption-to-ministry',
          match: { category: 'corruption', organizationType: 'ministry' },
          routeTo: '@reported',
        }),
      ),
    expected: [
      {
        file: 'routing.json',
        path: '$.rules[3]',
        message: 'unreachable: rule "corruption-to-acrc" (2) comes first and matches every report this rule matches',
      },
    ],
  },
  {
    broken: 'an ambiguous rule (same conditions, another target)',
    edit: () =>
      editJson('routing.json', (r) =>
        r.rules.splice(ruleAt(r, 'budget-waste-to-reported-organization') + 1, 0, {
          id: 'budget-waste-to-bai',
          match: { category: 'budget-waste' },
          routeTo: 'kr-bai',
        }),
      ),
    expected: [
      {
        file: 'routing.json',
        path: '$.rules[9]',
        message:
          'ambiguous: same conditions as rule "budget-waste-to-reported-organization" (8) but routes to kr-bai instead of @reported; only the first ever applies',
      },
    ],
  },
  {
    broken: 'an ambiguous rule id',
    edit: () => editJson('routing.json', (r) => (r.rules[ruleAt(r, 'budget-waste-to-reported-organization')].id = 'corruption-to-acrc')),
    expected: [{ file: 'routing.json', path: '$.rules[8].id', message: 'ambiguous: rule id "corruption-to-acrc" is also used by rule 2' }],
  },
  {
    broken: 'a deadline of zero days',
    edit: () => editJson('country.json', (c) => (c.deadlines.acknowledgeDays = 0)),
    expected: [{ file: 'country.json', path: '$.deadlines.acknowledgeDays', message: 'Too small: expected number to be >=1' }],
  },
  {
    broken: 'deadlines in the wrong order',
    edit: () => editJson('country.json', (c) => (c.deadlines = { acknowledgeDays: 90, respondDays: 60 })),
    expected: [
      {
        file: 'country.json',
        path: '$.deadlines.acknowledgeDays',
        message: 'acknowledging (90 days) cannot take longer than handling the whole report (60 days)',
      },
    ],
  },
  {
    broken: 'a TODO marker left from the scaffold',
    edit: () => editJson('categories.json', (c) => (c[0].description.en = 'TODO: describe what this category covers')),
    expected: [{ file: 'categories.json', path: '$[0].description.en', message: 'unfinished: "TODO: describe what this category covers"' }],
  },
  {
    broken: 'a translation that drops a placeholder',
    edit: () => editJson('i18n/en.json', (s) => (s['wizard.step'] = 'Step {step}')),
    expected: [{ file: 'i18n/en.json', path: '$["wizard.step"]', message: 'placeholders differ: {total} is missing' }],
  },
  {
    broken: 'a misspelled UI string key',
    edit: () => editJson('i18n/en.json', (s) => (s['wizard.nxet'] = 'Next')),
    expected: [{ file: 'i18n/en.json', path: '$["wizard.nxet"]', message: 'not a UI string key the app uses (a typo?)' }],
  },
  {
    broken: 'a page missing in one language',
    edit: () => rmSync(join(dir, 'kr', 'pages', 'en', 'rewards.md')),
    expected: [{ file: 'pages/en/rewards.md', path: '$', message: 'page is missing' }],
  },
];

describe('country:check on a broken copy of the kr pack', () => {
  it('finds nothing wrong with the intact copy', () => {
    expect(checkCountryPackDirectory(dir, 'kr').problems).toEqual([]);
  });

  it.each(ROWS)('names $broken', ({ edit, expected }) => {
    edit();
    expect(checkCountryPackDirectory(dir, 'kr').problems).toEqual(expected);
  });
});
