// Local mode's identity provider: scrypt hashes, Cognito-shaped ES256 ID tokens, one answer for a wrong password
// and an unknown user, and the per-username backoff on wrong answers (existing or not) under an injected clock, with
// the waits recorded instead of slept.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LocalIdentity, TOKEN_LIFETIME_SECONDS, writeUsers } from '#adapters/localIdentity.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, readPublicSigningKey, signingKeyFiles } from '#adapters/localSigningKey.js';
import * as passwords from '#adapters/passwordHash.js';
import type { SignInOutcome } from '#core/ports.js';
import { FAILURE_WINDOW_MS } from '#core/signInBackoff.js';

vi.mock('#adapters/passwordHash.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('#adapters/passwordHash.js')>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const PASSWORD = 'correct horse battery staple';
let authDir: string;

beforeAll(async () => {
  authDir = mkdtempSync(join(tmpdir(), 'cp-auth-'));
  const passwordHash = await passwords.hashPassword(PASSWORD);
  writeUsers(authDir, [
    { username: 'handler@kr-molit', organizationId: 'kr-molit', role: 'handler', passwordHash, demo: true },
    { username: 'supervisor@kr-molit', organizationId: 'kr-molit', role: 'supervisor', passwordHash, demo: true },
    { username: 'oversight@kr-acrc', organizationId: 'kr-acrc', role: 'oversight', passwordHash, demo: true },
  ]);
});

function clockAt(start: string) {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('password hashes', () => {
  it('are scrypt with N=2^15, r=8, p=1, salted, and verify only the right password', async () => {
    const a = await passwords.hashPassword('s3cret');
    const b = await passwords.hashPassword('s3cret');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await passwords.verifyPassword('s3cret', a)).toBe(true);
    expect(await passwords.verifyPassword('s3cret ', a)).toBe(false);
    expect(await passwords.verifyPassword('s3cret', passwords.unmatchableHash())).toBe(false);
    await expect(passwords.verifyPassword('s3cret', 'bcrypt$2b$10$abc')).rejects.toThrow(/scrypt/);
  });
});

describe('LocalIdentity', () => {
  it('signs a known user in with a 15-minute ES256 ID token carrying Cognito-shaped claims', async () => {
    const clock = clockAt('2026-10-01T09:00:00Z');
    const outcome = await new LocalIdentity(authDir, clock).signIn('Handler@KR-MOLIT', PASSWORD);
    expect(outcome).toMatchObject({
      kind: 'token',
      expiresIn: TOKEN_LIFETIME_SECONDS,
      user: { username: 'handler@kr-molit', organizationId: 'kr-molit', role: 'handler' },
    });
    const token = (outcome as Extract<SignInOutcome, { kind: 'token' }>).token;
    const header = decodeProtectedHeader(token);
    const publicJwk = readPublicSigningKey(authDir)!;
    expect(header).toMatchObject({ alg: 'ES256', kid: publicJwk.kid });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      token_use: 'id',
      sub: 'handler@kr-molit',
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
      'cognito:username': 'handler@kr-molit',
      'custom:organizationId': 'kr-molit',
      'cognito:groups': ['handler'],
    });
    expect(claims.iat).toBe(Date.parse('2026-10-01T09:00:00Z') / 1000);
    expect(claims.exp! - claims.iat!).toBe(15 * 60);
    // Valid for the public key until it expires, and not one second after.
    const key = await importJWK(publicJwk, 'ES256');
    const options = { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: ['ES256'] };
    await expect(jwtVerify(token, key, { ...options, currentDate: new Date('2026-10-01T09:14:59Z') })).resolves.toBeDefined();
    await expect(jwtVerify(token, key, { ...options, currentDate: new Date('2026-10-01T09:15:01Z') })).rejects.toThrow(/exp/);
  });

  it('keeps the signing key under the auth dir, the private half readable by the owner only', () => {
    const files = signingKeyFiles(authDir);
    expect(statSync(files.privateKey).mode & 0o777).toBe(0o600);
    expect(readPublicSigningKey(authDir)).not.toHaveProperty('d');
    expect(statSync(join(authDir, 'users.json')).mode & 0o777).toBe(0o600);
  });

  it('answers a wrong password and an unknown user alike, running scrypt for both', async () => {
    const identity = new LocalIdentity(authDir);
    const verify = vi.mocked(passwords.verifyPassword);
    verify.mockClear();
    const wrong = await identity.signIn('supervisor@kr-molit', 'not it');
    const unknown = await identity.signIn('nobody@kr-molit', 'not it');
    expect(wrong).toEqual({ kind: 'rejected' });
    expect(unknown).toEqual(wrong);
    expect(verify).toHaveBeenCalledTimes(2);
    for (const [, hash] of verify.mock.calls) expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  /** An identity whose held-back answers are recorded, not waited for. */
  function recording(clock = clockAt('2026-10-01T09:00:00Z')) {
    const waits: number[] = [];
    const identity = new LocalIdentity(authDir, clock, async (ms) => void waits.push(ms));
    return { identity, clock, waits };
  }

  it.each([
    ['an existing username', 'oversight@kr-acrc'],
    ['an unknown username', 'ghost@kr-acrc'],
  ])('holds back wrong answers for %s past five failures, 1 s then doubling, never locking it', async (_what, username) => {
    const { identity, clock, waits } = recording();
    const answers: string[] = [];
    for (let i = 0; i < 8; i++) {
      answers.push((await identity.signIn(i % 2 ? username.toUpperCase() : ` ${username} `, `guess ${i}`)).kind);
      clock.advance(60_000);
    }
    expect(answers).toEqual(Array(8).fill('rejected'));
    // Case and spacing variants are the same username: they share one backoff.
    expect(waits).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000]);
    // The right password is answered at once, however many guesses came before.
    const right = await identity.signIn(username, PASSWORD);
    expect(right.kind).toBe(username === 'oversight@kr-acrc' ? 'token' : 'rejected');
    if (right.kind === 'token') expect(waits).toHaveLength(8);
    // Other usernames are not affected.
    waits.length = 0;
    expect((await identity.signIn('handler@kr-molit', 'wrong')).kind).toBe('rejected');
    expect(waits).toEqual([0]);
  });

  it('forgets failures after 15 minutes', async () => {
    const { identity, clock, waits } = recording();
    for (let i = 0; i < 6; i++) await identity.signIn('supervisor@kr-molit', 'wrong');
    expect(waits.at(-1)).toBe(1000);
    clock.advance(FAILURE_WINDOW_MS);
    waits.length = 0;
    await identity.signIn('supervisor@kr-molit', 'wrong');
    expect(waits).toEqual([0]);
  });

  it('queues the wrong answers of parallel guesses one behind another, so a burst learns no faster', async () => {
    const { identity, waits } = recording();
    await Promise.all(Array.from({ length: 8 }, (_, i) => identity.signIn('burst@kr-molit', `g${i}`)));
    // The 6th, 7th and 8th answers go out 1 s, 1+2 s and 1+2+4 s from now.
    expect(waits.slice().sort((a, b) => a - b)).toEqual([0, 0, 0, 0, 0, 1000, 3000, 7000]);
  });

  it('has no second factor: an MFA answer is refused', async () => {
    expect(await new LocalIdentity(authDir).answerMfa('handler@kr-molit', 'session', '123456')).toEqual({ kind: 'rejected' });
  });
});
