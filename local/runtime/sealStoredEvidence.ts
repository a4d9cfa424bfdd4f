// Evidence stored by a portal from before evidence was sealed at rest is sealed once, at the first start that knows
// how: afterwards every download opens it like the rest. A marker file under secrets/ says it was done.
import { existsSync, writeFileSync } from 'node:fs';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { LocalSealedEvidenceStore, isSealedEvidence } from '#adapters/localSealedEvidenceStore.js';
import { S3EvidenceStore } from '#adapters/s3EvidenceStore.js';

/** Enough of an object to tell sealed bytes (magic, IV and tag) from anything else. */
const HEAD_BYTES = 32;

/** Seals every evidence object still in plaintext; returns how many were. Does nothing once the marker exists. */
export async function sealStoredEvidence(client: S3Client, bucket: string, evidenceKey: Buffer, markerFile: string): Promise<number> {
  if (existsSync(markerFile)) return 0;
  const plain = new S3EvidenceStore(client, client, bucket, { versioned: false });
  const sealed = new LocalSealedEvidenceStore(plain, evidenceKey);
  let count = 0;
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'evidence/', ContinuationToken: token }));
    for (const { Key } of page.Contents ?? []) {
      const found = Key ? await plain.inspect(Key, HEAD_BYTES) : null;
      if (!Key || !found || isSealedEvidence(found.head)) continue;
      await sealed.write(Key, await plain.read(Key), 'application/octet-stream');
      count += 1;
    }
    token = page.NextContinuationToken;
  } while (token);
  writeFileSync(markerFile, 'Evidence under evidence/ is sealed with evidence.key (local/runtime/sealStoredEvidence.ts).\n', {
    mode: 0o600,
  });
  return count;
}
