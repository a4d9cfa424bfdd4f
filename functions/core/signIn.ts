// Agency sign-in: a password, then (deployed, when Cognito asks) the authenticator code. A refusal reads the same
// whether or not the username exists, so the answer cannot be used to find out who has an account.
import type { LoginRequest, LoginResponse } from '../schemas/auth.js';
import { rateLimited, unauthenticated } from './errors.js';
import type { IdentityProvider, SignInOutcome } from './ports.js';

export const SIGN_IN_REFUSED = 'The username or password is not right.';
export const MFA_CODE_REFUSED = 'The code is not right, or the sign-in took too long. Try the code again or sign in again.';
export const SIGN_IN_LOCKED = 'Too many failed sign-ins. Wait 15 minutes and try again.';

export async function signIn(identity: IdentityProvider, request: LoginRequest): Promise<LoginResponse> {
  if ('password' in request) {
    return answer(await identity.signIn(request.username, request.password), SIGN_IN_REFUSED);
  }
  // The password step already succeeded, so a distinct message here reveals nothing about who exists.
  return answer(await identity.answerMfa(request.username, request.session, request.code), MFA_CODE_REFUSED);
}

function answer(outcome: SignInOutcome, refused: string): LoginResponse {
  switch (outcome.kind) {
    case 'token':
      return { token: outcome.token, expiresIn: outcome.expiresIn, user: outcome.user };
    case 'mfa':
      return { challenge: 'MFA', session: outcome.session };
    case 'rejected':
      throw unauthenticated(refused);
    case 'locked':
      throw rateLimited(SIGN_IN_LOCKED);
  }
}
