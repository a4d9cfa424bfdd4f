import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyedHash } from '#core/keyedHash.js';
import { type DeclaredUpload, issueUploadToken, verifyUploadToken } from '#core/uploadToken.js';
import { OTHER_PEPPER, TEST_PEPPER } from './support/memoryPorts.js';

const NOW = new Date('2026-10-15T03:00:00.000Z');
const upload: DeclaredUpload = {
  key: 'incoming/0123456789ABCDEF',
  name: '계약서 사본.pdf',
  size: 123_456,
  contentType: 'application/pdf',
  expires: NOW.getTime() / 1000 + 3600,
};

/** Signs an arbitrary payload the way the server does, to test what the verifier makes of it. */
const signed = (payload: unknown) => {
  const p = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${p}.${keyedHash(TEST_PEPPER, 'upload-token', p).toString('base64url')}`;
};

describe('upload tokens', () => {
  it('round-trips the declared upload', () => {
    const token = issueUploadToken(TEST_PEPPER, upload);
    expect(verifyUploadToken(TEST_PEPPER, token, NOW)).toEqual(upload);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('round-trips any declared upload before it expires', () => {
    fc.assert(
      fc.property(
        fc.record({
          key: fc.string({ maxLength: 30 }).map((s) => `incoming/${s}`),
          name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
          size: fc.integer({ min: 1, max: 26_214_400 }),
          contentType: fc.constantFrom('application/pdf', 'image/jpeg', 'text/plain'),
          expires: fc.integer({ min: NOW.getTime() / 1000, max: NOW.getTime() / 1000 + 86_400 }),
        }),
        (u) => {
          expect(verifyUploadToken(TEST_PEPPER, issueUploadToken(TEST_PEPPER, u), NOW)).toEqual(u);
        },
      ),
    );
  });

  it('refuses an altered payload', () => {
    const [, signature] = issueUploadToken(TEST_PEPPER, upload).split('.');
    const bigger = Buffer.from(JSON.stringify([upload.key, upload.name, 999_999_999, upload.contentType, upload.expires])).toString(
      'base64url',
    );
    expect(verifyUploadToken(TEST_PEPPER, `${bigger}.${signature}`, NOW)).toBeNull();
    const otherKey = Buffer.from(
      JSON.stringify(['incoming/SOMEONE-ELSES', upload.name, upload.size, upload.contentType, upload.expires]),
    ).toString('base64url');
    expect(verifyUploadToken(TEST_PEPPER, `${otherKey}.${signature}`, NOW)).toBeNull();
  });

  it('refuses an altered signature', () => {
    const [payload, signature] = issueUploadToken(TEST_PEPPER, upload).split('.') as [string, string];
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect(verifyUploadToken(TEST_PEPPER, `${payload}.${flipped}`, NOW)).toBeNull();
    expect(verifyUploadToken(TEST_PEPPER, `${payload}.${signature.slice(0, -1)}`, NOW)).toBeNull();
    expect(verifyUploadToken(TEST_PEPPER, `${payload}.`, NOW)).toBeNull();
    expect(verifyUploadToken(TEST_PEPPER, payload, NOW)).toBeNull();
  });

  it('refuses every other spelling of a valid token, so one upload cannot be attached twice', () => {
    const token = issueUploadToken(TEST_PEPPER, upload);
    const [payload, signature] = token.split('.') as [string, string];
    // 32 bytes take 43 base64url characters: the last one carries 2 unused bits, so flipping them decodes the same
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sameBytes = `${payload}.${signature.slice(0, -1)}${alphabet[alphabet.indexOf(signature.slice(-1)) ^ 1]}`;
    expect(Buffer.from(sameBytes.split('.')[1]!, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    for (const variant of [`${token}=`, `${token}==`, `${token} `, `${token}!`, sameBytes]) {
      expect(verifyUploadToken(TEST_PEPPER, variant, NOW), variant).toBeNull();
    }
    fc.assert(
      fc.property(
        fc.nat({ max: token.length - 1 }),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ '),
        (at, ch) => {
          const variant = token.slice(0, at) + ch + token.slice(at + 1);
          fc.pre(variant !== token);
          expect(verifyUploadToken(TEST_PEPPER, variant, NOW)).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses an expired token, and accepts one until its last second', () => {
    const token = issueUploadToken(TEST_PEPPER, upload);
    expect(verifyUploadToken(TEST_PEPPER, token, new Date(upload.expires * 1000))).toEqual(upload);
    expect(verifyUploadToken(TEST_PEPPER, token, new Date(upload.expires * 1000 + 1000))).toBeNull();
    expect(verifyUploadToken(TEST_PEPPER, token, new Date('2027-01-01T00:00:00Z'))).toBeNull();
  });

  it('refuses a token made under another pepper', () => {
    expect(verifyUploadToken(OTHER_PEPPER, issueUploadToken(TEST_PEPPER, upload), NOW)).toBeNull();
    expect(verifyUploadToken(TEST_PEPPER, issueUploadToken(OTHER_PEPPER, upload), NOW)).toBeNull();
  });

  it('refuses a correctly signed token for a key outside incoming/ or of the wrong shape', () => {
    expect(verifyUploadToken(TEST_PEPPER, signed(['evidence/CASE/x', 'a.pdf', 1, 'application/pdf', 2e9]), NOW)).toBeNull();
    expect(verifyUploadToken(TEST_PEPPER, signed(['incoming/x', 'a.pdf', '1', 'application/pdf', 2e9]), NOW)).toBeNull();
    expect(verifyUploadToken(TEST_PEPPER, signed(['incoming/x', 7, 1, 'application/pdf', 2e9]), NOW)).toBeNull();
    expect(verifyUploadToken(TEST_PEPPER, signed(['incoming/x', 'a.pdf', 1, null, 2e9]), NOW)).toBeNull();
    expect(verifyUploadToken(TEST_PEPPER, signed(['incoming/x', 'a.pdf', 1, 'application/pdf']), NOW)).toBeNull();
    expect(verifyUploadToken(TEST_PEPPER, signed({ key: 'incoming/x' }), NOW)).toBeNull();
    expect(verifyUploadToken(TEST_PEPPER, signed(['incoming/x', 'a.pdf', 1, 'application/pdf', 2e9]), NOW)).not.toBeNull();
  });

  it('refuses a signed payload that is not JSON', () => {
    const p = Buffer.from('not json').toString('base64url');
    expect(verifyUploadToken(TEST_PEPPER, `${p}.${keyedHash(TEST_PEPPER, 'upload-token', p).toString('base64url')}`, NOW)).toBeNull();
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(verifyUploadToken(TEST_PEPPER, s, NOW)).toBeNull();
      }),
    );
  });
});
