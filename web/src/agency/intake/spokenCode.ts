// A tracking code as staff read it over the phone and print it under the code: each character named, so a digit is
// never heard as a letter. In English a letter goes with its word of the ICAO spelling alphabet ("K as in Kilo"), which
// callers know; other languages name it as a letter or a digit, in their own words. The code's alphabet has no I, L,
// O or U (contract/trackingCode.ts), so "zero" and "one" are always digits.
import { TRACKING_CODE_LENGTH } from '#contract/trackingCode.js';

const SPELLING_ALPHABET: Readonly<Record<string, string>> = {
  A: 'Alfa',
  B: 'Bravo',
  C: 'Charlie',
  D: 'Delta',
  E: 'Echo',
  F: 'Foxtrot',
  G: 'Golf',
  H: 'Hotel',
  J: 'Juliett',
  K: 'Kilo',
  M: 'Mike',
  N: 'November',
  P: 'Papa',
  Q: 'Quebec',
  R: 'Romeo',
  S: 'Sierra',
  T: 'Tango',
  V: 'Victor',
  W: 'Whiskey',
  X: 'X-ray',
  Y: 'Yankee',
  Z: 'Zulu',
};

export interface CharacterWords {
  /** "letter K", in the slip's language. */
  letter: (letter: string) => string;
  /** "digit 7". */
  digit: (digit: string) => string;
  /** "K as in Kilo": only where the slip's language is English, whose words these are. */
  phonetic: (letter: string, word: string) => string;
}

/** Whether the spelling alphabet's words are the reader's own: English of any region. */
export const usesSpellingAlphabet = (language: string) => language.toLowerCase().split('-')[0] === 'en';

/**
 * The normalized code (16 characters) in groups of four, each character named. `spellingAlphabet`: name letters by
 * the spelling alphabet's words (usesSpellingAlphabet).
 */
export function spokenCode(code: string, words: CharacterWords, spellingAlphabet: boolean): string[][] {
  if (code.length !== TRACKING_CODE_LENGTH) throw new RangeError('a normalized tracking code has 16 characters');
  const named = [...code].map((c) => {
    if (/[0-9]/.test(c)) return words.digit(c);
    const word = SPELLING_ALPHABET[c];
    return spellingAlphabet && word ? words.phonetic(c, word) : words.letter(c);
  });
  return [0, 4, 8, 12].map((start) => named.slice(start, start + 4));
}
