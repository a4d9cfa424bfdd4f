// Agency sign-in: a password, then (deployed, when Cognito asks) the authenticator code. A refusal reads the same
// whether or not the username exists, so the answer cannot be used to find out who has an account.
import type { LoginRequest, LoginResponse } from '#schemas/auth.js';
import { rateLimited, unauthenticated } from './errors.js';
import type { IdentityProvider, SignInOutcome } from './ports.js';

export const SIGN_IN_REFUSED = 'The username or password is not right.';
export const MFA_CODE_REFUSED = 'The code is not right, or the sign-in took too long. Try the code again or sign in again.';
export const NEW_PASSWORD_REFUSED =
  'That password was not accepted: use at least 14 characters with upper- and lower-case letters, digits and symbols, or sign in again.';
/** Cognito's own temporary lockout of an account (deployed only; local mode slows guessing down instead). */
export const SIGN_IN_LOCKED = 'Too many failed sign-ins for this account. Wait a few minutes and try again.';

export async function signIn(identity: IdentityProvider, request: LoginRequest): Promise<LoginResponse> {
  if ('password' in request) {
    return answer(request.username, await identity.signIn(request.username, request.password), SIGN_IN_REFUSED);
  }
  // The password step already succeeded, so a distinct message here reveals nothing about who exists.
  if ('newPassword' in request) {
    return answer(
      request.username,
      await identity.setNewPassword(request.username, request.session, request.newPassword),
      NEW_PASSWORD_REFUSED,
    );
  }
  return answer(request.username, await identity.answerMfa(request.username, request.session, request.code), MFA_CODE_REFUSED);
}

/** The standard otpauth:// address authenticator apps scan as a QR code. */
export function otpauthUri(username: string, secretCode: string): string {
  const label = encodeURIComponent(`Clean Portal:${username}`);
  return `otpauth://totp/${label}?secret=${encodeURIComponent(secretCode)}&issuer=${encodeURIComponent('Clean Portal')}`;
}

function answer(username: string, outcome: SignInOutcome, refused: string): LoginResponse {
  switch (outcome.kind) {
    case 'token':
      return { token: outcome.token, expiresIn: outcome.expiresIn, user: outcome.user };
    case 'mfa':
      return { challenge: 'MFA', session: outcome.session };
    case 'newPassword':
      return { challenge: 'NEW_PASSWORD', session: outcome.session };
    case 'mfaSetup':
      return {
        challenge: 'MFA_SETUP',
        session: outcome.session,
        secretCode: outcome.secretCode,
        otpauthUri: otpauthUri(username, outcome.secretCode),
      };
    case 'rejected':
      throw unauthenticated(refused);
    case 'locked':
      throw rateLimited(SIGN_IN_LOCKED);
  }
}
