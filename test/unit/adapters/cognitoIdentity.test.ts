// Sign-in against Cognito, with the SDK client mocked: the requests sent, the ID token and user handed back, the
// MFA challenge, and each failure mapped to a refusal, a lockout or a typed 503.
import {
  AssociateSoftwareTokenCommand,
  VerifySoftwareTokenCommand,
  CodeMismatchException,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  InternalErrorException,
  LimitExceededException,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
  TooManyFailedAttemptsException,
  TooManyRequestsException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { UnsecuredJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { CognitoIdentity } from '#adapters/cognitoIdentity.js';
import { DomainError } from '#core/errors.js';

const cognito = mockClient(CognitoIdentityProviderClient);
afterEach(() => cognito.reset());

const CLIENT_ID = '4example5client6id7abcdefg';
const identity = () => new CognitoIdentity(new CognitoIdentityProviderClient({ region: 'eu-west-1' }), CLIENT_ID);
const meta = { $metadata: {}, message: 'from Cognito' };

/** An ID token as Cognito issues it (the signature is irrelevant here: the adapter only reads it). */
const idToken = (groups: string[] = ['supervisor']) =>
  new UnsecuredJWT({ 'cognito:username': 'kim', 'custom:organizationId': 'kr-molit', 'cognito:groups': groups, token_use: 'id' }).encode();

describe('CognitoIdentity', () => {
  it('signs in with USER_PASSWORD_AUTH and hands back the ID token and the user it names', async () => {
    const token = idToken();
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: { IdToken: token, AccessToken: 'access', ExpiresIn: 3600 } });
    expect(await identity().signIn('kim', 'pw')).toEqual({
      kind: 'token',
      token,
      expiresIn: 3600,
      user: { username: 'kim', organizationId: 'kr-molit', role: 'supervisor' },
    });
    expect(cognito.commandCalls(InitiateAuthCommand)[0]!.args[0].input).toEqual({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: 'kim', PASSWORD: 'pw' },
    });
  });

  it('passes the MFA challenge on, and answers it with SOFTWARE_TOKEN_MFA', async () => {
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'sess' });
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: { IdToken: idToken(['handler']), ExpiresIn: 900 } });
    expect(await identity().signIn('kim', 'pw')).toEqual({ kind: 'mfa', session: 'sess' });
    expect(await identity().answerMfa('kim', 'sess', '123456')).toMatchObject({ kind: 'token', expiresIn: 900, user: { role: 'handler' } });
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]!.args[0].input).toEqual({
      ClientId: CLIENT_ID,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 'sess',
      ChallengeResponses: { USERNAME: 'kim', SOFTWARE_TOKEN_MFA_CODE: '123456' },
    });
  });

  it.each([
    ['a wrong password', new NotAuthorizedException(meta)],
    ['an unknown user', new UserNotFoundException(meta)],
  ])('refuses %s the same way', async (_what, error) => {
    cognito.on(InitiateAuthCommand).rejects(error);
    expect(await identity().signIn('kim', 'pw')).toEqual({ kind: 'rejected' });
  });

  it('refuses a wrong MFA code', async () => {
    cognito.on(RespondToAuthChallengeCommand).rejects(new CodeMismatchException(meta));
    expect(await identity().answerMfa('kim', 'sess', '000000')).toEqual({ kind: 'rejected' });
  });

  it.each([
    ['TooManyRequestsException', new TooManyRequestsException(meta)],
    ['LimitExceededException', new LimitExceededException(meta)],
    ['TooManyFailedAttemptsException', new TooManyFailedAttemptsException(meta)],
  ])('answers locked on %s', async (_name, error) => {
    cognito.on(InitiateAuthCommand).rejects(error);
    cognito.on(RespondToAuthChallengeCommand).rejects(error);
    expect(await identity().signIn('kim', 'pw')).toEqual({ kind: 'locked' });
    expect(await identity().answerMfa('kim', 'sess', '123456')).toEqual({ kind: 'locked' });
  });

  it('turns any other failure into a typed 503, keeping the cause for the log only', async () => {
    const cause = new InternalErrorException(meta);
    cognito.on(InitiateAuthCommand).rejects(cause);
    const error = await identity()
      .signIn('kim', 'pw')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(503);
    expect((error as Error).cause).toBe(cause);
    expect((error as Error).message).not.toContain('from Cognito');
  });

  it('walks a first sign-in: temporary password → new password → authenticator registration → token', async () => {
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's1' });
    expect(await identity().signIn('kim', 'temporary')).toEqual({ kind: 'newPassword', session: 's1' });

    cognito
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'NEW_PASSWORD_REQUIRED' })
      .resolves({ ChallengeName: 'MFA_SETUP', Session: 's2' });
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 's3' });
    const setup = await identity().setNewPassword('kim', 's1', 'A-much-longer-passw0rd!');
    expect(setup).toEqual({ kind: 'mfaSetup', session: 'setup.s3', secretCode: 'JBSWY3DPEHPK3PXP' });
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]!.args[0].input).toMatchObject({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 's1',
      ChallengeResponses: { USERNAME: 'kim', NEW_PASSWORD: 'A-much-longer-passw0rd!' },
    });

    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'SUCCESS', Session: 's4' });
    cognito
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'MFA_SETUP' })
      .resolves({ AuthenticationResult: { IdToken: idToken(['handler']), ExpiresIn: 3600 } });
    const done = await identity().answerMfa('kim', 'setup.s3', '123456');
    expect(done).toMatchObject({ kind: 'token', user: { role: 'handler' } });
    expect(cognito.commandCalls(VerifySoftwareTokenCommand)[0]!.args[0].input).toMatchObject({ Session: 's3', UserCode: '123456' });

    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'ERROR' });
    expect(await identity().answerMfa('kim', 'setup.s3', '000000')).toEqual({ kind: 'rejected' });
  });

  it('refuses a challenge it cannot finish, and a user with no agency role', async () => {
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'CUSTOM_CHALLENGE', Session: 's' });
    await expect(identity().signIn('kim', 'pw')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: { IdToken: idToken(['staff']), ExpiresIn: 3600 } });
    await expect(identity().signIn('kim', 'pw')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
