import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROCKFORD_ALPHABET, encodeCrockford } from '#contract/trackingCode.js';
import { ascii } from './support/fixtures.js';

/** A reference encoder over BigInt: the bytes as one big number, written in base 32 (after left-aligning to 5 bits). */
function referenceEncode(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  const bits = bytes.length * 8;
  const chars = Math.ceil(bits / 5);
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  value <<= BigInt(chars * 5 - bits);
  let out = '';
  for (let i = chars - 1; i >= 0; i--) out += CROCKFORD_ALPHABET[Number((value >> BigInt(i * 5)) & 31n)];
  return out;
}

describe('encodeCrockford', () => {
  it('has the 32-character alphabet without I, L, O and U', () => {
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
    expect(new Set(CROCKFORD_ALPHABET).size).toBe(32);
    for (const c of 'ILOU') expect(CROCKFORD_ALPHABET).not.toContain(c);
  });

  it.each([
    ['', ''],
    ['f', 'CR'],
    ['fo', 'CSQG'],
    ['foo', 'CSQPY'],
    ['foob', 'CSQPYRG'],
    ['fooba', 'CSQPYRK1'],
    ['foobar', 'CSQPYRK1E8'],
  ])('encodes %j as %s (RFC 4648 test vectors in the Crockford alphabet)', (input, expected) => {
    expect(encodeCrockford(ascii(input))).toBe(expected);
  });

  it('encodes edge bytes', () => {
    expect(encodeCrockford(new Uint8Array([0x00]))).toBe('00');
    expect(encodeCrockford(new Uint8Array([0xff]))).toBe('ZW');
    expect(encodeCrockford(new Uint8Array(10))).toBe('0'.repeat(16));
    expect(encodeCrockford(new Uint8Array(10).fill(0xff))).toBe('Z'.repeat(16));
    expect(encodeCrockford(new Uint8Array([0x00, 0x44, 0x32, 0x14, 0xc7, 0x42, 0x54, 0xb6, 0x35, 0xcf]))).toBe('0123456789ABCDEF');
    expect(encodeCrockford(new Uint8Array([0x84, 0x21, 0x08, 0x42, 0x10, 0x84, 0x21, 0x08, 0x42, 0x10]))).toBe('GGGGGGGGGGGGGGGG');
  });

  it('agrees with a BigInt reference encoder for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (input) => {
        const encoded = encodeCrockford(input);
        expect(encoded).toBe(referenceEncode(input));
        expect(encoded).toHaveLength(Math.ceil((input.length * 8) / 5));
        expect(encoded).toMatch(/^[0-9A-HJKMNP-TV-Z]*$/);
      }),
    );
  });

  it('is injective on inputs of the same length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), fc.uint8Array({ minLength: 10, maxLength: 10 }), (a, b) => {
        fc.pre(Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0);
        expect(encodeCrockford(a)).not.toBe(encodeCrockford(b));
      }),
    );
  });
});
