// Local mode's password hashes: scrypt (node:crypto), stored as `scrypt$N$r$p$salt$hash` (salt and hash base64url)
// so the cost can be raised later without breaking stored hashes.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** N=2^15, r=8, p=1: about 32 MiB and ~100 ms per hash, OWASP's scrypt baseline. */
export const SCRYPT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

interface Cost {
  N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, cost: Cost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; node's default cap (32 MiB) is exactly that at N=2^15, r=8, so leave room.
  const maxmem = 256 * cost.N * cost.r;
  return new Promise((done, fail) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...cost, maxmem }, (error, key) => (error ? fail(error) : done(key))),
  );
}

export async function hashPassword(password: string, cost: Cost = SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * A stored-hash look-alike with random salt and key: checking a password against it costs the same scrypt run as
 * a real check and never matches. Used for unknown usernames so timing does not tell who exists.
 */
export function unmatchableHash(cost: Cost = SCRYPT_COST): string {
  return [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    randomBytes(SALT_BYTES).toString('base64url'),
    randomBytes(KEY_BYTES).toString('base64url'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !key || !Object.values(cost).every((v) => Number.isInteger(v) && v > 0)) {
    throw new Error('not a scrypt password hash');
  }
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
