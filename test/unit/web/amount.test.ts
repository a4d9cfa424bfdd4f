// Amounts as people write them, read into the number the API takes, and shown back in the reader's notation.
import { describe, expect, it } from 'vitest';
import { currencyChoices, formatAmount, parseAmount } from '../../../web/src/citizen/report/amount.js';

describe('parseAmount', () => {
  it.each([
    ['5,000,000', 'KRW', ['en', 'ko'], 5_000_000],
    ['5 000 000', 'KRW', ['ko', 'en'], 5_000_000],
    ['5\u00a0000\u202f000', 'KRW', ['en'], 5_000_000],
    ['₩5,000,000', 'KRW', ['en', 'ko'], 5_000_000],
    ['5,000,000원', 'KRW', ['ko', 'en'], 5_000_000],
    ['5,000,000원', 'KRW', ['en', 'ko'], 5_000_000],
    ['KRW 5000', 'KRW', ['en'], 5000],
    ['５，０００，０００', 'KRW', ['ko'], 5_000_000],
    ['1 500,50', 'EUR', ['sq', 'sr', 'en'], 1500.5],
    ['€1.500,50', 'EUR', ['sq'], 1500.5],
    ['1,500.50', 'EUR', ['en'], 1500.5],
    ["1'000", 'EUR', ['en'], 1000],
    ['2,5', 'EUR', ['sr'], 2.5],
    ['10 000₮', 'MNT', ['mn', 'en'], 10_000],
    ['1 500 000 сўм', 'UZS', ['uz', 'ru', 'en'], 1_500_000],
    ["1 500 000 so'm", 'UZS', ['uz', 'ru', 'en'], 1_500_000],
    ['1 500 000 сум', 'UZS', ['ru', 'uz', 'en'], 1_500_000],
  ])('reads %j (%s) as %d', (written, currency, languages, value) => {
    expect(parseAmount(written, currency, languages)).toBe(value);
  });

  it.each(['5 million', 'about 5000', '-5', '', '1.2.3,4', '5,00,0', '$5,000'])('does not guess at %j', (written) => {
    expect(parseAmount(written, 'KRW', ['en', 'ko'])).toBeNull();
  });
});

describe('formatAmount and currencyChoices', () => {
  it('shows the amount in the currency and the reader’s notation', () => {
    expect(formatAmount(5_000_000, 'KRW', 'en')).toBe('₩5,000,000');
    expect(formatAmount(1500.5, 'EUR', 'en')).toBe('€1,500.50');
  });

  it('offers the pack’s currency first, once', () => {
    const choices = currencyChoices('MNT');
    expect(choices[0]).toBe('MNT');
    expect(choices.filter((c) => c === 'MNT')).toHaveLength(1);
    expect(choices.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
  });
});
