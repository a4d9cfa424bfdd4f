import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_ID_LENGTH,
  TRACKING_CODE_BYTES,
  TRACKING_CODE_LENGTH,
  type TrackingCode,
  formatTrackingCode,
  normalizeCaseId,
  normalizeTrackingCode,
  trackingCodeFromBytes,
} from '#contract/trackingCode.js';

const tenBytes = fc.uint8Array({ minLength: TRACKING_CODE_BYTES, maxLength: TRACKING_CODE_BYTES });
const code = (s: string) => s as TrackingCode;

/** What a person might do to a code: change case, read 1 as I/L and 0 as O, add dashes and spaces. */
function retyped(c: string) {
  return fc
    .tuple(
      ...[...c].map((ch) =>
        fc.record({
          glyph:
            ch === '1'
              ? fc.constantFrom('1', 'I', 'i', 'L', 'l')
              : ch === '0'
                ? fc.constantFrom('0', 'O', 'o')
                : fc.constantFrom(ch, ch.toLowerCase()),
          after: fc.constantFrom('', '', '-', ' ', '  ', ' - '),
        }),
      ),
      fc.constantFrom('', ' ', '\t'),
    )
    .map((parts) => {
      const lead = parts[parts.length - 1] as string;
      const chars = parts.slice(0, -1) as { glyph: string; after: string }[];
      return lead + chars.map((p) => p.glyph + p.after).join('');
    });
}

describe('normalizeTrackingCode', () => {
  it('accepts a grouped code in any case', () => {
    expect(normalizeTrackingCode('ABCD-EFGH-JKMN-PQRS')).toBe('ABCDEFGHJKMNPQRS');
    expect(normalizeTrackingCode('abcd-efgh-jkmn-pqrs')).toBe('ABCDEFGHJKMNPQRS');
    expect(normalizeTrackingCode('aBcD-eFgH-jKmN-pQrS')).toBe('ABCDEFGHJKMNPQRS');
  });

  it('accepts a code without dashes, or with spaces and surrounding blanks', () => {
    expect(normalizeTrackingCode('tvwxyz0123456789')).toBe('TVWXYZ0123456789');
    expect(normalizeTrackingCode('TVWX YZ01 2345 6789')).toBe('TVWXYZ0123456789');
    expect(normalizeTrackingCode('  TVWX-YZ01-2345-6789\n')).toBe('TVWXYZ0123456789');
  });

  it('reads I and L as 1 and O as 0 (Crockford)', () => {
    expect(normalizeTrackingCode('IiLl-OoOo-1111-0000')).toBe('1111000011110000');
    expect(normalizeTrackingCode('ABCD-EFGH-JKMN-PQRL')).toBe('ABCDEFGHJKMNPQR1');
  });

  it.each([
    ['15 characters', 'ABCD-EFGH-JKMN-PQR'],
    ['17 characters', 'ABCD-EFGH-JKMN-PQRST'],
    ['empty', ''],
    ['only dashes', '----------------'],
    ['a U', 'ABCD-EFGH-JKMN-PQRU'],
    ['a lower-case u', 'abcd-efgh-jkmn-pqru'],
    ['punctuation', 'ABCD-EFGH-JKMN-PQR!'],
    ['a slash', 'ABCD/EFGH/JKMN/PQRS'],
    ['a non-Latin letter', 'ABCD-EFGH-JKMN-PQRЅ'],
    ['Hangul', '가나다라-EFGH-JKMN-PQRS'],
    ['a full-width digit', 'ABCD-EFGH-JKMN-PQR１'],
    ['HTML', '<script>alert(1)</script>'],
    ['far too long', `${'-'.repeat(60)}ABCDEFGHJKMNPQRS`],
    // Letters whose upper case is one or two code symbols: only the alphabet's own letters may stand for a symbol.
    ['a German sharp s (upper case: SS)', 'ABCD-EFGH-JKMN-PQß'],
    ['a Latin ff ligature (upper case: FF)', 'ABCD-EFGH-JKMN-PQﬀ'],
    ['a dotless i (upper case: I, read as 1)', 'ABCD-EFGH-JKMN-PQRı'],
    ['a long s (upper case: S)', 'ABCD-EFGH-JKMN-PQRſ'],
    ['a Kelvin sign (lower case: k)', 'ABCD-EFGH-JKMN-PQR\u212A'],
  ])('rejects %s', (_why, input) => {
    expect(normalizeTrackingCode(input)).toBeNull();
  });

  it('takes nothing but the alphabet, its lower case, I/L/O and separators', () => {
    const accepted = new Set([...'0123456789ABCDEFGHIJKLMNOPQRSTVWXYZ', ...'0123456789abcdefghijklmnopqrstvwxyz']);
    // The alphabet mixed with letters whose case mapping lands on it (ß→SS, ﬀ→FF, ı→I, ſ→S, ǆ→Ǆ, ﬆ→ST).
    const unit = fc.constantFrom(...'0123456789abcdefghjkmnpqrstvwxyzIiLlOo- ', 'ß', 'ﬀ', 'ı', 'ſ', 'ǆ', 'ﬆ', 'ﬃ', 'Ⅻ', '１');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 8, maxLength: 20 }), (input) => {
        const code = normalizeTrackingCode(input);
        if (code === null) return;
        expect([...input.replace(/[\s\-_.]/g, '')].every((ch) => accepted.has(ch))).toBe(true);
      }),
    );
  });

  it('is idempotent', () => {
    const typed = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ- '), maxLength: 24 }),
      tenBytes.chain((b) => retyped(trackingCodeFromBytes(b))),
    );
    fc.assert(
      fc.property(typed, (input) => {
        const once = normalizeTrackingCode(input);
        if (once === null) return;
        expect(once).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
        expect(normalizeTrackingCode(once)).toBe(once);
      }),
    );
  });

  it('brings any re-casing, dash and space insertion of a code back to that code', () => {
    fc.assert(
      fc.property(
        tenBytes.chain((b) => {
          const c = trackingCodeFromBytes(b);
          return fc.tuple(fc.constant(c), retyped(c));
        }),
        ([c, typed]) => {
          expect(normalizeTrackingCode(typed)).toBe(c);
        },
      ),
    );
  });
});

describe('trackingCodeFromBytes', () => {
  it('makes 16 characters from 10 bytes', () => {
    expect(TRACKING_CODE_LENGTH).toBe(16);
    expect(trackingCodeFromBytes(new Uint8Array(10))).toBe('0000000000000000');
    expect(trackingCodeFromBytes(new Uint8Array([0x00, 0x44, 0x32, 0x14, 0xc7, 0x42, 0x54, 0xb6, 0x35, 0xcf]))).toBe('0123456789ABCDEF');
  });

  it('refuses any other number of bytes', () => {
    expect(() => trackingCodeFromBytes(new Uint8Array(9))).toThrow(RangeError);
    expect(() => trackingCodeFromBytes(new Uint8Array(11))).toThrow(RangeError);
    expect(() => trackingCodeFromBytes(new Uint8Array(0))).toThrow(RangeError);
  });

  it('gives, for any 10 bytes, a code that normalizes to itself', () => {
    fc.assert(
      fc.property(tenBytes, (b) => {
        const c = trackingCodeFromBytes(b);
        expect(c).toHaveLength(TRACKING_CODE_LENGTH);
        expect(normalizeTrackingCode(c)).toBe(c);
        expect(normalizeTrackingCode(formatTrackingCode(c))).toBe(c);
        expect(normalizeTrackingCode(c.toLowerCase())).toBe(c);
      }),
    );
  });

  it('keeps all 80 bits: the code decodes back to the bytes', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    fc.assert(
      fc.property(tenBytes, (b) => {
        let value = 0n;
        for (const ch of trackingCodeFromBytes(b)) value = value * 32n + BigInt(alphabet.indexOf(ch));
        const decoded = new Uint8Array(10);
        for (let i = 9; i >= 0; i--) {
          decoded[i] = Number(value & 0xffn);
          value >>= 8n;
        }
        expect(decoded).toEqual(b);
      }),
    );
  });
});

describe('formatTrackingCode', () => {
  it('groups the code 4-4-4-4', () => {
    expect(formatTrackingCode(code('ABCDEFGHJKMNPQRS'))).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(formatTrackingCode(code('0000000000000000'))).toBe('0000-0000-0000-0000');
  });

  it('always gives four groups of four that normalize back', () => {
    fc.assert(
      fc.property(tenBytes, (b) => {
        const c = trackingCodeFromBytes(b);
        const shown = formatTrackingCode(c);
        expect(shown).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
        expect(shown.replaceAll('-', '')).toBe(c);
      }),
    );
  });
});

describe('normalizeCaseId', () => {
  it('reads a case number typed in lower case, with spaces or dashes, by the code’s rules', () => {
    expect(CASE_ID_LENGTH).toBe(20);
    expect(normalizeCaseId('7KQ2ABCDEFGHJKMNPQRS')).toBe('7KQ2ABCDEFGHJKMNPQRS');
    expect(normalizeCaseId(' 7kq2 abcd efgh jkmn pqrs ')).toBe('7KQ2ABCDEFGHJKMNPQRS');
    expect(normalizeCaseId('7KQ2-ABCD-EFGH-JKMN-PQRS')).toBe('7KQ2ABCDEFGHJKMNPQRS');
    expect(normalizeCaseId('IiLl-OoOo-1111-0000-ABCD')).toBe('1111000011110000ABCD');
  });

  it.each([
    ['a tracking code (16 characters)', 'ABCD-EFGH-JKMN-PQRS'],
    ['21 characters', '7KQ2ABCDEFGHJKMNPQRST'],
    ['a U', '7KQ2ABCDEFGHJKMNPQRU'],
    ['a non-Latin letter', '7KQ2ABCDEFGHJKMNPQRЅ'],
    ['empty', ''],
  ])('rejects %s', (_why, input) => {
    expect(normalizeCaseId(input)).toBeNull();
  });
});
