import { describe, expect, it } from 'vitest';
import { indexPack } from '#core/countryPackIndex.js';
import { publicConfig, publicPage } from '#core/publicConfig.js';
import { configResponse } from '#schemas/config.js';
import { PAGE_IDS } from '#schemas/countryPack.js';
import { krIndex, loadKrPack } from './support/fixtures.js';

const index = krIndex();

describe('publicConfig', () => {
  it('describes the kr deployment in English', () => {
    const config = publicConfig(index, 'en');
    expect(configResponse.parse(config)).toEqual(config);
    expect(config.country).toEqual({ code: 'kr', name: 'Republic of Korea', currency: 'KRW', timezone: 'Asia/Seoul' });
    expect(config.languages).toEqual(['ko', 'en']);
    expect(config.defaultLanguage).toBe('ko');
    expect(config.language).toBe('en');
    expect(config.deadlines).toEqual({ acknowledgeDays: 7, respondDays: 60 });
    // The review step routes with these, as the server does.
    expect(config.routing).toEqual({ oversightOrganizationId: 'kr-acrc', rules: index.pack.routing });
    expect(config.categories.find((c) => c.id === 'corruption')?.name).toBe('Corruption report');
    expect(config.organizations).toHaveLength(index.pack.organizations.length);
    expect(config.organizations.find((o) => o.id === 'kr-nts')).toEqual({
      id: 'kr-nts',
      name: 'National Tax Service',
      type: 'agency',
      parentId: 'kr-moef',
      otherNames: ['국세청'],
    });
    expect(config.organizations.find((o) => o.id === 'kr-acrc')).not.toHaveProperty('parentId');
    expect(config.pages.map((p) => p.id).sort()).toEqual([...PAGE_IDS].sort());
    expect(config.strings['app.title']).toBe(index.pack.strings.en!['app.title']);
  });

  it("names every language in itself, and gives the asked language's locale, date pattern and clock", () => {
    const pack = loadKrPack();
    pack.country.locales = { en: 'en-GB' };
    pack.country.dateFormats = { ko: 'YYYY.MM.DD' };
    const edited = indexPack(pack);
    expect(publicConfig(edited, 'en')).toMatchObject({
      languageNames: { ko: '한국어', en: 'English' },
      formats: { locale: 'en-GB', clock: '24h' },
    });
    expect(publicConfig(edited, 'en').formats).not.toHaveProperty('dateFormat');
    expect(publicConfig(edited, 'ko').formats).toEqual({ locale: 'ko', dateFormat: 'YYYY.MM.DD', clock: '24h' });
  });

  it('falls back to Korean for a language the pack lacks, or none', () => {
    for (const asked of ['fr', undefined]) {
      const config = publicConfig(index, asked);
      expect(config.language).toBe('ko');
      expect(config.country.name).toBe('대한민국');
      expect(config.organizations.find((o) => o.id === 'kr-molit')?.name).toBe('국토교통부');
    }
  });

  it('gives no other names to an organization named alike in every language', () => {
    const pack = loadKrPack();
    const molit = pack.organizations.find((o) => o.id === 'kr-molit')!;
    molit.name = { ko: 'MOLIT', en: 'MOLIT' };
    expect(publicConfig(indexPack(pack), 'en').organizations.find((o) => o.id === 'kr-molit')).toEqual({
      id: 'kr-molit',
      name: 'MOLIT',
      type: 'ministry',
    });
  });

  it("gives the default language's texts and page titles where the language has none, and none where neither has", () => {
    const pack = loadKrPack();
    delete pack.strings.en;
    delete (pack.pages as Partial<typeof pack.pages>).en;
    const config = publicConfig(indexPack(pack), 'en');
    expect(config.language).toBe('en');
    expect(config.strings).toEqual(pack.strings.ko);
    expect(config.pages).toContainEqual({ id: 'rewards', title: pack.pages.ko!.rewards.title });
    delete pack.strings.ko;
    delete (pack.pages as Partial<typeof pack.pages>).ko;
    expect(publicConfig(indexPack(pack), 'en')).toMatchObject({ strings: {}, pages: [] });
  });
});

describe('publicPage', () => {
  it('returns a page in the asked language, with its title', () => {
    const page = publicPage(index, 'rewards', 'en');
    expect(page.id).toBe('rewards');
    expect(page.title).toBe(index.pack.pages.en!.rewards.title);
    expect(page.markdown.startsWith('#')).toBe(true);
  });

  it('falls back to the default language, and answers NOT_FOUND when no language has the page', () => {
    const pack = loadKrPack();
    delete (pack.pages.en as Partial<(typeof pack.pages)['en']>).protection;
    const partial = indexPack(pack);
    expect(publicPage(partial, 'protection', 'en').title).toBe(pack.pages.ko!.protection.title);
    delete (pack.pages.ko as Partial<(typeof pack.pages)['ko']>).protection;
    expect(() => publicPage(partial, 'protection', 'en')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('answers NOT_FOUND for a page id the portal does not have, even where a pack file has it', () => {
    const pack = loadKrPack();
    (pack.pages.en as Record<string, { title: string; markdown: string }>).secret = { title: 'Secret', markdown: '# Secret' };
    expect(() => publicPage(indexPack(pack), 'secret', 'en')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: 'There is no page "secret".' }),
    );
  });
});
