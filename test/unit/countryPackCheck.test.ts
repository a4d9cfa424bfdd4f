import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PackFileError, loadCountryPack } from '#adapters/countryPackFiles.js';
import { type PackProblem, checkCountryPack, checkRoutingTotality, describeProblems } from '#core/countryPackCheck.js';
import { checkRoutingRules, covers } from '#core/routingRuleCheck.js';
import type { CountryPack, RoutingRule } from '#schemas/countryPack.js';
import { UI_STRING_KEYS } from '#schemas/uiStrings.js';
import { loadKrPack } from './support/fixtures.js';

const orgIndex = (pack: CountryPack, id: string) => {
  const i = pack.organizations.findIndex((o) => o.id === id);
  if (i < 0) throw new Error(`no ${id} in the pack`);
  return i;
};
const ruleIndex = (pack: CountryPack, id: string) => {
  const i = pack.routing.findIndex((r) => r.id === id);
  if (i < 0) throw new Error(`no rule ${id} in the pack`);
  return i;
};

describe('checkCountryPack on the real kr pack', () => {
  it('finds no problem', () => {
    expect(checkCountryPack(loadKrPack())).toEqual([]);
  });

  it('has every UI string in Korean and English', () => {
    const pack = loadKrPack();
    for (const lang of ['ko', 'en'])
      for (const key of UI_STRING_KEYS) expect(pack.strings[lang]?.[key]?.trim(), `${lang} ${key}`).toBeTruthy();
  });
});

describe('plural forms', () => {
  const loadXkPack = () => loadCountryPack(resolve('countries'), 'xk');

  it('names a form the language counts in but the pack lacks, and a form it does not count in', () => {
    const pack = loadXkPack();
    delete pack.strings.sr!['common.days.few'];
    pack.strings.sq!['common.days.few'] = '{count} ditë';
    expect(checkCountryPack(pack)).toEqual([
      { file: 'i18n/sq.json', path: '$["common.days.few"]', message: 'not a plural form of sq: "sq" counts in the forms one, other' },
      { file: 'i18n/sr.json', path: '$["common.days.few"]', message: 'missing plural form: "sr" counts in the forms few, one, other' },
    ]);
  });

  it("counts in the forms of the language's locale", () => {
    const pack = loadXkPack();
    pack.country.locales = { sr: 'sr-Latn', en: 'en-GB' };
    expect(checkCountryPack(pack)).toEqual([]);
  });

  it('names a missing other form as a missing translation, and a text still given as one', () => {
    const pack = loadKrPack();
    delete pack.strings.ko!['stats.suppressed.other'];
    pack.strings.ko!['stats.suppressed'] = '{count}건 미만';
    expect(checkCountryPack(pack)).toEqual([
      { file: 'i18n/ko.json', path: '$["stats.suppressed.other"]', message: 'missing translation' },
      {
        file: 'i18n/ko.json',
        path: '$["stats.suppressed"]',
        message: 'depends on a number: give one text per plural form, as "stats.suppressed.one", "stats.suppressed.other"',
      },
    ]);
  });

  it('names a form that drops or invents a placeholder the portal fills in', () => {
    const pack = loadXkPack();
    pack.strings.sr!['report.organizationResults.few'] = 'Nekoliko institucija odgovara';
    pack.strings.sq!['common.days.one'] = '{count} ditë {days}';
    expect(checkCountryPack(pack)).toEqual([
      { file: 'i18n/sq.json', path: '$["common.days.one"]', message: 'placeholders differ: {days} is not one the portal fills in here' },
      { file: 'i18n/sr.json', path: '$["report.organizationResults.few"]', message: 'placeholders differ: {count} is missing' },
    ]);
  });
});

describe('checkCountryPack on a broken copy of the kr pack', () => {
  it('names a missing organization name translation', () => {
    const pack = loadKrPack();
    const i = orgIndex(pack, 'kr-molit');
    delete pack.organizations[i]!.name.en;
    expect(checkCountryPack(pack)).toEqual([{ file: 'organizations.json', path: `$[${i}].name.en`, message: 'missing translation' }]);
  });

  it('names a missing category name or description translation', () => {
    const pack = loadKrPack();
    pack.categories[2]!.description.ko = '';
    delete pack.categories[4]!.name.en;
    expect(checkCountryPack(pack)).toEqual([
      { file: 'categories.json', path: '$[2].description.ko', message: 'missing translation' },
      { file: 'categories.json', path: '$[4].name.en', message: 'missing translation' },
    ]);
  });

  it('names a missing or blank UI string', () => {
    const pack = loadKrPack();
    delete pack.strings.en!['track.heading'];
    pack.strings.ko!['report.submit'] = '   ';
    expect(checkCountryPack(pack)).toEqual([
      { file: 'i18n/ko.json', path: '$["report.submit"]', message: 'missing translation' },
      { file: 'i18n/en.json', path: '$["track.heading"]', message: 'missing translation' },
    ]);
  });

  it('names a missing country name translation', () => {
    const pack = loadKrPack();
    delete pack.country.name.ko;
    expect(checkCountryPack(pack)).toEqual([{ file: 'country.json', path: '$.name.ko', message: 'missing translation' }]);
  });

  it('names a language the switcher cannot name, and names, locales or date patterns for languages the pack lacks', () => {
    const pack = loadKrPack();
    delete pack.country.languageNames.ko;
    pack.country.languageNames.fr = 'français';
    pack.country.locales = { ja: 'ja-JP' };
    pack.country.dateFormats = { mn: 'YYYY.MM.DD' };
    expect(checkCountryPack(pack)).toEqual([
      { file: 'country.json', path: '$.languageNames.ko', message: 'missing: how this language names itself, for the language switcher' },
      { file: 'country.json', path: '$.languageNames.fr', message: '"fr" is not one of languages' },
      { file: 'country.json', path: '$.locales.ja', message: '"ja" is not one of languages' },
      { file: 'country.json', path: '$.dateFormats.mn', message: '"mn" is not one of languages' },
    ]);
  });

  it("names a locale that is not one of its language's", () => {
    const pack = loadKrPack();
    pack.country.locales = { ko: 'ko-KR', en: 'sr-Latn' };
    expect(checkCountryPack(pack)).toEqual([
      { file: 'country.json', path: '$.locales.en', message: '"sr-Latn" is not a locale of "en", such as "en-Latn"' },
    ]);
  });

  it('names a dangling parentId', () => {
    const pack = loadKrPack();
    const i = orgIndex(pack, 'kr-nts');
    pack.organizations[i]!.parentId = 'kr-nowhere';
    expect(checkCountryPack(pack)).toEqual([
      { file: 'organizations.json', path: `$[${i}].parentId`, message: 'no organization "kr-nowhere"' },
    ]);
  });

  it('names an organization that is its own parent', () => {
    const pack = loadKrPack();
    const i = orgIndex(pack, 'kr-nts');
    pack.organizations[i]!.parentId = 'kr-nts';
    expect(checkCountryPack(pack)).toEqual([
      { file: 'organizations.json', path: `$[${i}].parentId`, message: 'an organization cannot be its own parent' },
    ]);
  });

  it('names every organization on a loop of parents', () => {
    const pack = loadKrPack();
    const ministry = orgIndex(pack, 'kr-moef');
    const agency = orgIndex(pack, 'kr-nts');
    pack.organizations[ministry]!.parentId = 'kr-nts';
    const problems = checkCountryPack(pack).filter((p) => p.message.includes('must not loop'));
    expect(problems.map((p) => p.path).sort()).toEqual([`$[${agency}].parentId`, `$[${ministry}].parentId`].sort());
  });

  it('names a duplicate organization id', () => {
    const pack = loadKrPack();
    pack.organizations.push(structuredClone(pack.organizations[orgIndex(pack, 'kr-molit')]!));
    expect(checkCountryPack(pack)).toEqual([
      { file: 'organizations.json', path: `$[${pack.organizations.length - 1}].id`, message: 'duplicate organization id "kr-molit"' },
    ]);
  });

  it('keeps the id of "I\'m not sure which organization" free', () => {
    const pack = loadKrPack();
    pack.organizations.push({ ...structuredClone(pack.organizations[orgIndex(pack, 'kr-molit')]!), id: 'unsure' });
    expect(checkCountryPack(pack)).toEqual([
      {
        file: 'organizations.json',
        path: `$[${pack.organizations.length - 1}].id`,
        message: '"unsure" is reserved for a reporter who is not sure which organization it is',
      },
    ]);
  });

  it('names a duplicate category id', () => {
    const pack = loadKrPack();
    pack.categories.push(structuredClone(pack.categories[0]!));
    expect(checkCountryPack(pack)).toEqual([
      {
        file: 'categories.json',
        path: `$[${pack.categories.length - 1}].id`,
        message: `duplicate category id "${pack.categories[0]!.id}"`,
      },
    ]);
  });

  it('names an oversight organization that does not exist', () => {
    const pack = loadKrPack();
    pack.country.oversightOrganizationId = 'kr-nowhere';
    expect(checkCountryPack(pack)).toEqual([
      { file: 'country.json', path: '$.oversightOrganizationId', message: 'no organization "kr-nowhere"' },
    ]);
  });

  it('names a default language that is not one of the languages', () => {
    const pack = loadKrPack();
    pack.country.defaultLanguage = 'fr';
    expect(checkCountryPack(pack)).toEqual([{ file: 'country.json', path: '$.defaultLanguage', message: '"fr" is not one of languages' }]);
  });

  it('names a dangling routeTo', () => {
    const pack = loadKrPack();
    const i = ruleIndex(pack, 'corruption-to-acrc');
    pack.routing[i]!.routeTo = 'kr-nowhere';
    expect(checkCountryPack(pack)).toEqual([
      { file: 'routing.json', path: `$.rules[${i}].routeTo`, message: 'no organization "kr-nowhere"' },
    ]);
  });

  it('names an unknown category in a rule', () => {
    const pack = loadKrPack();
    const i = ruleIndex(pack, 'public-funds-fraud-to-acrc');
    pack.routing[i]!.match.category = 'lottery';
    expect(checkCountryPack(pack)).toEqual([
      { file: 'routing.json', path: `$.rules[${i}].match.category`, message: 'no category "lottery"' },
    ]);
  });

  it('names an unknown organization or organization type in a rule', () => {
    const pack = loadKrPack();
    pack.routing[0]!.match.organizationType = 'embassy';
    pack.routing[1]!.match.organizationId = 'kr-nowhere';
    expect(checkCountryPack(pack)).toEqual([
      { file: 'routing.json', path: '$.rules[0].match.organizationType', message: 'no organization has type "embassy"' },
      { file: 'routing.json', path: '$.rules[1].match.organizationId', message: 'no organization "kr-nowhere"' },
    ]);
  });

  it('names the reports no rule routes when there is no catch-all', () => {
    const pack = loadKrPack();
    pack.routing = pack.routing.filter(
      (r) => r.id !== 'default-to-reported-organization' && r.id !== 'budget-waste-to-reported-organization',
    );
    pack.organizations = pack.organizations.filter((o) => o.id === 'kr-acrc' || o.id === 'kr-bai');
    expect(checkCountryPack(pack)).toEqual([
      { file: 'routing.json', path: '$.rules', message: 'no rule routes a "budget-waste" report about kr-acrc' },
      { file: 'routing.json', path: '$.rules', message: 'no rule routes a "budget-waste" report about kr-bai' },
    ]);
  });

  it('stops after 20 unrouted reports', () => {
    const pack = loadKrPack();
    pack.routing = pack.routing.filter(
      (r) => r.id !== 'default-to-reported-organization' && r.id !== 'budget-waste-to-reported-organization',
    );
    const problems = checkCountryPack(pack);
    expect(problems).toHaveLength(20);
    expect(problems[0]).toEqual({ file: 'routing.json', path: '$.rules', message: 'no rule routes a "budget-waste" report about kr-acrc' });
    for (const p of problems) expect(p.message).toMatch(/^no rule routes a "budget-waste" report about kr-/);
  });

  it('accepts the kr routing without its catch-all, since every category has a rule', () => {
    const pack = loadKrPack();
    pack.routing = pack.routing.filter((r) => r.id !== 'default-to-reported-organization');
    expect(checkCountryPack(pack)).toEqual([]);
  });

  it('names a head report that could only go to its subject', () => {
    const pack = loadKrPack();
    pack.organizations = pack.organizations.filter((o) => o.id === 'kr-acrc' || o.id === 'kr-molit');
    pack.categories = pack.categories.filter((c) => c.id === 'budget-waste');
    pack.routing = [{ id: 'everything-to-reported', match: {}, routeTo: '@reported' }];
    expect(checkRoutingTotality(pack)).toEqual([
      { file: 'routing.json', path: '$.rules', message: `no rule routes a "budget-waste" report about kr-acrc's head` },
      { file: 'routing.json', path: '$.rules', message: `no rule routes a "budget-waste" report about kr-molit's head` },
    ]);
  });
});

describe('loadCountryPack', () => {
  let dir: string;
  const pack = (...parts: string[]) => join(dir, 'kr', ...parts);
  const editJson = (file: string, edit: (data: any) => void) => {
    const data = JSON.parse(readFileSync(pack(file), 'utf8'));
    edit(data);
    writeFileSync(pack(file), JSON.stringify(data));
  };
  const loadError = (): PackFileError => {
    try {
      loadCountryPack(dir, 'kr');
    } catch (error) {
      expect(error).toBeInstanceOf(PackFileError);
      return error as PackFileError;
    }
    throw new Error('the pack loaded');
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clean-portal-pack-'));
    cpSync(resolve('countries', 'kr'), pack(), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads an intact copy', () => {
    const loaded = loadCountryPack(dir, 'kr');
    expect(loaded.country.code).toBe('kr');
    expect(loaded.pages.en?.rewards.title).toBeTruthy();
    expect(checkCountryPack(loaded)).toEqual([]);
  });

  it('names the file of malformed JSON', () => {
    writeFileSync(pack('organizations.json'), '[{ "id": "kr-acrc", ');
    const error = loadError();
    expect(error.file).toBe(pack('organizations.json'));
    expect(error.path).toBe('');
    expect(error.reason).toMatch(/^not valid JSON/);
    expect(error.message).toContain('organizations.json');
  });

  it('names the file and JSON path of a schema violation in a list', () => {
    editJson('organizations.json', (orgs) => (orgs[3].id = 'Not An Id'));
    const error = loadError();
    expect(error.file).toBe(pack('organizations.json'));
    expect(error.path).toBe('$[3].id');
    expect(error.message).toBe(`${pack('organizations.json')} at $[3].id: lower-case letters, digits and dashes`);
  });

  it('names the JSON path of a nested violation', () => {
    editJson('country.json', (country) => (country.deadlines.acknowledgeDays = 0));
    const error = loadError();
    expect(error.file).toBe(pack('country.json'));
    expect(error.path).toBe('$.deadlines.acknowledgeDays');
  });

  it('names a routing rule with a bad target', () => {
    editJson('routing.json', (routing) => (routing.rules[2].routeTo = '@everyone'));
    const error = loadError();
    expect(error.file).toBe(pack('routing.json'));
    expect(error.path).toBe('$.rules[2].routeTo');
  });

  it('names an unknown key', () => {
    editJson('categories.json', (categories) => (categories[1].colour = 'red'));
    const error = loadError();
    expect(error.file).toBe(pack('categories.json'));
    expect(error.path).toBe('$[1]');
    expect(error.reason).toContain('colour');
  });

  it('names a UI strings file that is missing or malformed', () => {
    unlinkSync(pack('i18n', 'en.json'));
    expect(loadError()).toMatchObject({ file: pack('i18n', 'en.json'), reason: 'file is missing' });
    writeFileSync(pack('i18n', 'en.json'), '{"app.title": 5}');
    expect(loadError()).toMatchObject({ file: pack('i18n', 'en.json'), path: '$["app.title"]' });
  });

  it('names a missing page', () => {
    unlinkSync(pack('pages', 'ko', 'rewards.md'));
    expect(loadError()).toMatchObject({ file: pack('pages', 'ko', 'rewards.md'), reason: 'page is missing' });
  });

  it('names a page without a title', () => {
    writeFileSync(pack('pages', 'en', 'policies.md'), 'no title here\n');
    expect(loadError()).toMatchObject({ file: pack('pages', 'en', 'policies.md'), reason: 'a page must start with a "# Title" line' });
  });

  it('names a pack that does not exist', () => {
    try {
      loadCountryPack(dir, 'zz');
      throw new Error('loaded');
    } catch (error) {
      expect(error).toBeInstanceOf(PackFileError);
      expect((error as PackFileError).reason).toBe('no country pack "zz"');
    }
  });
});

describe('describeProblems: the error a synth or a cold start stops with', () => {
  const notJson: PackProblem = {
    file: 'organizations.json',
    path: '$',
    message: "not valid JSON: Expected ',' or '}'",
    at: { line: 12, column: 5, excerpt: ['    "type" "ministry"', '    ^'] },
  };

  it('names each problem by file and path, or by line and column with the line and a caret under the column', () => {
    const pack = loadKrPack();
    delete pack.strings.en!['nav.home'];
    const problems = [...checkCountryPack(pack), notJson];
    expect(describeProblems('kr', problems).split('\n')).toEqual([
      'country pack "kr" is invalid: 2 problem(s):',
      '  countries/kr/i18n/en.json $["nav.home"]: missing translation',
      "  countries/kr/organizations.json:12:5: not valid JSON: Expected ',' or '}'",
      '    12 |     "type" "ministry"',
      '       |     ^',
    ]);
  });

  it('shows the first ten problems and how many more there are, and where to see them all', () => {
    const problems = Array.from({ length: 12 }, (_, i) => ({ file: 'i18n/en.json', path: `$["k${i}"]`, message: 'missing translation' }));
    const lines = describeProblems('mn', problems).split('\n');
    expect(lines[0]).toBe('country pack "mn" is invalid: 12 problem(s):');
    expect(lines.slice(1, -1)).toEqual(problems.slice(0, 10).map((p) => `  countries/mn/i18n/en.json ${p.path}: missing translation`));
    expect(lines.at(-1)).toBe('  …and 2 more: npm run country:check -- mn lists them all');
    expect(describeProblems('mn', problems.slice(0, 10)).split('\n')).toHaveLength(11);
  });
});

describe('routing rules that cannot do what their author meant', () => {
  const typeOf = (id: string) => ({ 'kr-molit': 'ministry', 'kr-acrc': 'oversight' })[id];

  it.each([
    [{ category: 'corruption' }, { category: 'corruption', amountOver: 5 }, true],
    [{ category: 'corruption' }, { category: 'budget-waste' }, false],
    [{ category: 'corruption' }, {}, false],
    [{ organizationId: 'kr-molit' }, { organizationId: 'kr-molit', subjectIsHead: true }, true],
    [{ organizationId: 'kr-molit' }, { organizationId: 'kr-acrc' }, false],
    [{ organizationId: 'kr-molit' }, { organizationType: 'ministry' }, false],
    [{ organizationType: 'ministry' }, { organizationType: 'ministry' }, true],
    [{ organizationType: 'ministry' }, { organizationId: 'kr-molit' }, true],
    [{ organizationType: 'ministry' }, { organizationId: 'kr-acrc' }, false],
    [{ organizationType: 'ministry' }, { organizationId: 'kr-nowhere' }, false],
    [{ organizationType: 'ministry' }, { category: 'corruption' }, false],
    [{ subjectIsHead: true }, { subjectIsHead: true, category: 'corruption' }, true],
    [{ subjectIsHead: false }, {}, false],
    [{ amountOver: 100 }, { amountOver: 100 }, true],
    [{ amountOver: 100 }, { amountOver: 1000 }, true],
    [{ amountOver: 100 }, { amountOver: 99 }, false],
    [{ amountOver: 100 }, {}, false],
    [{}, { category: 'corruption', organizationId: 'kr-molit', subjectIsHead: true, amountOver: 1 }, true],
  ] as [RoutingRule['match'], RoutingRule['match'], boolean][])(
    'a rule matching %j matches every report of one matching %j: %s',
    (earlier, later, expected) => {
      expect(covers(earlier, later, typeOf)).toBe(expected);
    },
  );

  it('names a rule shadowed by an earlier one through the type of the organization it names', () => {
    const pack = loadKrPack();
    pack.routing.splice(1, 0, { id: 'molit-head-to-bai', match: { organizationId: 'kr-molit', subjectIsHead: true }, routeTo: 'kr-bai' });
    pack.routing.splice(1, 0, {
      id: 'ministry-heads-to-bai',
      match: { organizationType: 'ministry', subjectIsHead: true },
      routeTo: 'kr-bai',
    });
    expect(checkRoutingRules(pack)).toEqual([
      {
        file: 'routing.json',
        path: '$.rules[2]',
        message: 'unreachable: rule "ministry-heads-to-bai" (1) comes first and matches every report this rule matches',
      },
    ]);
  });

  it('names a rule no report reaches, though no single earlier rule covers it', () => {
    const pack = loadKrPack();
    const at = ruleIndex(pack, 'default-to-reported-organization');
    // The oversight body is no ministry: no report about any organization matches both.
    pack.routing.splice(at, 0, {
      id: 'acrc-as-ministry',
      match: { organizationId: 'kr-acrc', organizationType: 'ministry' },
      routeTo: 'kr-bai',
    });
    expect(checkRoutingRules(pack)).toEqual([
      {
        file: 'routing.json',
        path: `$.rules[${at}]`,
        message: 'unreachable: no report of any category about any organization of this pack reaches this rule',
      },
    ]);
  });
});

describe('the applications section (docs/applications.md)', () => {
  const problemsOf = (change: (applications: NonNullable<CountryPack['country']['applications']>) => void) => {
    const pack = loadKrPack();
    change(pack.country.applications!);
    return checkCountryPack(pack).filter((p) => p.path.startsWith('$.applications'));
  };

  it('passes the shipped packs’ sections and a pack without one', () => {
    expect(problemsOf(() => {})).toEqual([]);
    const pack = loadKrPack();
    delete pack.country.applications;
    expect(checkCountryPack(pack)).toEqual([]);
  });

  it('names a deciding body that is missing or not an oversight organization', () => {
    expect(problemsOf((a) => (a.decidedBy = 'kr-nowhere'))).toEqual([
      { file: 'country.json', path: '$.applications.decidedBy', message: 'no organization "kr-nowhere"' },
    ]);
    expect(problemsOf((a) => (a.decidedBy = 'kr-molit'))[0]?.message).toMatch(/not an oversight organization/);
  });

  it('names identity fields without the name, or with one twice', () => {
    expect(problemsOf((a) => (a.identityFields = ['phone']))[0]?.message).toMatch(/must include "name"/);
    expect(problemsOf((a) => (a.identityFields = ['name', 'phone', 'phone']))[0]?.message).toMatch(/twice/);
  });

  it('names a section with no kind, and a legal basis missing a language', () => {
    expect(problemsOf((a) => (a.kinds = {}))[0]?.message).toMatch(/at least one kind/);
    expect(problemsOf((a) => delete a.kinds.reward!.legalBasis.ko)).toEqual([
      { file: 'country.json', path: '$.applications.kinds.reward.legalBasis.ko', message: expect.stringMatching(/translation/) },
    ]);
  });
});
