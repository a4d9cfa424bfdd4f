// Local mode's evidence at rest (as the deployed bucket encrypts it under its own KMS key): every object under
// evidence/ is AES-256-GCM sealed under a key file of its own, with the object key as additional data, so a file
// copied to another key or case fails to open. Uploads under incoming/ stay as sent: they live minutes, and the
// intake must read their first bytes to check the type.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EvidenceLinks } from '#core/agency/ports.js';
import type { EvidenceStore, PresignedPost } from '#core/ports.js';

const MAGIC = Buffer.from('CPE1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED_PREFIX = 'evidence/';
/** The sealed bytes are not of the declared type; the download link names the type instead. */
const SEALED_CONTENT_TYPE = 'application/octet-stream';

const isSealedKey = (key: string) => key.startsWith(SEALED_PREFIX);

/** `CPE1 | iv | ciphertext | tag`, bound to `objectKey`. */
export function sealEvidence(key: Buffer, objectKey: string, plaintext: Uint8Array): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(objectKey));
  return Buffer.concat([MAGIC, iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Throws when the bytes are not sealed, were sealed for another object key or under another key, or were altered. */
export function openEvidence(key: Buffer, objectKey: string, sealed: Uint8Array): Uint8Array {
  const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (!isSealedEvidence(data)) throw new Error('not sealed evidence');
  const iv = data.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(objectKey));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(MAGIC.length + IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
}

export function isSealedEvidence(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length + IV_BYTES + TAG_BYTES && Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC);
}

export class LocalSealedEvidenceStore implements EvidenceStore, EvidenceLinks {
  constructor(
    private readonly inner: EvidenceStore & EvidenceLinks,
    private readonly key: Buffer,
  ) {
    if (key.length !== 32) throw new Error('the local evidence key must be 32 bytes');
  }

  presignUpload(key: string, size: number, contentType: string, expiresInSeconds: number): Promise<PresignedPost> {
    return this.inner.presignUpload(key, size, contentType, expiresInSeconds);
  }

  async inspect(key: string, headBytes: number): Promise<{ size: number; head: Uint8Array } | null> {
    if (!isSealedKey(key)) return this.inner.inspect(key, headBytes);
    // Only uploads are inspected in practice; evidence has to be opened whole to know its size.
    const found = await this.inner.inspect(key, Number.MAX_SAFE_INTEGER);
    if (!found) return null;
    const plain = openEvidence(this.key, key, found.head);
    return { size: plain.length, head: plain.subarray(0, headBytes) };
  }

  async read(key: string): Promise<Uint8Array> {
    const stored = await this.inner.read(key);
    return isSealedKey(key) ? openEvidence(this.key, key, stored) : stored;
  }

  async write(key: string, body: Uint8Array, contentType: string): Promise<void> {
    if (!isSealedKey(key)) return this.inner.write(key, body, contentType);
    await this.inner.write(key, sealEvidence(this.key, key, body), SEALED_CONTENT_TYPE);
  }

  /** Into evidence/ a copy is read, sealed and written: the storage server cannot encrypt on copy. */
  async copy(fromKey: string, toKey: string, contentType: string): Promise<void> {
    if (!isSealedKey(toKey)) return this.inner.copy(fromKey, toKey, contentType);
    await this.write(toKey, await this.read(fromKey), contentType);
  }

  remove(keys: string[]): Promise<void> {
    return this.inner.remove(keys);
  }

  destroyAll(prefix: string): Promise<number> {
    return this.inner.destroyAll(prefix);
  }

  presignDownload(key: string, fileName: string, contentType: string, expiresInSeconds: number): Promise<string> {
    // The link leads to local mode's storage gate, which opens the object with openEvidence.
    return this.inner.presignDownload(key, fileName, contentType, expiresInSeconds);
  }
}
