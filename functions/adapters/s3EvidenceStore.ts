// EvidenceStore over S3. `presigner` may point at a different endpoint than `client` (local mode hands the
// browser a same-origin URL); in AWS both are the same regional client. With `uploadUrl`, the browser is handed that
// portal-relative path instead of the bucket's address (the POST's signature covers its policy, not the host).
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { EvidenceLinks } from '#core/agency/ports.js';
import type { EvidenceStore, PresignedPost } from '#core/ports.js';
import { sha256Hex } from '#core/filingReceipt.js';
import { guarded } from './dependencyFailure.js';

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

const isAccessDenied = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'AccessDenied' || e.$metadata?.httpStatusCode === 403;
};

const isEmptyRange = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'InvalidRange' || e.$metadata?.httpStatusCode === 416;
};

export class S3EvidenceStore implements EvidenceStore, EvidenceLinks {
  constructor(
    private readonly client: S3Client,
    private readonly presigner: S3Client,
    private readonly bucket: string,
    private readonly options: {
      uploadUrl?: string;
      /**
       * Whether the bucket keeps versions (deployed it does): deleting its objects then means deleting every version
       * and delete marker, or the evidence would survive as a noncurrent version. The local storage server keeps none.
       */
      versioned?: boolean;
    } = {},
  ) {}

  presignUpload(key: string, size: number, contentType: string, expiresInSeconds: number): Promise<PresignedPost> {
    return guarded('attachment store', async () => {
      const post = await createPresignedPost(this.presigner, {
        Bucket: this.bucket,
        Key: key,
        Conditions: [
          ['content-length-range', size, size],
          ['eq', '$Content-Type', contentType],
        ],
        Fields: { 'Content-Type': contentType },
        Expires: expiresInSeconds,
      });
      return this.options.uploadUrl ? { ...post, url: this.options.uploadUrl } : post;
    });
  }

  /**
   * One ranged GET: its Content-Range (`bytes 0-N/<size>`) carries the object's size, so no HEAD is needed.
   * An empty object has no byte 0 and answers 416; a refused GET is followed by one listing of the key.
   */
  async inspect(key: string, headBytes: number): Promise<{ size: number; head: Uint8Array } | null> {
    return guarded('attachment store', async () => {
      try {
        const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${headBytes - 1}` }));
        const head = await object.Body!.transformToByteArray();
        const total = /\/(\d+)$/.exec(object.ContentRange ?? '')?.[1];
        // A server that ignores Range sends the whole object, and its length is the size.
        const size = total !== undefined ? Number(total) : (object.ContentLength ?? head.length);
        return { size, head: head.subarray(0, headBytes) };
      } catch (error) {
        if (isNotFound(error)) return null;
        if (isEmptyRange(error)) return { size: 0, head: new Uint8Array() };
        // S3 answers a missing key with 403 unless it counts the caller as allowed to list the bucket, and the role
        // may list incoming/ only (an s3:prefix condition, lib/api.ts): a listing of the exact key tells a missing
        // upload (a 400 to the citizen) from a real refusal (an outage).
        if (isAccessDenied(error) && !(await this.listed(key))) return null;
        throw error;
      }
    });
  }

  /** Whether the key is in the bucket, by a listing of that key alone. */
  private async listed(key: string): Promise<boolean> {
    const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: key, MaxKeys: 1 }));
    return (page.Contents ?? []).some((object) => object.Key === key);
  }

  read(key: string): Promise<Uint8Array> {
    return guarded('attachment store', async () => {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return object.Body!.transformToByteArray();
    });
  }

  async write(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await guarded('attachment store', () =>
      this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType })),
    );
  }

  async copy(fromKey: string, toKey: string, contentType: string): Promise<{ sha256: string }> {
    const { CopyObjectResult } = await guarded('attachment store', () =>
      this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: toKey,
          CopySource: `${this.bucket}/${fromKey}`,
          ContentType: contentType,
          // Drop whatever metadata the uploader attached.
          MetadataDirective: 'REPLACE',
          // S3 computes the copy's SHA-256 as it writes it: the receipt signs it without reading the file again.
          ChecksumAlgorithm: 'SHA256',
        }),
      ),
    );
    const checksum = CopyObjectResult?.ChecksumSHA256;
    // A store that computes no checksum (an S3-compatible server) has the source read and hashed instead: the
    // role reads incoming/, never evidence/.
    if (checksum && !checksum.includes('-')) return { sha256: Buffer.from(checksum, 'base64').toString('hex') };
    return { sha256: sha256Hex(await this.read(fromKey)) };
  }

  async remove(keys: string[]): Promise<void> {
    await Promise.allSettled(keys.map((Key) => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }))));
  }

  async destroyAll(prefix: string): Promise<number> {
    const targets: { Key: string; VersionId?: string }[] =
      (this.options.versioned ?? true) ? await this.versionsUnder(prefix) : await this.objectsUnder(prefix);
    // One request per version, not DeleteObjects: a case holds a handful of files, and a failure names its object.
    for (const { Key, VersionId } of targets) {
      await guarded('attachment store', () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key, VersionId })));
    }
    return targets.length;
  }

  private async versionsUnder(prefix: string): Promise<{ Key: string; VersionId?: string }[]> {
    const found: { Key: string; VersionId?: string }[] = [];
    let KeyMarker: string | undefined;
    let VersionIdMarker: string | undefined;
    do {
      const page = await guarded('attachment store', () =>
        this.client.send(new ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: prefix, KeyMarker, VersionIdMarker })),
      );
      for (const v of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])])
        if (v.Key) found.push({ Key: v.Key, VersionId: v.VersionId });
      KeyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      VersionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (KeyMarker);
    return found;
  }

  private async objectsUnder(prefix: string): Promise<{ Key: string }[]> {
    const found: { Key: string }[] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await guarded('attachment store', () =>
        this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken })),
      );
      for (const o of page.Contents ?? []) if (o.Key) found.push({ Key: o.Key });
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return found;
  }

  presignDownload(key: string, fileName: string, contentType: string, expiresInSeconds: number): Promise<string> {
    // Always a download under the file's own name, never rendered inline: evidence may be hostile.
    const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
    return guarded('attachment store', () =>
      getSignedUrl(
        this.presigner,
        new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentDisposition: disposition, ResponseContentType: contentType }),
        { expiresIn: expiresInSeconds },
      ),
    );
  }
}
