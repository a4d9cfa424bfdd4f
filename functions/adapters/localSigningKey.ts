// Local mode's token signing key: one ES256 (P-256) key pair as JWK files under the auth dir, created on first use.
// The local identity provider signs with the private one; the local authorizer verifies with the public one.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';

export const LOCAL_ISSUER = 'clean-portal-local';
export const LOCAL_AUDIENCE = 'clean-portal';
export const LOCAL_ALGORITHM = 'ES256';

export const signingKeyFiles = (authDir: string) => ({
  privateKey: join(authDir, 'signing-key.private.jwk'),
  publicKey: join(authDir, 'signing-key.public.jwk'),
});

/** RFC 7638 thumbprint: a stable `kid` derived from the public key itself. */
function thumbprint(jwk: JWK): string {
  return createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }))
    .digest('base64url');
}

/** The private JWK (with `kid`), creating the pair on first use; the private file is the owner's alone (0600). */
export function readOrCreateSigningKey(authDir: string): JWK {
  const files = signingKeyFiles(authDir);
  if (!existsSync(files.privateKey)) {
    mkdirSync(authDir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = privateKey.export({ format: 'jwk' }) as JWK;
    const keyed = { ...jwk, kid: thumbprint(jwk), alg: LOCAL_ALGORITHM, use: 'sig' };
    try {
      writeFileSync(files.privateKey, `${JSON.stringify(keyed)}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another start got there first: use its key.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const privateJwk = JSON.parse(readFileSync(files.privateKey, 'utf8')) as JWK;
  if (!existsSync(files.publicKey)) {
    const { d: _secret, ...publicJwk } = privateJwk;
    writeFileSync(files.publicKey, `${JSON.stringify(publicJwk)}\n`, { mode: 0o644 });
  }
  return privateJwk;
}

/** The public JWK the authorizer verifies with, or null before any key exists. */
export function readPublicSigningKey(authDir: string): JWK | null {
  const file = signingKeyFiles(authDir).publicKey;
  if (!existsSync(file)) return null;
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  if (jwk.d !== undefined) throw new Error(`${file} holds a private key; it must hold the public key only`);
  return jwk;
}
