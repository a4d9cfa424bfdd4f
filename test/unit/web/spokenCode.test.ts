import { describe, expect, it } from 'vitest';
import { CROCKFORD_ALPHABET } from '#contract/trackingCode.js';
import { spokenCode, usesSpellingAlphabet } from '../../../web/src/agency/intake/spokenCode.js';

const english = {
  letter: (l: string) => `letter ${l}`,
  digit: (d: string) => `digit ${d}`,
  phonetic: (l: string, w: string) => `${l} as in ${w}`,
};
const russian = {
  letter: (l: string) => `буква ${l}`,
  digit: (d: string) => `цифра ${d}`,
  phonetic: (l: string, w: string) => `${l} как ${w}`,
};

describe('spokenCode', () => {
  it('names each character in groups of four: digits as digits, letters by the spelling alphabet in English', () => {
    expect(spokenCode('7K3MQ9TZX2B4RW8D', english, true)).toEqual([
      ['digit 7', 'K as in Kilo', 'digit 3', 'M as in Mike'],
      ['Q as in Quebec', 'digit 9', 'T as in Tango', 'Z as in Zulu'],
      ['X as in X-ray', 'digit 2', 'B as in Bravo', 'digit 4'],
      ['R as in Romeo', 'W as in Whiskey', 'digit 8', 'D as in Delta'],
    ]);
  });

  it('names letters as letters in other languages, without English words', () => {
    expect(spokenCode('0000AAAA1111ZZZZ', russian, false).flat()).toEqual([
      ...Array(4).fill('цифра 0'),
      ...Array(4).fill('буква A'),
      ...Array(4).fill('цифра 1'),
      ...Array(4).fill('буква Z'),
    ]);
  });

  it('has a word for every letter of the code’s alphabet, and tells every character apart', () => {
    const letters = [...CROCKFORD_ALPHABET].filter((c) => /[A-Z]/.test(c)).join('');
    const code = letters.slice(0, 16);
    const rest = `${letters.slice(16)}0123456789`.slice(0, 16);
    for (const sample of [code, rest]) {
      const spoken = spokenCode(sample, english, true).flat();
      expect(spoken.every((s) => !s.startsWith('letter '))).toBe(true);
      expect(new Set(spoken).size).toBe(new Set(sample).size);
    }
  });

  it('refuses what is not a normalized code', () => {
    expect(() => spokenCode('7K3M-Q9TZ-X2B4-RW8D', english, true)).toThrow(RangeError);
  });

  it.each([
    ['en', true],
    ['en-GB', true],
    ['ko', false],
    ['ru', false],
    ['sr', false],
  ])('uses the spelling alphabet for %s: %s', (language, expected) => {
    expect(usesSpellingAlphabet(language)).toBe(expected);
  });
});
