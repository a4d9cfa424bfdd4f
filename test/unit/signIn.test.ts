// The sign-in use case over an in-memory identity provider: one refusal for a wrong password and an unknown user,
// 429 when locked, the MFA challenge passed through, and the contract's answer shape.
import { describe, expect, it } from 'vitest';
import { DomainError } from '#core/errors.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import type { IdentityProvider, SignInOutcome } from '#core/ports.js';
import { MFA_CODE_REFUSED, SIGN_IN_LOCKED, SIGN_IN_REFUSED, signIn } from '#core/signIn.js';
import { loginResponse } from '#schemas/auth.js';

const HANDLER: AgencyUser = { username: 'handler@kr-molit', organizationId: 'kr-molit', role: 'handler' };

/** Knows one user with one password; `mfa` makes it ask for a code (123456) first. */
function fakeIdentity(options: { mfa?: boolean; locked?: boolean } = {}): IdentityProvider & { calls: string[] } {
  const calls: string[] = [];
  const token: SignInOutcome = { kind: 'token', token: 'a.b.c', expiresIn: 900, user: HANDLER };
  return {
    calls,
    async signIn(username, password) {
      calls.push(`signIn ${username}`);
      if (options.locked) return { kind: 'locked' };
      if (username !== HANDLER.username || password !== 'right') return { kind: 'rejected' };
      return options.mfa ? { kind: 'mfa', session: 'session-1' } : token;
    },
    async answerMfa(username, session, code) {
      calls.push(`answerMfa ${username}`);
      return session === 'session-1' && code === '123456' ? token : { kind: 'rejected' };
    },
    async setNewPassword(username, session, newPassword) {
      calls.push(`setNewPassword ${username}`);
      return session === 'temporary' && newPassword.length >= 14
        ? { kind: 'mfaSetup', session: 'setup.s2', secretCode: 'JBSWY3DPEHPK3PXP' }
        : { kind: 'rejected' };
    },
  };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('signIn', () => {
  it('answers the token, its lifetime and the user, in the contract shape', async () => {
    const answer = await signIn(fakeIdentity(), { username: 'handler@kr-molit', password: 'right' });
    expect(answer).toEqual({ token: 'a.b.c', expiresIn: 900, user: HANDLER });
    expect(loginResponse.safeParse(answer).success).toBe(true);
  });

  it('refuses a wrong password and an unknown user with the same 401 and message', async () => {
    const wrong = await refusal(signIn(fakeIdentity(), { username: 'handler@kr-molit', password: 'wrong' }));
    const unknown = await refusal(signIn(fakeIdentity(), { username: 'nobody@kr-molit', password: 'wrong' }));
    for (const error of [wrong, unknown]) {
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.status).toBe(401);
      expect(error.message).toBe(SIGN_IN_REFUSED);
    }
    expect(JSON.stringify(wrong)).toBe(JSON.stringify(unknown));
  });

  it('answers 429 when the username is locked', async () => {
    const error = await refusal(signIn(fakeIdentity({ locked: true }), { username: 'handler@kr-molit', password: 'right' }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.status).toBe(429);
    expect(error.message).toBe(SIGN_IN_LOCKED);
  });

  it('passes an MFA challenge on, then signs in with the code', async () => {
    const identity = fakeIdentity({ mfa: true });
    const challenge = await signIn(identity, { username: 'handler@kr-molit', password: 'right' });
    expect(challenge).toEqual({ challenge: 'MFA', session: 'session-1' });
    expect(loginResponse.safeParse(challenge).success).toBe(true);
    expect(await signIn(identity, { username: 'handler@kr-molit', session: 'session-1', code: '123456' })).toMatchObject({ user: HANDLER });
    expect(identity.calls).toEqual(['signIn handler@kr-molit', 'answerMfa handler@kr-molit']);
    const wrongCode = await refusal(signIn(identity, { username: 'handler@kr-molit', session: 'session-1', code: '000000' }));
    expect([wrongCode.code, wrongCode.message]).toEqual(['UNAUTHENTICATED', MFA_CODE_REFUSED]);
  });

  it('walks a first sign-in through a new password and the authenticator registration', async () => {
    const setup = await signIn(fakeIdentity(), {
      username: 'handler@kr-molit',
      session: 'temporary',
      newPassword: 'A-much-longer-passw0rd!',
    });
    expect(setup).toEqual({
      challenge: 'MFA_SETUP',
      session: 'setup.s2',
      secretCode: 'JBSWY3DPEHPK3PXP',
      otpauthUri: 'otpauth://totp/Clean%20Portal%3Ahandler%40kr-molit?secret=JBSWY3DPEHPK3PXP&issuer=Clean%20Portal',
    });
    expect(loginResponse.safeParse(setup).success).toBe(true);
    const refused = await refusal(
      signIn(fakeIdentity(), { username: 'handler@kr-molit', session: 'stale', newPassword: 'A-much-longer-passw0rd!' }),
    );
    expect(refused.code).toBe('UNAUTHENTICATED');
  });
});
