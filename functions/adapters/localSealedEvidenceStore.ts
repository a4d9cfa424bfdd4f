// Local mode's evidence at rest (as the deployed bucket encrypts it under its own KMS key): every object under
// evidence/ is AES-256-GCM sealed under a key file of its own, with the object key as additional data, so a file
// copied to another key or case fails to open. Uploads under incoming/ stay as sent: they live minutes, and the
// intake must read their first bytes to check the type.
// Given the case keys (docs/crypto-shredding.md), new evidence is sealed under its case's own key instead (`CPE2`),
// so shredding that key leaves every copy of the object unopenable; `CPE1` objects still open under the key file.
// Case exports (exports/<caseId>/…, docs/case-export.md) hold the case's text in the clear inside their ZIP: they are
// sealed the same way, under their case's key.
import { EXPORT_PREFIX } from '#contract/exportPath.js';
import { sha256Hex } from '#core/filingReceipt.js';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EvidenceLinks } from '#core/agency/ports.js';
import type { CaseKeys, EvidenceStore, PresignedPost } from '#core/ports.js';

const MAGIC = Buffer.from('CPE1');
/** Sealed under the case's own key. */
const CASE_KEY_MAGIC = Buffer.from('CPE2');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED_PREFIXES = ['evidence/', EXPORT_PREFIX];
/** The sealed bytes are not of the declared type; the download link names the type instead. */
const SEALED_CONTENT_TYPE = 'application/octet-stream';

const sealedPrefixOf = (key: string) => SEALED_PREFIXES.find((prefix) => key.startsWith(prefix));
const isSealedKey = (key: string) => sealedPrefixOf(key) !== undefined;

/** `CPE1 | iv | ciphertext | tag` (`CPE2` under a case key), bound to `objectKey`. */
export function sealEvidence(key: Uint8Array, objectKey: string, plaintext: Uint8Array, magic: Buffer = MAGIC): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(objectKey));
  return Buffer.concat([magic, iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Throws when the bytes are not sealed, were sealed for another object key or under another key, or were altered. */
export function openEvidence(key: Uint8Array, objectKey: string, sealed: Uint8Array): Uint8Array {
  const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (!isSealedEvidence(data)) throw new Error('not sealed evidence');
  const iv = data.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(objectKey));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(MAGIC.length + IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
}

export function isSealedEvidence(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length + IV_BYTES + TAG_BYTES) return false;
  const magic = Buffer.from(bytes.subarray(0, MAGIC.length));
  return magic.equals(MAGIC) || magic.equals(CASE_KEY_MAGIC);
}

const isCaseKeySealed = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, CASE_KEY_MAGIC.length)).equals(CASE_KEY_MAGIC);

/** `evidence/<caseId>/<id>` (and `exports/<caseId>/<exportId>.zip`) names its case. */
function caseIdOf(objectKey: string): string {
  const caseId = objectKey.slice(sealedPrefixOf(objectKey)?.length ?? 0).split('/')[0];
  if (!caseId) throw new Error('an evidence key names no case');
  return caseId;
}

export class LocalSealedEvidenceStore implements EvidenceStore, EvidenceLinks {
  constructor(
    private readonly inner: EvidenceStore & EvidenceLinks,
    private readonly key: Buffer,
    /** Absent only where old evidence is being sealed under the key file (sealStoredEvidence.ts). */
    private readonly caseKeys?: CaseKeys,
  ) {
    if (key.length !== 32) throw new Error('the local evidence key must be 32 bytes');
  }

  private async openStored(objectKey: string, stored: Uint8Array): Promise<Uint8Array> {
    if (!isCaseKeySealed(stored) || !this.caseKeys) return openEvidence(this.key, objectKey, stored);
    const caseKey = await this.caseKeys.find(caseIdOf(objectKey));
    if (!caseKey) throw new Error("this evidence's case has no key: it cannot be opened");
    return openEvidence(caseKey, objectKey, stored);
  }

  presignUpload(key: string, size: number, contentType: string, expiresInSeconds: number): Promise<PresignedPost> {
    return this.inner.presignUpload(key, size, contentType, expiresInSeconds);
  }

  async inspect(key: string, headBytes: number): Promise<{ size: number; head: Uint8Array } | null> {
    if (!isSealedKey(key)) return this.inner.inspect(key, headBytes);
    // Only uploads are inspected in practice; evidence has to be opened whole to know its size.
    const found = await this.inner.inspect(key, Number.MAX_SAFE_INTEGER);
    if (!found) return null;
    const plain = await this.openStored(key, found.head);
    return { size: plain.length, head: plain.subarray(0, headBytes) };
  }

  async read(key: string): Promise<Uint8Array> {
    const stored = await this.inner.read(key);
    return isSealedKey(key) ? this.openStored(key, stored) : stored;
  }

  async write(key: string, body: Uint8Array, contentType: string): Promise<void> {
    if (!isSealedKey(key)) return this.inner.write(key, body, contentType);
    const sealed = this.caseKeys
      ? sealEvidence(await this.caseKeys.keyFor(caseIdOf(key)), key, body, CASE_KEY_MAGIC)
      : sealEvidence(this.key, key, body);
    await this.inner.write(key, sealed, SEALED_CONTENT_TYPE);
  }

  /** Into evidence/ a copy is read, sealed and written: the storage server cannot encrypt on copy. */
  async copy(fromKey: string, toKey: string, contentType: string): Promise<{ sha256: string }> {
    if (!isSealedKey(toKey)) return this.inner.copy(fromKey, toKey, contentType);
    const body = await this.read(fromKey);
    await this.write(toKey, body, contentType);
    return { sha256: sha256Hex(body) };
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
