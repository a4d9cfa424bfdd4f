// An upload id is a signed, self-describing token: the server needs no record of issued uploads, and at submit
// it knows the declared size, type and name without trusting the storage server (which checks no POST policy).
import { keyedHash, keyedHashMatches } from './keyedHash.js';

export interface DeclaredUpload {
  /** Object key under incoming/. */
  key: string;
  name: string;
  size: number;
  contentType: string;
  /** Seconds since the epoch after which the token is refused. */
  expires: number;
}

const LABEL = 'upload-token';

export function issueUploadToken(pepper: Uint8Array, upload: DeclaredUpload): string {
  const payload = Buffer.from(JSON.stringify([upload.key, upload.name, upload.size, upload.contentType, upload.expires])).toString(
    'base64url',
  );
  return `${payload}.${keyedHash(pepper, LABEL, payload).toString('base64url')}`;
}

/** Returns the declared upload, or null when the token is forged, altered or expired. */
export function verifyUploadToken(pepper: Uint8Array, token: string, now: Date): DeclaredUpload | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const signatureBytes = Buffer.from(signature, 'base64url');
  // Only the one canonical spelling: base64 decoding forgives padding, stray characters and unused bits.
  if (signatureBytes.toString('base64url') !== signature) return null;
  if (!keyedHashMatches(pepper, LABEL, payload, signatureBytes)) return null;
  try {
    const [key, name, size, contentType, expires] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
    if (typeof key !== 'string' || !key.startsWith('incoming/') || typeof name !== 'string') return null;
    if (typeof size !== 'number' || typeof contentType !== 'string' || typeof expires !== 'number') return null;
    if (expires * 1000 < now.getTime()) return null;
    return { key, name, size, contentType, expires };
  } catch {
    return null;
  }
}
