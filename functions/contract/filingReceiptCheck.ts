// Checks a saved receipt against the published key set: the same code in the web app's "verify a receipt" page
// (offline once the keys are loaded) and in `npm run receipt:verify`. It runs in a browser and in Node alike: jose
// and WebCrypto only. What the claims must be is the schema's to say (functions/schemas/receipt.ts): the caller
// hands in its parser, since the contract imports nothing of ours.
import { type JWK, compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { authorCommitmentOf } from './authorship.js';

export { authorCommitmentOf, newAuthorshipSecret } from './authorship.js';

/** A published key set, as far as checking needs it. */
export interface ReceiptKeys {
  keys: (JWK & { kid: string })[];
}

/** The claims as the caller's schema reads them: null when they are not a filing receipt's. */
export type ClaimsParser<T extends { authorCommitment?: string | undefined }> = (payload: unknown) => T | null;

export type ReceiptVerdict<T> =
  | {
      valid: true;
      claims: T;
      keyId: string;
      /** `proved`: the file's secret matches the receipt's commitment; `none`: nothing to prove it with. */
      authorship: 'proved' | 'refuted' | 'none';
    }
  | { valid: false; problem: ReceiptProblem };

export type ReceiptProblem = 'malformed' | 'unknown-key' | 'bad-signature' | 'not-a-receipt';

export async function verifyReceipt<T extends { authorCommitment?: string | undefined }>(
  file: { receipt: string; authorshipSecret?: string | undefined },
  keys: ReceiptKeys,
  parseClaims: ClaimsParser<T>,
): Promise<ReceiptVerdict<T>> {
  let keyId: string | undefined;
  try {
    const header = decodeProtectedHeader(file.receipt);
    if (header.alg !== 'ES256' || typeof header.kid !== 'string') return { valid: false, problem: 'malformed' };
    keyId = header.kid;
  } catch {
    return { valid: false, problem: 'malformed' };
  }
  const jwk = keys.keys.find((k) => k.kid === keyId);
  if (!jwk) return { valid: false, problem: 'unknown-key' };
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(file.receipt, await importJWK(jwk, 'ES256'), { algorithms: ['ES256'] }));
  } catch {
    return { valid: false, problem: 'bad-signature' };
  }
  let claims: T | null;
  try {
    claims = parseClaims(JSON.parse(new TextDecoder().decode(payload)));
  } catch {
    claims = null;
  }
  if (!claims) return { valid: false, problem: 'not-a-receipt' };
  let authorship: 'proved' | 'refuted' | 'none' = 'none';
  if (file.authorshipSecret !== undefined) {
    authorship =
      claims.authorCommitment !== undefined && (await authorCommitmentOf(file.authorshipSecret)) === claims.authorCommitment
        ? 'proved'
        : 'refuted';
  }
  return { valid: true, claims, keyId, authorship };
}
