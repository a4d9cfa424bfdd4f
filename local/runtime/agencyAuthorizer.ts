// The local stand-in for API Gateway's Cognito authorizer: checks the agency ID token of a request and hands back
// its claims the way API Gateway puts them in `requestContext.authorizer.claims` (every value a string).
import { type CryptoKey, type JWTPayload, importJWK, jwtVerify } from 'jose';
import { unauthenticated } from '#core/errors.js';
import { LOCAL_ALGORITHM, LOCAL_AUDIENCE, LOCAL_ISSUER, readPublicSigningKey } from '#adapters/localSigningKey.js';

/** One message for every refusal, as API Gateway answers (lib/api.ts, UNAUTHORIZED): nothing to probe. */
export const SIGN_IN_FIRST = 'Sign in first.';

export type AuthorizerClaims = Record<string, string>;

export class LocalAgencyAuthorizer {
  private key?: Promise<CryptoKey | Uint8Array>;

  constructor(
    private readonly authDir: string,
    /** For tests of expiry; the system clock otherwise. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The claims of a valid `Authorization: Bearer <ID token>` header; anything else is a 401. */
  async authorize(authorization: string | undefined): Promise<AuthorizerClaims> {
    const token = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated(SIGN_IN_FIRST);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.verificationKey(), {
        algorithms: [LOCAL_ALGORITHM],
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        requiredClaims: ['exp', 'iat', 'sub'],
        currentDate: this.now(),
      }));
    } catch {
      throw unauthenticated(SIGN_IN_FIRST);
    }
    // Cognito's access tokens verify with the same key; only ID tokens carry the identity claims.
    if (payload.token_use !== 'id') throw unauthenticated(SIGN_IN_FIRST);
    return asGatewayClaims(payload);
  }

  private verificationKey(): Promise<CryptoKey | Uint8Array> {
    this.key ??= (async () => {
      const jwk = readPublicSigningKey(this.authDir);
      if (!jwk) throw new Error('no local signing key yet');
      return importJWK(jwk, LOCAL_ALGORITHM);
    })();
    // A missing key is not cached: the identity provider creates it on first sign-in.
    return this.key.catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
  }
}

/**
 * API Gateway (REST) flattens claims to strings; a list such as `cognito:groups` arrives comma-separated
 * (`supervisor`, or `handler,supervisor`), which identityFromClaims reads back.
 */
export function asGatewayClaims(payload: JWTPayload): AuthorizerClaims {
  const claims: AuthorizerClaims = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    claims[name] = Array.isArray(value) ? value.map(String).join(',') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return claims;
}
