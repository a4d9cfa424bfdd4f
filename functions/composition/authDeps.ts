// The composition root of agency sign-in: the Cognito client is created here, once per cold start; local mode gets
// the users file under its data dir instead.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentity } from '#adapters/cognitoIdentity.js';
import { LocalIdentity } from '#adapters/localIdentity.js';
import type { IdentityProvider } from '#core/ports.js';
import { type AuthEnvironment, authEnvironment, parseEnvironment } from '#runtime/config.js';

export interface AuthDeps {
  identity: IdentityProvider;
}

export function buildAuthDeps(env: AuthEnvironment): AuthDeps {
  if (env.mode === 'local') return { identity: new LocalIdentity(env.LOCAL_AUTH_DIR) };
  // A pool id starts with its region (eu-west-1_AbC123); the pool may live outside the function's region.
  const prefix = env.USER_POOL_ID.split('_')[0] ?? '';
  const region = /^[a-z]{2}(-[a-z]+)+-\d+$/.test(prefix) ? prefix : env.AWS_REGION;
  return { identity: new CognitoIdentity(new CognitoIdentityProviderClient({ region }), env.USER_POOL_CLIENT_ID) };
}

let shared: AuthDeps | undefined;

/** Built once per process from the environment (a Lambda cold start, or the local runtime). */
export function authDeps(): AuthDeps {
  shared ??= buildAuthDeps(parseEnvironment(authEnvironment));
  return shared;
}
