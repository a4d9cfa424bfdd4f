// The signed proof of filing (docs/receipts.md): the portal signs what it received, when, and where it sent it, as a
// compact JWS (ES256, the key's id in the header) that any JOSE tool verifies against GET /receipts/keys. Nothing in
// it identifies the reporter: the case id is a keyed hash of the tracking code, the time is to the hour, and the
// report and evidence appear only as SHA-256 digests.
import { createHash } from 'node:crypto';
import { type FilingReceiptClaims, filingReceiptClaims } from '#schemas/receipt.js';

/** The portal's signing key: KMS (ECC_NIST_P256) deployed, a key file locally. */
export interface ReceiptSigner {
  /** The key's id, as published in the key set (its RFC 7638 thumbprint). */
  keyId(): Promise<string>;
  /** The ES256 signature of `input`: r and s, 32 bytes each (RFC 7518 §3.4), never DER. */
  sign(input: Uint8Array): Promise<Uint8Array>;
}

/** The signer of a function that files nothing: it refuses, so a misconfigured filing function fails loudly. */
export const NO_RECEIPT_KEY: ReceiptSigner = {
  keyId: () => Promise.reject(new Error('this function has no receipt key')),
  sign: () => Promise.reject(new Error('this function has no receipt key')),
};

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

const base64url = (data: string | Uint8Array) => Buffer.from(data).toString('base64url');

/** The compact JWS of `claims`: one signing call (a KMS Sign when deployed). */
export async function signFilingReceipt(signer: ReceiptSigner, claims: FilingReceiptClaims): Promise<string> {
  return signCompactJws(signer, 'JWT', Buffer.from(JSON.stringify(filingReceiptClaims.parse(claims))));
}

/**
 * A compact JWS (ES256, the key's id in the header) of exactly `payload`. `typ` tells what is signed apart, so one
 * signed thing never passes for another under the same key (a receipt is `JWT`, a case export's manifest is not).
 */
export async function signCompactJws(signer: ReceiptSigner, typ: string, payload: Uint8Array): Promise<string> {
  const header = base64url(JSON.stringify({ alg: 'ES256', kid: await signer.keyId(), typ }));
  const body = base64url(payload);
  const signature = await signer.sign(Buffer.from(`${header}.${body}`, 'ascii'));
  if (signature.length !== 64) throw new Error('an ES256 signature is 64 bytes (r and s)');
  return `${header}.${body}.${base64url(signature)}`;
}
