import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '#core/errors.js';
import { decodeCursor, encodeCursor } from '#core/queueCursor.js';
import { OTHER_PEPPER, TEST_PEPPER } from '../support/memoryPorts.js';

const SCOPE = 'kr-molit|organization|||25';
const KEY = {
  PK: 'CASE#0123456789ABCDEFGHJK',
  SK: 'CASE',
  GSI2PK: 'ORG#kr-molit',
  GSI2SK: '1#2026-10-15T03:00:00.000Z#0123456789ABCDEFGHJK',
};

function rejected(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, details: [{ path: 'cursor', message: expect.any(String) }] });
    return error as DomainError;
  }
  throw new Error('expected the cursor to be rejected');
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('queue cursor', () => {
  it('round-trips the key under the same pepper and scope', () => {
    const cursor = encodeCursor(TEST_PEPPER, KEY, SCOPE);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(TEST_PEPPER, cursor, SCOPE)).toEqual(KEY);
  });

  it('round-trips any key of strings and numbers', () => {
    fc.assert(
      fc.property(fc.record({ PK: fc.string(), SK: fc.string(), n: fc.integer() }), fc.string(), (key, scope) => {
        expect(decodeCursor(TEST_PEPPER, encodeCursor(TEST_PEPPER, key, scope), scope)).toEqual(key);
      }),
    );
  });

  it('rejects a payload swapped for another key (the signature no longer matches)', () => {
    const cursor = encodeCursor(TEST_PEPPER, KEY, SCOPE);
    const [, signature] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify({ ...KEY, GSI2PK: 'ORG#kr-moef' })).toString('base64url');
    rejected(() => decodeCursor(TEST_PEPPER, `${forged}.${signature}`, SCOPE));
  });

  it('rejects any one character changed', () => {
    const cursor = encodeCursor(TEST_PEPPER, KEY, SCOPE);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: cursor.length - 1 }), fc.constantFrom(...`${BASE64URL}.`), (at, char) => {
        fc.pre(cursor[at] !== char);
        rejected(() => decodeCursor(TEST_PEPPER, cursor.slice(0, at) + char + cursor.slice(at + 1), SCOPE));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a signature with a character added or removed', () => {
    const cursor = encodeCursor(TEST_PEPPER, KEY, SCOPE);
    rejected(() => decodeCursor(TEST_PEPPER, `${cursor}A`, SCOPE));
    rejected(() => decodeCursor(TEST_PEPPER, cursor.slice(0, -1), SCOPE));
  });

  it('rejects a cursor made for another scope (another organization or other filters)', () => {
    const cursor = encodeCursor(TEST_PEPPER, KEY, SCOPE);
    rejected(() => decodeCursor(TEST_PEPPER, cursor, 'kr-moef|organization|||25'));
    rejected(() => decodeCursor(TEST_PEPPER, cursor, 'kr-molit|escalated|||25'));
    rejected(() => decodeCursor(TEST_PEPPER, cursor, 'kr-molit|organization|received||25'));
    rejected(() => decodeCursor(TEST_PEPPER, cursor, 'kr-molit|organization|||10'));
  });

  it('rejects a cursor signed under another pepper', () => {
    rejected(() => decodeCursor(TEST_PEPPER, encodeCursor(OTHER_PEPPER, KEY, SCOPE), SCOPE));
  });

  it.each(['', '.', 'abc', 'abc.', '.abc', 'a.b.c', 'not a cursor at all', '%%%.%%%'])('rejects the malformed cursor %j', (cursor) => {
    rejected(() => decodeCursor(TEST_PEPPER, cursor, SCOPE));
  });

  it('rejects a correctly signed payload that is not a JSON object', () => {
    for (const value of [[1, 2], 'text', 42, null]) {
      // Signed the way encodeCursor signs any payload.
      const signed = encodeCursor(TEST_PEPPER, value as unknown as Record<string, unknown>, SCOPE);
      expect(signed.startsWith(`${Buffer.from(JSON.stringify(value)).toString('base64url')}.`)).toBe(true);
      rejected(() => decodeCursor(TEST_PEPPER, signed, SCOPE));
    }
  });
});
