// Local mode's identity provider: scrypt hashes, Cognito-shaped ES256 ID tokens, one answer for a wrong password
// and an unknown user, and the per-username lockout (existing or not) under an injected clock.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCKOUT, LocalIdentity, TOKEN_LIFETIME_SECONDS, writeUsers } from '../../../functions/adapters/localIdentity.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, readPublicSigningKey, signingKeyFiles } from '../../../functions/adapters/localSigningKey.js';
import * as passwords from '../../../functions/adapters/passwordHash.js';
import type { SignInOutcome } from '../../../functions/core/ports.js';

vi.mock('../../../functions/adapters/passwordHash.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../functions/adapters/passwordHash.js')>();
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

  it.each([
    ['an existing username', 'oversight@kr-acrc'],
    ['an unknown username', 'ghost@kr-acrc'],
  ])('locks %s after 5 failures within 15 minutes, until the window passes', async (_what, username) => {
    const clock = clockAt('2026-10-01T09:00:00Z');
    const identity = new LocalIdentity(authDir, clock);
    const answers: string[] = [];
    for (let i = 0; i < LOCKOUT.failures; i++) {
      answers.push((await identity.signIn(username, `guess ${i}`)).kind);
      clock.advance(60_000);
    }
    expect(answers).toEqual(Array(5).fill('rejected'));
    // Locked: even the right password gets the same answer, so a lockout says nothing about the password.
    expect((await identity.signIn(username, PASSWORD)).kind).toBe('locked');
    expect((await identity.signIn(username.toUpperCase(), 'guess')).kind).toBe('locked');
    // Other usernames are not affected.
    expect((await identity.signIn('handler@kr-molit', PASSWORD)).kind).toBe('token');
    clock.advance(LOCKOUT.windowMs - 60_000);
    expect((await identity.signIn(username, PASSWORD)).kind).toBe(username === 'oversight@kr-acrc' ? 'token' : 'rejected');
  });

  it('forgets failures older than 15 minutes, and a success clears the count', async () => {
    const clock = clockAt('2026-10-01T09:00:00Z');
    const identity = new LocalIdentity(authDir, clock);
    for (let i = 0; i < 4; i++) await identity.signIn('supervisor@kr-molit', 'wrong');
    clock.advance(LOCKOUT.windowMs);
    for (let i = 0; i < 4; i++) expect((await identity.signIn('supervisor@kr-molit', 'wrong')).kind).toBe('rejected');
    expect((await identity.signIn('supervisor@kr-molit', PASSWORD)).kind).toBe('token');
    for (let i = 0; i < 4; i++) expect((await identity.signIn('supervisor@kr-molit', 'wrong')).kind).toBe('rejected');
    expect((await identity.signIn('supervisor@kr-molit', PASSWORD)).kind).toBe('token');
  });

  it('counts parallel guesses before checking them, so a burst cannot outrun the limit', async () => {
    const identity = new LocalIdentity(authDir);
    const kinds = (await Promise.all(Array.from({ length: 8 }, (_, i) => identity.signIn('burst@kr-molit', `g${i}`)))).map((o) => o.kind);
    expect(kinds.filter((k) => k === 'rejected')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'locked')).toHaveLength(3);
  });

  it('has no second factor: an MFA answer is refused', async () => {
    expect(await new LocalIdentity(authDir).answerMfa('handler@kr-molit', 'session', '123456')).toEqual({ kind: 'rejected' });
  });
});
