// Other keyed hashes under the same pepper. Each input starts with a label and a NUL, which a 16-character
// tracking code never contains, so none of these can collide with a tracking digest.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function keyedHash(pepper: Uint8Array, label: string, value: string): Buffer {
  return createHmac('sha256', pepper).update(`${label}\u0000${value}`).digest();
}

export function keyedHashMatches(pepper: Uint8Array, label: string, value: string, expected: Buffer): boolean {
  const actual = keyedHash(pepper, label, value);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Deterministic JSON: object keys sorted, so equal content hashes equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
