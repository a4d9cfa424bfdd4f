// A client may propose its own tracking code (so a retry files once), and a careless or hostile client could propose
// one anybody would guess: 0000-0000-0000-0000, ABCD-EFGH-JKMN-PQRS. Whoever guesses it reads the case. These
// shapes are refused; each holds so few codes that a random code lands in them about once in ten billion (fewer
// than five distinct symbols: 1.2e-10; the others far less), so a browser's random proposal never meets the rule.
import { CROCKFORD_ALPHABET, type TrackingCode } from '#contract/trackingCode.js';

/** Symbols a proposed code needs at least this many different ones of. */
export const MIN_DISTINCT_SYMBOLS = 5;
/** A code that repeats a block of this many symbols or fewer ("1234123412341234") is a pattern. */
const LONGEST_REPEATED_BLOCK = 8;

/** Why a proposed code is refused as guessable, or null when it is not. */
export function guessableCodeReason(code: TrackingCode): string | null {
  const symbols = [...code].map((c) => CROCKFORD_ALPHABET.indexOf(c));
  if (new Set(symbols).size < MIN_DISTINCT_SYMBOLS) return `fewer than ${MIN_DISTINCT_SYMBOLS} different characters`;
  // Counting up or down by any step through the alphabet, wrapping around: 0123…, ZYXW…, 02468ACE…
  const step = (symbols[1]! - symbols[0]! + 32) % 32;
  if (symbols.every((s, i) => i === 0 || (s - symbols[i - 1]! + 32) % 32 === step)) return 'characters in sequence';
  for (let period = 1; period <= LONGEST_REPEATED_BLOCK; period++) {
    if (symbols.every((s, i) => i < period || s === symbols[i - period])) return 'a block of characters repeated';
  }
  return null;
}
