import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessableCodeReason } from '../../functions/core/guessableCode.js';
import { normalizeTrackingCode, TRACKING_CODE_BYTES, trackingCodeFromBytes } from '#contract/trackingCode.js';

const code = (typed: string) => normalizeTrackingCode(typed)!;

describe('guessableCodeReason', () => {
  it.each([
    ['0000-0000-0000-0000', 'fewer than 5 different characters'],
    ['0000-0000-0000-0001', 'fewer than 5 different characters'],
    ['ABAB-ABAB-ABAB-ABAB', 'fewer than 5 different characters'],
    ['1111-2222-3333-4444', 'fewer than 5 different characters'],
    ['0123-4567-89AB-CDEF', 'characters in sequence'],
    ['ABCD-EFGH-JKMN-PQRS', 'characters in sequence'],
    ['ZYXW-VTSR-QPNM-KJHG', 'characters in sequence'],
    ['0246-8ACE-GJMP-RTWY', 'characters in sequence'],
    ['WXYZ-0123-4567-89AB', 'characters in sequence'],
    ['TVWX-YZ01-2345-6789', 'characters in sequence'],
    ['1234-5123-4512-3451', 'a block of characters repeated'],
    ['7K3M-Q9TZ-7K3M-Q9TZ', 'a block of characters repeated'],
  ])('refuses %s: %s', (typed, reason) => {
    expect(guessableCodeReason(code(typed))).toBe(reason);
  });

  it.each([['7K3M-Q9TZ-X2B4-RW8D'], ['0000-0000-0000-7K3M'], ['0123-4567-89AB-CDEG']])('takes %s', (typed) => {
    expect(guessableCodeReason(code(typed))).toBeNull();
  });

  it('takes codes made of random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: TRACKING_CODE_BYTES, maxLength: TRACKING_CODE_BYTES }), (bytes) => {
        // Refused shapes hold about one random code in ten billion; a thousand runs meet none.
        return guessableCodeReason(trackingCodeFromBytes(bytes)) === null;
      }),
      { numRuns: 1000 },
    );
  });
});
