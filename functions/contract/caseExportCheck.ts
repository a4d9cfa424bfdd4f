// Checks the signature of a case export's manifest (docs/case-export.md): manifest.jws must be a compact JWS (ES256)
// of type `cp-export+jws`, signed by a key of the given key set, whose payload is exactly the bytes of manifest.json.
// jose and WebCrypto only, like the receipt checker beside it; the contract imports nothing of ours, so the type
// comes in as an argument.
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import type { ReceiptKeys } from './filingReceiptCheck.js';

export type ManifestSignatureProblem = 'malformed' | 'not-an-export' | 'unknown-key' | 'bad-signature' | 'other-manifest';

export type ManifestSignatureVerdict = { valid: true; keyId: string } | { valid: false; problem: ManifestSignatureProblem };

export async function verifyManifestSignature(
  jws: string,
  manifest: Uint8Array,
  keys: ReceiptKeys,
  expectedType: string,
): Promise<ManifestSignatureVerdict> {
  const compact = jws.trim();
  let keyId: string;
  try {
    const header = decodeProtectedHeader(compact);
    if (header.alg !== 'ES256' || typeof header.kid !== 'string') return { valid: false, problem: 'malformed' };
    // A filing receipt signed by the same key is not a manifest's signature, nor is anything else.
    if (header.typ !== expectedType) return { valid: false, problem: 'not-an-export' };
    keyId = header.kid;
  } catch {
    return { valid: false, problem: 'malformed' };
  }
  const jwk = keys.keys.find((k) => k.kid === keyId);
  if (!jwk) return { valid: false, problem: 'unknown-key' };
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(compact, await importJWK(jwk, 'ES256'), { algorithms: ['ES256'] }));
  } catch {
    return { valid: false, problem: 'bad-signature' };
  }
  if (!sameBytes(payload, manifest)) return { valid: false, problem: 'other-manifest' };
  return { valid: true, keyId };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
