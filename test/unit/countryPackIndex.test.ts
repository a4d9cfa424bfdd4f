import { describe, expect, it } from 'vitest';
import { chooseLanguage, indexPack, localize } from '#core/countryPackIndex.js';
import { loadKrPack } from './support/fixtures.js';

describe('indexPack', () => {
  it('indexes organizations and categories by id and builds the routing context', () => {
    const pack = loadKrPack();
    const index = indexPack(pack);
    expect(index.organizations.size).toBe(pack.organizations.length);
    expect(index.organizations.get('kr-molit')?.name.en).toBe('Ministry of Land, Infrastructure and Transport');
    expect(index.categories.size).toBe(pack.categories.length);
    expect(index.categories.has('corruption')).toBe(true);
    expect(index.routing.rules).toBe(pack.routing);
    expect(index.routing.organizations).toBe(index.organizations);
    expect(index.routing.oversightOrganizationId).toBe('kr-acrc');
  });
});

describe('chooseLanguage', () => {
  const pack = loadKrPack();
  it('takes the asked language when the pack has it, else the default', () => {
    expect(chooseLanguage(pack, 'en')).toBe('en');
    expect(chooseLanguage(pack, 'ko')).toBe('ko');
    expect(chooseLanguage(pack, 'fr')).toBe('ko');
    expect(chooseLanguage(pack, undefined)).toBe('ko');
    expect(chooseLanguage(pack, null)).toBe('ko');
    expect(chooseLanguage(pack, '')).toBe('ko');
  });
});

describe('localize', () => {
  it('falls back to the fallback language, then to any language', () => {
    expect(localize({ en: 'Bribe', ko: '뇌물' }, 'en', 'ko')).toBe('Bribe');
    expect(localize({ ko: '뇌물' }, 'en', 'ko')).toBe('뇌물');
    expect(localize({ fr: 'Pot-de-vin' }, 'en', 'ko')).toBe('Pot-de-vin');
    expect(localize({}, 'en', 'ko')).toBe('');
  });
});
