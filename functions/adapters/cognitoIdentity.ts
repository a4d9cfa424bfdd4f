// Agency sign-in against the Cognito user pool: USER_PASSWORD_AUTH, then the TOTP challenge when the pool asks.
// The token handed back is the ID token, whose claims API Gateway's Cognito authorizer passes to the handlers.
import {
  AssociateSoftwareTokenCommand,
  type AuthenticationResultType,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { unauthenticated } from '#core/errors.js';
import { identityFromClaims } from '#core/identity.js';
import type { IdentityProvider, SignInOutcome } from '#core/ports.js';
import { guarded } from './dependencyFailure.js';

/**
 * Wrong password, unknown user, wrong or expired code. The two "user state" errors are refusals too: answering them
 * differently would tell a guesser the username exists.
 */
const REJECTED = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  'CodeMismatchException',
  'ExpiredCodeException',
  'UserNotConfirmedException',
  'PasswordResetRequiredException',
]);
/** Cognito's own lockout and throttling of sign-in attempts. */
const LOCKED = new Set(['TooManyRequestsException', 'LimitExceededException', 'TooManyFailedAttemptsException']);

type Answer = {
  ChallengeName?: string | undefined;
  Session?: string | undefined;
  AuthenticationResult?: AuthenticationResultType | undefined;
};

export class CognitoIdentity implements IdentityProvider {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly clientId: string,
  ) {}

  signIn(username: string, password: string): Promise<SignInOutcome> {
    return this.ask(() =>
      this.client.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: this.clientId,
          AuthParameters: { USERNAME: username, PASSWORD: password },
        }),
      ),
    );
  }

  answerMfa(username: string, session: string, code: string): Promise<SignInOutcome> {
    if (session.startsWith(SETUP_PREFIX)) return this.finishMfaSetup(username, session.slice(SETUP_PREFIX.length), code);
    return this.ask(() =>
      this.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: this.clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: session,
          ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code },
        }),
      ),
    );
  }

  setNewPassword(username: string, session: string, newPassword: string): Promise<SignInOutcome> {
    return this.ask(() =>
      this.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: this.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: session,
          ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
        }),
      ),
    );
  }

  /** Verifies the first code from the newly registered authenticator, then completes the MFA_SETUP challenge. */
  private finishMfaSetup(username: string, session: string, code: string): Promise<SignInOutcome> {
    return this.ask(async () => {
      const verified = await this.client.send(
        new VerifySoftwareTokenCommand({ Session: session, UserCode: code, FriendlyDeviceName: 'Clean Portal' }),
      );
      if (verified.Status !== 'SUCCESS' || !verified.Session)
        throw Object.assign(new Error('code mismatch'), { name: 'CodeMismatchException' });
      return this.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: this.clientId,
          ChallengeName: 'MFA_SETUP',
          Session: verified.Session,
          ChallengeResponses: { USERNAME: username },
        }),
      );
    });
  }

  private ask(call: () => Promise<Answer>): Promise<SignInOutcome> {
    return guarded('sign-in service', async () => {
      try {
        return await this.outcomeOf(await call());
      } catch (error) {
        const name = (error as { name?: string }).name ?? '';
        if (REJECTED.has(name)) return { kind: 'rejected' };
        if (LOCKED.has(name)) return { kind: 'locked' };
        throw error;
      }
    });
  }

  private async outcomeOf(answer: Answer): Promise<SignInOutcome> {
    if (answer.ChallengeName === 'SOFTWARE_TOKEN_MFA' && answer.Session) return { kind: 'mfa', session: answer.Session };
    if (answer.ChallengeName === 'NEW_PASSWORD_REQUIRED' && answer.Session) return { kind: 'newPassword', session: answer.Session };
    if (answer.ChallengeName === 'MFA_SETUP' && answer.Session) {
      // The secret to put in the authenticator; the session that comes back is the one the verification needs.
      const associated = await this.client.send(new AssociateSoftwareTokenCommand({ Session: answer.Session }));
      if (!associated.SecretCode || !associated.Session) throw new Error('Cognito gave no authenticator secret');
      return { kind: 'mfaSetup', session: `${SETUP_PREFIX}${associated.Session}`, secretCode: associated.SecretCode };
    }
    return tokenOutcome(answer);
  }
}

/** Marks a session that belongs to authenticator registration rather than to an ordinary code check. */
const SETUP_PREFIX = 'setup.';

function tokenOutcome(answer: Answer): SignInOutcome {
  const idToken = answer.AuthenticationResult?.IdToken;
  if (!idToken) {
    // A challenge this portal does not handle (for example a custom one added to the pool by hand).
    throw unauthenticated('This account is not ready yet: ask your administrator to finish setting it up.');
  }
  // Just issued by Cognito over TLS: reading it needs no signature check (the authorizer checks it on every call).
  const user = identityFromClaims(decodeJwt(idToken));
  return { kind: 'token', token: idToken, expiresIn: answer.AuthenticationResult?.ExpiresIn ?? 3600, user };
}
