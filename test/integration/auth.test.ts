// Agency sign-in through the local runtime: the demo accounts sign in and get a Cognito-shaped ID token; a wrong
// password and an unknown user get identical 401s; a guessing address is slowed down (429 with Retry-After) while
// the right password from another address still signs in; nothing secret is logged.
// (The token checks themselves are unit tests of local/runtime/agencyAuthorizer.ts.)
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFromClaims } from '#core/identity.js';
import { LocalAgencyAuthorizer } from '#local/runtime/agencyAuthorizer.js';
import { type TestPortal, postFrom, startTestPortal } from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const login = (body: unknown) => portal.api('POST', '/auth/login', body);
const issued: string[] = [];

describe('POST /auth/login', () => {
  it('signs a demo handler in with the demo password', async () => {
    const answer = await login({ username: 'handler@kr-molit', password: portal.demoPassword });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({
      token: expect.any(String),
      expiresIn: 900,
      user: { username: 'handler@kr-molit', organizationId: 'kr-molit', role: 'handler' },
    });
    const token = answer.body.token as string;
    issued.push(token);
    expect(decodeProtectedHeader(token).alg).toBe('ES256');
    expect(decodeJwt(token)).toMatchObject({ token_use: 'id', 'custom:organizationId': 'kr-molit', 'cognito:groups': ['handler'] });
    // The runtime's authorizer takes it, and the claims it fills in name the same user.
    const claims = await new LocalAgencyAuthorizer(join(portal.dataDir, 'auth')).authorize(`Bearer ${token}`);
    expect(identityFromClaims(claims)).toEqual(answer.body.user);
  });

  it('signs the oversight body and a supervisor in with their roles', async () => {
    const oversight = await login({ username: 'oversight@kr-acrc', password: portal.demoPassword });
    expect(oversight.body.user).toEqual({ username: 'oversight@kr-acrc', organizationId: 'kr-acrc', role: 'oversight' });
    const supervisor = await login({ username: 'supervisor@kr-moef', password: portal.demoPassword });
    expect(supervisor.body.user).toEqual({ username: 'supervisor@kr-moef', organizationId: 'kr-moef', role: 'supervisor' });
    issued.push(oversight.body.token, supervisor.body.token);
  });

  it('answers a wrong password and an unknown user with identical 401s', async () => {
    const wrong = await postFrom(portal, '127.0.0.60', '/auth/login', { username: 'supervisor@kr-moef', password: 'guess-0' });
    const unknown = await postFrom(portal, '127.0.0.60', '/auth/login', { username: 'nobody@kr-moef', password: 'guess-0' });
    expect(wrong).toEqual({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED', message: 'The username or password is not right.', details: [] } },
    });
    expect(unknown).toEqual(wrong);
  });

  it('slows down a guessing address, never locking the account: the right password from elsewhere signs in', async () => {
    const attacker = '127.0.0.61';
    const statuses: number[] = [];
    // A predictable username, in the case and spacing variants that used to add up to a lockout.
    for (const username of [
      'supervisor@kr-molit',
      'SUPERVISOR@kr-molit',
      ' supervisor@KR-MOLIT ',
      'Supervisor@kr-molit',
      'supervisor@kr-molit ',
      'supervisor@kr-molit',
    ]) {
      statuses.push((await postFrom(portal, attacker, '/auth/login', { username, password: `guess-${statuses.length}` })).status);
    }
    expect(statuses).toEqual(Array(6).fill(401));
    // Past five failures the address must wait before trying again.
    const slowed = await postFrom(portal, attacker, '/auth/login', { username: 'supervisor@kr-molit', password: 'guess-6' });
    expect(slowed.status).toBe(429);
    expect(slowed.body.error).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/failed sign-ins from your connection/),
    });

    // The account's owner, at another address, signs in at once — also in another spelling of the username.
    const owner = await postFrom(portal, '127.0.0.62', '/auth/login', { username: 'supervisor@kr-molit', password: portal.demoPassword });
    expect(owner.status).toBe(200);
    expect(owner.body.user).toEqual({ username: 'supervisor@kr-molit', organizationId: 'kr-molit', role: 'supervisor' });
    expect(
      (await postFrom(portal, '127.0.0.63', '/auth/login', { username: ' Supervisor@KR-MOLIT', password: portal.demoPassword })).status,
    ).toBe(200);
    // Other accounts sign in from anywhere.
    expect((await login({ username: 'handler@kr-moef', password: portal.demoPassword })).status).toBe(200);
  });

  it.each([
    ['malformed JSON', '{"username": "handler@kr-molit",'],
    ['no password', { username: 'handler@kr-molit' }],
    ['an empty username', { username: '', password: 'x' }],
    ['an unknown field', { username: 'handler@kr-molit', password: 'x', role: 'oversight' }],
    ['an MFA code that is not six digits', { username: 'handler@kr-molit', session: 's', code: '12ab' }],
  ])('refuses %s with 400', async (_what, body) => {
    const answer = await login(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses an MFA answer in local mode (there is no second factor)', async () => {
    const answer = await login({ username: 'handler@kr-molit', session: 'made-up', code: '123456' });
    expect(answer.status).toBe(401);
  });

  it('keeps the demo password and the signing key owner-only, and never logs passwords or tokens', async () => {
    expect((await stat(join(portal.dataDir, 'auth', 'demo-password'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(portal.dataDir, 'auth', 'signing-key.private.jwk'))).mode & 0o777).toBe(0o600);
    const output = portal.output();
    expect(output).toContain('POST /api/auth/login 200');
    expect(output).not.toContain(portal.demoPassword);
    expect(output).not.toContain('guess-');
    for (const token of issued) {
      expect(output).not.toContain(token);
      expect(output).not.toContain(token.split('.')[2]!);
    }
  });
});
