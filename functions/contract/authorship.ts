// Proof of authorship without identification (docs/receipts.md): the reporter's browser draws a secret, sends only
// its commitment with the report (the receipt signs it), and keeps the secret in the saved receipt file; revealing
// the secret later proves who filed. WebCrypto only, so the report form carries no signature checker.

/** What the commitment is a digest of: the secret under this label, so it cannot be mistaken for another hash. */
const AUTHORSHIP_LABEL = 'clean-portal-authorship:';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The commitment the browser sends at filing for `secretHex` (64 hex digits): SHA-256 of the labelled secret. */
export async function authorCommitmentOf(secretHex: string): Promise<string> {
  return hex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(AUTHORSHIP_LABEL + secretHex))));
}

/** A fresh authorship secret: 32 random bytes in hex, from the browser's own generator. */
export function newAuthorshipSecret(): string {
  return hex(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}
