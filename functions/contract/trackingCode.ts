// The tracking code: the reporter's only key to their case. 80 random bits as 16 Crockford base32 characters: digits
// and upper-case letters without I, L, O and U, so codes survive being read aloud, handwritten and retyped. It is
// never stored (functions/core/trackingKey.ts). Shared by the server and the browser, which proposes codes itself.

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Encodes bytes, 5 bits per character, most significant bit first; a trailing partial group is zero-padded. */
export function encodeCrockford(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += CROCKFORD_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

declare const trackingCodeBrand: unique symbol;
/** A normalized tracking code: exactly 16 characters of the Crockford alphabet. */
export type TrackingCode = string & { readonly [trackingCodeBrand]: true };

export const TRACKING_CODE_LENGTH = 16;
export const TRACKING_CODE_BYTES = 10;

const SEPARATORS = /[\s\-_.]/g;
/** What may stand for a symbol: the ASCII letters and digits, nothing else (see normalizeTrackingCode). */
const ASCII_LETTERS_AND_DIGITS = /^[0-9A-Za-z]*$/;

/** Reads typed Crockford text of `length` symbols by the rules below; null when it cannot be that. */
function readCrockford(input: string, length: number): string | null {
  if (input.length > 64) return null;
  const stripped = input.replace(SEPARATORS, '');
  if (!ASCII_LETTERS_AND_DIGITS.test(stripped)) return null;
  const cleaned = stripped.toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
  return cleaned.length === length && [...cleaned].every((c) => CROCKFORD_ALPHABET.includes(c)) ? cleaned : null;
}

/**
 * Normalizes what a person typed: any case, with or without dashes, dots, underscores and spaces; I and L read
 * as 1, O as 0 (Crockford's rules). Returns null when it cannot be a code. Only ASCII letters and digits are
 * taken: upper-casing first would turn ß into SS, ﬀ into FF and ı into I (read as 1), so text that is not a code
 * would become one.
 */
export function normalizeTrackingCode(input: string): TrackingCode | null {
  return readCrockford(input, TRACKING_CODE_LENGTH) as TrackingCode | null;
}

/** Builds a code from 10 random bytes (80 bits). */
export function trackingCodeFromBytes(bytes: Uint8Array): TrackingCode {
  if (bytes.length !== TRACKING_CODE_BYTES) throw new RangeError(`a tracking code needs ${TRACKING_CODE_BYTES} bytes`);
  return encodeCrockford(bytes) as TrackingCode;
}

/** Shows a code the way people read it: XXXX-XXXX-XXXX-XXXX. */
export function formatTrackingCode(code: TrackingCode): string {
  return code.match(/.{4}/g)!.join('-');
}

/**
 * A case id: the first 100 bits of the code's keyed hash, 20 Crockford symbols (functions/core/trackingKey.ts). Staff
 * read it aloud and retype it like a code, so a typed one is read by the same rules.
 */
export const CASE_ID_LENGTH = 20;

export function normalizeCaseId(input: string): string | null {
  return readCrockford(input, CASE_ID_LENGTH);
}
