// Agency sign-in against the Cognito user pool: USER_PASSWORD_AUTH, then the TOTP challenge when the pool asks.
// The token handed back is the ID token, whose claims API Gateway's Cognito authorizer passes to the handlers.
import {
  type AuthenticationResultType,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { unauthenticated } from '../core/errors.js';
import { identityFromClaims } from '../core/identity.js';
import type { IdentityProvider, SignInOutcome } from '../core/ports.js';
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

type Answer = { ChallengeName?: string | undefined; Session?: string | undefined; AuthenticationResult?: AuthenticationResultType | undefined };

export class CognitoIdentity implements IdentityProvider {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly clientId: string,
  ) {}

  signIn(username: string, password: string): Promise<SignInOutcome> {
    return this.ask(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: this.clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
  }

  answerMfa(username: string, session: string, code: string): Promise<SignInOutcome> {
    return this.ask(
      new RespondToAuthChallengeCommand({
        ClientId: this.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: session,
        ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code },
      }),
    );
  }

  private ask(command: InitiateAuthCommand | RespondToAuthChallengeCommand): Promise<SignInOutcome> {
    return guarded('sign-in service', async () => {
      let answer: Answer;
      try {
        // One `send` per command type keeps the SDK's overloads happy.
        answer = command instanceof InitiateAuthCommand ? await this.client.send(command) : await this.client.send(command);
      } catch (error) {
        const name = (error as { name?: string }).name ?? '';
        if (REJECTED.has(name)) return { kind: 'rejected' };
        if (LOCKED.has(name)) return { kind: 'locked' };
        throw error;
      }
      return outcomeOf(answer);
    });
  }
}

function outcomeOf(answer: Answer): SignInOutcome {
  if (answer.ChallengeName === 'SOFTWARE_TOKEN_MFA' && answer.Session) return { kind: 'mfa', session: answer.Session };
  const idToken = answer.AuthenticationResult?.IdToken;
  if (!idToken) {
    // A new-password or MFA-setup challenge: the password was right, but this portal cannot finish that step.
    throw unauthenticated('This account is not ready yet: ask your administrator to finish setting it up.');
  }
  // Just issued by Cognito over TLS: reading it needs no signature check (the authorizer checks it on every call).
  const user = identityFromClaims(decodeJwt(idToken));
  return { kind: 'token', token: idToken, expiresIn: answer.AuthenticationResult?.ExpiresIn ?? 3600, user };
}
