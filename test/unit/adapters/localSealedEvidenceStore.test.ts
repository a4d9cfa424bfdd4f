// Local mode seals evidence files at rest: what the store below holds under evidence/ is ciphertext bound to its
// object key; uploads under incoming/ pass through as sent.
import { describe, expect, it } from 'vitest';
import { LocalSealedEvidenceStore, isSealedEvidence, openEvidence, sealEvidence } from '#adapters/localSealedEvidenceStore.js';
import type { EvidenceLinks } from '#core/agency/ports.js';
import type { EvidenceStore } from '#core/ports.js';

const KEY = Buffer.alloc(32, 3);

/** A bucket in memory: what it holds is what would be on disk. */
class MemoryBucket implements EvidenceStore, EvidenceLinks {
  readonly objects = new Map<string, { body: Uint8Array; contentType: string }>();
  async presignUpload(key: string) {
    return { url: 'http://storage/bucket', fields: { key } };
  }
  async inspect(key: string, headBytes: number) {
    const found = this.objects.get(key);
    return found ? { size: found.body.length, head: found.body.subarray(0, headBytes) } : null;
  }
  async read(key: string) {
    const found = this.objects.get(key);
    if (!found) throw new Error('NoSuchKey');
    return found.body;
  }
  async write(key: string, body: Uint8Array, contentType: string) {
    this.objects.set(key, { body, contentType });
  }
  async copy(fromKey: string, toKey: string, contentType: string) {
    this.objects.set(toKey, { body: await this.read(fromKey), contentType });
    return { sha256: 'not hashed here' };
  }
  async remove(keys: string[]) {
    for (const key of keys) this.objects.delete(key);
  }
  async destroyAll(prefix: string) {
    const keys = [...this.objects.keys()].filter((key) => key.startsWith(prefix));
    for (const key of keys) this.objects.delete(key);
    return keys.length;
  }
  async presignDownload(key: string) {
    return `http://storage/bucket/${key}?signed`;
  }
}

const photo = Buffer.from('\x89PNG\r\n\x1a\n GPS 37.5665N 126.9780E by Kim', 'latin1');

describe('LocalSealedEvidenceStore', () => {
  it('keeps uploads under incoming/ as sent, and seals what is copied or written under evidence/', async () => {
    const bucket = new MemoryBucket();
    const store = new LocalSealedEvidenceStore(bucket, KEY);
    await bucket.write('incoming/UP1', photo, 'image/png');
    expect(await store.inspect('incoming/UP1', 4)).toEqual({ size: photo.length, head: photo.subarray(0, 4) });

    await store.copy('incoming/UP1', 'evidence/CASE/A', 'image/png');
    await store.write('evidence/CASE/B', photo, 'image/png');
    for (const key of ['evidence/CASE/A', 'evidence/CASE/B']) {
      const held = bucket.objects.get(key)!;
      expect(Buffer.from(held.body).includes(Buffer.from('GPS 37.5665N'))).toBe(false);
      expect(isSealedEvidence(held.body)).toBe(true);
      expect(held.contentType).toBe('application/octet-stream');
      expect(Buffer.from(await store.read(key)).equals(photo)).toBe(true);
    }
    expect(await store.inspect('evidence/CASE/A', 4)).toEqual({ size: photo.length, head: photo.subarray(0, 4) });
    expect(await store.inspect('evidence/CASE/NONE', 4)).toBeNull();
    // Two seals of the same bytes differ (a fresh IV each time).
    expect(Buffer.from(bucket.objects.get('evidence/CASE/A')!.body).equals(bucket.objects.get('evidence/CASE/B')!.body)).toBe(false);
  });

  it('refuses a sealed file moved to another object key, altered, or opened under another key', async () => {
    const sealed = sealEvidence(KEY, 'evidence/CASE/A', photo);
    expect(() => openEvidence(KEY, 'evidence/OTHER/A', sealed)).toThrow();
    expect(() => openEvidence(Buffer.alloc(32, 4), 'evidence/CASE/A', sealed)).toThrow();
    const altered = Buffer.from(sealed);
    altered[20] = altered[20]! ^ 1;
    expect(() => openEvidence(KEY, 'evidence/CASE/A', altered)).toThrow();
    expect(() => openEvidence(KEY, 'evidence/CASE/A', photo)).toThrow(/not sealed/);
    expect(() => new LocalSealedEvidenceStore(new MemoryBucket(), Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it('reads evidence stored before sealing existed as an error, never as plaintext', async () => {
    const bucket = new MemoryBucket();
    await bucket.write('evidence/CASE/OLD', photo, 'image/png');
    await expect(new LocalSealedEvidenceStore(bucket, KEY).read('evidence/CASE/OLD')).rejects.toThrow(/not sealed/);
  });
});
