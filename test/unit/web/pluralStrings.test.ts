// Texts that depend on a number take the pack's plural form for it, under the language's locale, and write the
// number as the language does.
import { describe, expect, it } from 'vitest';
import krEn from '../../../countries/kr/i18n/en.json' with { type: 'json' };
import ko from '../../../countries/kr/i18n/ko.json' with { type: 'json' };
import ru from '../../../countries/uz/i18n/ru.json' with { type: 'json' };
import sr from '../../../countries/xk/i18n/sr.json' with { type: 'json' };
import { translator } from '../../../web/src/shared/i18n.js';

describe('plural texts', () => {
  it('says "1 organization", never "1 organizations", in English', () => {
    const t = translator(krEn, 'en');
    expect(t('report.organizationResults', { count: 1 })).toBe('1 organization matches');
    expect(t('report.organizationResults', { count: 2 })).toBe('2 organizations match');
    expect(t('common.days', { count: 1 })).toBe('1 day');
    expect(t('common.days', { count: 12.5 })).toBe('12.5 days');
  });

  it('has three forms in Serbian (Latin script) and writes numbers the Serbian way', () => {
    const t = translator(sr, 'sr-Latn');
    expect([1, 2, 5, 21, 1042].map((count) => t('common.days', { count }))).toEqual(['1 dan', '2 dana', '5 dana', '21 dan', '1.042 dana']);
    expect(t('report.organizationResults', { count: 3 })).toBe('3 institucije odgovaraju');
  });

  it('has four forms in Russian, fractions included', () => {
    const t = translator(ru, 'ru');
    expect([1, 3, 11, 2.5].map((count) => t('common.days', { count }))).toEqual(['1 день', '3 дня', '11 дней', '2,5 дня']);
  });

  it('has one form in Korean', () => {
    expect(translator(ko, 'ko')('report.organizationResults', { count: 1 })).toBe('일치하는 기관 1곳');
  });

  it('falls back to the other form when the pack lacks the one the number needs', () => {
    const t = translator({ 'common.days.other': '{count} days' }, 'en');
    expect(t('common.days', { count: 1 })).toBe('1 days');
  });

  it('fills plain texts as before', () => {
    expect(translator(krEn, 'en')('wizard.step', { step: 2, total: 6 })).toBe('Step 2 of 6');
  });
});
