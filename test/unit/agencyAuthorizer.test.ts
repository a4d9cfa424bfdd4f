// The local stand-in for API Gateway's Cognito authorizer: only an unexpired ES256 ID token signed by the local key,
// for this issuer and audience, gets through; its claims come out as API Gateway's strings.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type JWTPayload, SignJWT, base64url, generateKeyPair, importJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalIdentity, writeUsers } from '#adapters/localIdentity.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, readOrCreateSigningKey, readPublicSigningKey } from '#adapters/localSigningKey.js';
import { hashPassword } from '#adapters/passwordHash.js';
import { DomainError } from '#core/errors.js';
import { identityFromClaims } from '#core/identity.js';
import type { SignInOutcome } from '#core/ports.js';
import { LocalAgencyAuthorizer, SIGN_IN_FIRST } from '#local/runtime/agencyAuthorizer.js';

const NOW = new Date('2026-10-01T09:00:00Z');
const at = (date: Date) => () => date;
let authDir: string;
let validToken: string;
let localKey: { key: CryptoKey | Uint8Array; kid: string };

const claims = (overrides: JWTPayload = {}): JWTPayload => ({
  token_use: 'id',
  'cognito:username': 'supervisor@kr-molit',
  'custom:organizationId': 'kr-molit',
  'cognito:groups': ['supervisor'],
  ...overrides,
});

/** A token as the local provider would sign it, with whatever key, issuer or claims a test wants. */
function craft(
  options: {
    key?: CryptoKey | Uint8Array;
    kid?: string;
    alg?: string;
    issuer?: string;
    audience?: string;
    payload?: JWTPayload;
    exp?: number;
  } = {},
) {
  const iat = Math.floor(NOW.getTime() / 1000);
  return new SignJWT(options.payload ?? claims())
    .setProtectedHeader({ alg: options.alg ?? 'ES256', kid: options.kid ?? localKey.kid, typ: 'JWT' })
    .setSubject('supervisor@kr-molit')
    .setIssuer(options.issuer ?? LOCAL_ISSUER)
    .setAudience(options.audience ?? LOCAL_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(options.exp ?? iat + 900)
    .sign(options.key ?? localKey.key);
}

beforeAll(async () => {
  authDir = mkdtempSync(join(tmpdir(), 'cp-authorizer-'));
  writeUsers(authDir, [
    {
      username: 'supervisor@kr-molit',
      organizationId: 'kr-molit',
      role: 'supervisor',
      passwordHash: await hashPassword('pw-123456'),
      demo: true,
    },
  ]);
  const outcome = await new LocalIdentity(authDir, { now: () => NOW }).signIn('supervisor@kr-molit', 'pw-123456');
  validToken = (outcome as Extract<SignInOutcome, { kind: 'token' }>).token;
  const jwk = readOrCreateSigningKey(authDir);
  localKey = { key: (await importJWK(jwk, 'ES256')) as CryptoKey, kid: jwk.kid! };
});

async function refusal(authorizer: LocalAgencyAuthorizer, header: string | undefined): Promise<DomainError> {
  const error = await authorizer.authorize(header).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, header).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('UNAUTHENTICATED');
  expect((error as DomainError).message).toBe(SIGN_IN_FIRST);
  return error as DomainError;
}

describe('LocalAgencyAuthorizer', () => {
  it('lets a signed-in user through with the claims API Gateway would pass, all strings', async () => {
    const found = await new LocalAgencyAuthorizer(authDir, at(NOW)).authorize(`Bearer ${validToken}`);
    expect(found).toMatchObject({
      'cognito:username': 'supervisor@kr-molit',
      'custom:organizationId': 'kr-molit',
      'cognito:groups': 'supervisor',
      token_use: 'id',
      sub: 'supervisor@kr-molit',
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
    });
    for (const value of Object.values(found)) expect(typeof value).toBe('string');
    expect(identityFromClaims(found)).toEqual({ username: 'supervisor@kr-molit', organizationId: 'kr-molit', role: 'supervisor' });
    // Header scheme in any case, as HTTP allows.
    await expect(new LocalAgencyAuthorizer(authDir, at(NOW)).authorize(`bearer ${validToken}`)).resolves.toBeDefined();
  });

  it('refuses an expired token', async () => {
    const later = new Date(NOW.getTime() + 15 * 60_000 + 1000);
    await refusal(new LocalAgencyAuthorizer(authDir, at(later)), `Bearer ${validToken}`);
    await refusal(new LocalAgencyAuthorizer(authDir, at(NOW)), `Bearer ${await craft({ exp: Math.floor(NOW.getTime() / 1000) - 1 })}`);
  });

  it('refuses a token signed with another key, even under the local key id', async () => {
    const other = await generateKeyPair('ES256');
    await refusal(new LocalAgencyAuthorizer(authDir, at(NOW)), `Bearer ${await craft({ key: other.privateKey })}`);
  });

  it('refuses an unsigned (alg: none) token and an HMAC token keyed with the public key', async () => {
    const encode = (value: object) => base64url.encode(JSON.stringify(value));
    const payload = { ...claims(), sub: 'supervisor@kr-molit', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: 1, exp: 4_000_000_000 };
    const authorizer = new LocalAgencyAuthorizer(authDir, at(NOW));
    await refusal(authorizer, `Bearer ${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`);
    await refusal(authorizer, `Bearer ${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.${validToken.split('.')[2]}`);
    const hmacKey = new TextEncoder().encode(JSON.stringify(readPublicSigningKey(authDir)));
    await refusal(authorizer, `Bearer ${await craft({ key: hmacKey, alg: 'HS256' })}`);
  });

  it('refuses another issuer, another audience and an access token', async () => {
    const authorizer = new LocalAgencyAuthorizer(authDir, at(NOW));
    await refusal(authorizer, `Bearer ${await craft({ issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' })}`);
    await refusal(authorizer, `Bearer ${await craft({ audience: 'another-app' })}`);
    await refusal(authorizer, `Bearer ${await craft({ payload: claims({ token_use: 'access' }) })}`);
    await refusal(authorizer, `Bearer ${await craft({ payload: claims({ token_use: undefined }) })}`);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['no scheme', 'TOKEN'],
    ['another scheme', 'Basic c3VwZXJ2aXNvcjpwdw=='],
    ['garbage', 'Bearer not-a-token'],
    ['three garbage parts', 'Bearer aaa.bbb.ccc'],
    ['two tokens', 'Bearer a.b.c d.e.f'],
  ])('refuses %s', async (_what, header) => {
    await refusal(new LocalAgencyAuthorizer(authDir, at(NOW)), header);
  });

  it('refuses every token while there is no signing key yet', async () => {
    await refusal(new LocalAgencyAuthorizer(mkdtempSync(join(tmpdir(), 'cp-nokey-')), at(NOW)), `Bearer ${validToken}`);
  });
});
