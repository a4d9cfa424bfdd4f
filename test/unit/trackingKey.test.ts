import { createHmac } from 'node:crypto';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyedHash } from '#core/keyedHash.js';
import { TRACKING_CODE_BYTES, type TrackingCode, normalizeTrackingCode, trackingCodeFromBytes } from '#contract/trackingCode.js';
import { CASE_ID_LENGTH, caseIdForCode, parseCaseId, trackingDigest } from '#core/trackingKey.js';
import { OTHER_PEPPER, TEST_PEPPER } from './support/memoryPorts.js';

const tenBytes = fc.uint8Array({ minLength: TRACKING_CODE_BYTES, maxLength: TRACKING_CODE_BYTES });
const CODE = normalizeTrackingCode('7K3M-Q9TZ-X2B4-RW8D')!;

describe('trackingDigest', () => {
  it('is HMAC-SHA256 of the normalized code under the pepper', () => {
    const expected = createHmac('sha256', TEST_PEPPER).update('7K3MQ9TZX2B4RW8D').digest();
    expect(Buffer.from(trackingDigest(TEST_PEPPER, CODE))).toEqual(expected);
    expect(trackingDigest(TEST_PEPPER, CODE)).toHaveLength(32);
  });

  it('never equals a labelled keyed hash of the same text', () => {
    expect(Buffer.from(trackingDigest(TEST_PEPPER, CODE)).equals(keyedHash(TEST_PEPPER, '', CODE))).toBe(false);
  });
});

describe('caseIdForCode', () => {
  it('is deterministic and 20 Crockford characters', () => {
    const id = caseIdForCode(TEST_PEPPER, CODE);
    expect(id).toBe(caseIdForCode(TEST_PEPPER, CODE));
    expect(id).toHaveLength(CASE_ID_LENGTH);
    expect(CASE_ID_LENGTH).toBe(20);
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
  });

  it('is the same for every way of typing the code', () => {
    const id = caseIdForCode(TEST_PEPPER, CODE);
    expect(caseIdForCode(TEST_PEPPER, normalizeTrackingCode('7k3m q9tz x2b4 rw8d')!)).toBe(id);
    expect(caseIdForCode(TEST_PEPPER, normalizeTrackingCode('7k3mq9tzx2b4rw8d')!)).toBe(id);
  });

  it('differs under another pepper', () => {
    expect(caseIdForCode(OTHER_PEPPER, CODE)).not.toBe(caseIdForCode(TEST_PEPPER, CODE));
    fc.assert(
      fc.property(tenBytes, (b) => {
        const code = trackingCodeFromBytes(b);
        expect(caseIdForCode(OTHER_PEPPER, code)).not.toBe(caseIdForCode(TEST_PEPPER, code));
      }),
      { numRuns: 200 },
    );
  });

  it('differs for different codes', () => {
    const other = normalizeTrackingCode('7K3M-Q9TZ-X2B4-RW8E')!;
    expect(caseIdForCode(TEST_PEPPER, other)).not.toBe(caseIdForCode(TEST_PEPPER, CODE));
  });

  it('does not contain the code, nor any 8-character piece of it', () => {
    fc.assert(
      fc.property(tenBytes, (b) => {
        const code = trackingCodeFromBytes(b);
        const id = caseIdForCode(TEST_PEPPER, code);
        expect(id.includes(code)).toBe(false);
        for (let i = 0; i + 8 <= code.length; i++) expect(id.includes(code.slice(i, i + 8))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('always gives an id that parseCaseId accepts', () => {
    fc.assert(
      fc.property(tenBytes, (b) => {
        const id = caseIdForCode(TEST_PEPPER, trackingCodeFromBytes(b));
        expect(parseCaseId(id)).toBe(id);
      }),
    );
  });
});

describe('parseCaseId', () => {
  it('accepts 20 upper-case Crockford characters', () => {
    expect(parseCaseId('0123456789ABCDEFGHJK')).toBe('0123456789ABCDEFGHJK');
    expect(parseCaseId('MNPQRSTVWXYZ01234567')).toBe('MNPQRSTVWXYZ01234567');
  });

  it.each([
    ['too short', '0123456789ABCDEFGHJ'],
    ['too long', '0123456789ABCDEFGHJKM'],
    ['lower case', '0123456789abcdefghjk'],
    ['an I', '0123456789ABCDEFGHJI'],
    ['an L', '0123456789ABCDEFGHJL'],
    ['an O', '0123456789ABCDEFGHJO'],
    ['a U', '0123456789ABCDEFGHJU'],
    ['dashes', '01234-56789-ABCDE-FGH'],
    ['a path', '../../../etc/passwd00'],
    ['empty', ''],
  ])('refuses %s', (_why, input) => {
    expect(parseCaseId(input)).toBeNull();
  });

  it('refuses a tracking code (16 characters)', () => {
    expect(parseCaseId(CODE as TrackingCode)).toBeNull();
  });
});
