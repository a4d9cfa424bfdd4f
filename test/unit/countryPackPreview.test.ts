// Which packs local mode starts as a preview, and the fallback texts it shows: pure, on copies of the real packs.
import { describe, expect, it } from 'vitest';
import { checkCountryPack, checkCountryPackStructure, isTextProblem } from '#core/countryPackCheck.js';
import { decidePackStart, describePreview, withFallbackTexts } from '#core/countryPackPreview.js';
import { loadKrPack } from './support/fixtures.js';

describe('decidePackStart', () => {
  it('starts a finished pack as it is', () => {
    const pack = loadKrPack();
    expect(decidePackStart(pack, checkCountryPack(pack))).toEqual({ kind: 'ready', pack });
  });

  it('starts a pack whose only problems are texts as a preview, each missing text in the default language', () => {
    const pack = loadKrPack();
    delete pack.strings.en!['nav.home'];
    pack.strings.en!['wizard.step'] = 'Step {step}';
    pack.strings.en!['report.heading'] = 'TODO translate: 신고하기';
    delete pack.organizations[3]!.name.en;
    const problems = checkCountryPack(pack);
    expect(problems.every(isTextProblem)).toBe(true);

    const start = decidePackStart(pack, problems);
    if (start.kind !== 'preview') throw new Error(`not a preview: ${start.kind}`);
    expect(start.pack.strings.en!['nav.home']).toBe(pack.strings.ko!['nav.home']);
    // A placeholder dropped would show a wrong sentence: the default language's is shown instead.
    expect(start.pack.strings.en!['wizard.step']).toBe(pack.strings.ko!['wizard.step']);
    // An unfinished text still reads, TODO and all: it is shown as written.
    expect(start.pack.strings.en!['report.heading']).toBe('TODO translate: 신고하기');
    expect(start.pack.organizations[3]!.name.en).toBe(pack.organizations[3]!.name.ko);
    expect(checkCountryPackStructure(start.pack)).toEqual([]);
    expect(start.missing).toEqual([{ language: 'en', file: 'i18n/en.json', keys: ['nav.home', 'wizard.step'] }]);
    expect(start.otherTextProblems).toBe(2);
    // The pack given is left as it was.
    expect(pack.strings.en!['nav.home']).toBeUndefined();
  });

  it('refuses a pack with any problem other than texts, naming only those', () => {
    const pack = loadKrPack();
    delete pack.strings.en!['nav.home'];
    pack.routing[0]!.routeTo = 'kr-nobody';
    const start = decidePackStart(pack, checkCountryPack(pack));
    expect(start).toEqual({
      kind: 'refused',
      problems: [{ file: 'routing.json', path: '$.rules[0].routeTo', message: 'no organization "kr-nobody"' }],
    });
  });

  it('refuses a text that no language of the pack has', () => {
    const pack = loadKrPack();
    delete pack.strings.en!['nav.home'];
    delete pack.strings.ko!['nav.home'];
    expect(decidePackStart(pack, checkCountryPack(pack))).toEqual({
      kind: 'refused',
      problems: [
        { file: 'i18n/ko.json', path: '$["nav.home"]', message: 'missing translation' },
        { file: 'i18n/en.json', path: '$["nav.home"]', message: 'missing translation' },
      ],
    });
  });

  it('fills a text missing in the default language from another language', () => {
    const pack = loadKrPack();
    delete pack.strings.ko!['nav.home'];
    expect(withFallbackTexts(pack).pack.strings.ko!['nav.home']).toBe(pack.strings.en!['nav.home']);
  });
});

describe('describePreview', () => {
  it('names a few missing texts per language, how many more, and where the whole list is', () => {
    const pack = loadKrPack();
    for (const key of ['nav.home', 'nav.track', 'nav.report', 'nav.pages', 'nav.skip']) delete pack.strings.en![key];
    const start = decidePackStart(pack, checkCountryPack(pack));
    if (start.kind !== 'preview') throw new Error('not a preview');
    expect(describePreview('kr', start)).toEqual([
      'preview: 5 texts missing in en (i18n/en.json), shown in ko: nav.report, nav.track, nav.pages, …and 2 more',
      'preview: run npm run country:check -- kr for the list; a deployment refuses the pack until it passes',
    ]);
  });

  it("names one text missing in the default language as shown from another, and the other text problems' count", () => {
    const pack = loadKrPack();
    delete pack.strings.ko!['nav.home'];
    pack.categories[0]!.description.en = 'TODO: describe it';
    pack.strings.en!['wizard.next'] = 'TODO translate: 다음';
    const start = decidePackStart(pack, checkCountryPack(pack));
    if (start.kind !== 'preview') throw new Error('not a preview');
    expect(describePreview('kr', start)).toEqual([
      'preview: 1 text missing in ko (i18n/ko.json), shown from another language: nav.home',
      'preview: 2 other text problem(s): unfinished (TODO) texts, pages or placeholders',
      'preview: run npm run country:check -- kr for the list; a deployment refuses the pack until it passes',
    ]);
  });
});

describe('withFallbackTexts for a language with nothing of its own', () => {
  it('shows a language without a strings file in the default language, and one without a name by its code', () => {
    const pack = loadKrPack();
    delete pack.strings.en;
    pack.country.languageNames.en = ' ';
    const { pack: preview, missing } = withFallbackTexts(pack);
    expect(preview.strings.en!['nav.home']).toBe(pack.strings.ko!['nav.home']);
    expect(missing).toEqual([{ language: 'en', file: 'i18n/en.json', keys: expect.arrayContaining(['nav.home', 'app.title']) }]);
    expect(preview.country.languageNames).toEqual({ ko: '한국어', en: 'en' });
  });
});
