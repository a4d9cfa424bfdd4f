// Queue pagination cursors are opaque and signed: a caller cannot forge one that starts in another
// organization's partition, nor reuse one across filters.
import { validationFailed } from './errors.js';
import { keyedHash, keyedHashMatches } from './keyedHash.js';

export function encodeCursor(pepper: Uint8Array, key: Record<string, unknown>, scope: string): string {
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${payload}.${keyedHash(pepper, 'queue-cursor', `${scope}\u0000${payload}`).toString('base64url')}`;
}

export function decodeCursor(pepper: Uint8Array, cursor: string, scope: string): Record<string, unknown> {
  const [payload, signature, extra] = cursor.split('.');
  const bad = () =>
    validationFailed('The cursor is not valid for this list.', [{ path: 'cursor', message: 'use nextCursor from the previous page' }]);
  if (!payload || !signature || extra !== undefined) throw bad();
  const signatureBytes = Buffer.from(signature, 'base64url');
  if (signatureBytes.toString('base64url') !== signature) throw bad();
  if (!keyedHashMatches(pepper, 'queue-cursor', `${scope}\u0000${payload}`, signatureBytes)) throw bad();
  const key = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
  if (!key || typeof key !== 'object' || Array.isArray(key)) throw bad();
  return key as Record<string, unknown>;
}
