import { createHmac } from 'node:crypto';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, keyedHash, keyedHashMatches } from '#core/keyedHash.js';
import { OTHER_PEPPER, TEST_PEPPER } from './support/memoryPorts.js';

/** Shuffles an object's keys at every level, deterministically from a seed. */
function reorder(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => reorder(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const shuffled = entries
    .map((e, i) => ({ e, k: Math.sin(seed * 9301 + i * 49297) }))
    .sort((a, b) => a.k - b.k)
    .map(({ e: [k, v] }, i) => [k, reorder(v, seed + i + 1)] as const);
  return Object.fromEntries(shuffled);
}

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    const a = { title: 't', amount: { value: 5, currency: 'KRW' }, list: [{ b: 1, a: 2 }], contact: null };
    const b = { list: [{ a: 2, b: 1 }], contact: null, amount: { currency: 'KRW', value: 5 }, title: 't' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"amount":{"currency":"KRW","value":5},"contact":null,"list":[{"a":2,"b":1}],"title":"t"}');
  });

  it('does not depend on key order, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        const reordered = reorder(value, seed);
        expect(canonicalJson(reordered)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('leaves out undefined members, keeps null ones, and keeps array order', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('tells different content apart', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson({ a: { b: 1 } })).not.toBe(canonicalJson({ 'a.b': 1 }));
    expect(canonicalJson({ 'a"': 1 })).toBe('{"a\\"":1}');
  });
});

describe('keyedHash', () => {
  it('is HMAC-SHA256 of label, NUL and value', () => {
    const expected = createHmac('sha256', TEST_PEPPER).update('label\u0000value').digest();
    expect(keyedHash(TEST_PEPPER, 'label', 'value')).toEqual(expected);
  });

  it('depends on the pepper, the label and the value', () => {
    const base = keyedHash(TEST_PEPPER, 'label', 'value');
    expect(keyedHash(OTHER_PEPPER, 'label', 'value').equals(base)).toBe(false);
    expect(keyedHash(TEST_PEPPER, 'other', 'value').equals(base)).toBe(false);
    expect(keyedHash(TEST_PEPPER, 'label', 'value2').equals(base)).toBe(false);
  });

  it('matches only the same hash', () => {
    const hash = keyedHash(TEST_PEPPER, 'label', 'value');
    expect(keyedHashMatches(TEST_PEPPER, 'label', 'value', hash)).toBe(true);
    expect(keyedHashMatches(TEST_PEPPER, 'label', 'other', hash)).toBe(false);
    expect(keyedHashMatches(OTHER_PEPPER, 'label', 'value', hash)).toBe(false);
    expect(keyedHashMatches(TEST_PEPPER, 'label', 'value', hash.subarray(0, 16))).toBe(false);
    expect(keyedHashMatches(TEST_PEPPER, 'label', 'value', Buffer.alloc(0))).toBe(false);
  });
});
