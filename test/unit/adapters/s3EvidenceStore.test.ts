// Inspecting an upload costs one S3 call: a ranged GET whose Content-Range carries the size.
import { createHash } from 'node:crypto';
import { CopyObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { S3EvidenceStore } from '#adapters/s3EvidenceStore.js';

const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

const client = new S3Client({ region: 'us-east-1' });
const store = new S3EvidenceStore(client, client, 'attachments');
const body = (bytes: Uint8Array) => ({ transformToByteArray: async () => bytes }) as never;
const failure = (name: string, httpStatusCode: number) =>
  new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode }, message: name });

describe('S3EvidenceStore.inspect', () => {
  it('reads only the first bytes, once, and takes the size from Content-Range', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body(new Uint8Array(16).fill(1)), ContentRange: 'bytes 0-15/5000', ContentLength: 16 });
    expect(await store.inspect('incoming/a', 16)).toEqual({ size: 5000, head: new Uint8Array(16).fill(1) });
    expect(s3.calls()).toHaveLength(1);
    expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input).toEqual({ Bucket: 'attachments', Key: 'incoming/a', Range: 'bytes=0-15' });
  });

  it('copes with a server that ignores Range: the whole body is the size, the head is cut', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body(new Uint8Array(40).fill(2)), ContentLength: 40 });
    expect(await store.inspect('incoming/b', 16)).toEqual({ size: 40, head: new Uint8Array(16).fill(2) });
  });

  it('answers null for a missing upload and size 0 for an empty one (416)', async () => {
    s3.on(GetObjectCommand, { Key: 'incoming/missing' }).rejects(failure('NoSuchKey', 404));
    s3.on(GetObjectCommand, { Key: 'incoming/empty' }).rejects(failure('InvalidRange', 416));
    expect(await store.inspect('incoming/missing', 16)).toBeNull();
    expect(await store.inspect('incoming/empty', 16)).toEqual({ size: 0, head: new Uint8Array() });
  });

  it('tells a missing upload from a refusal when S3 answers 403: one listing of the exact key under incoming/', async () => {
    // S3 answers 403 for a missing key to a caller it does not count as allowed to list (the role's ListBucket is
    // limited to incoming/ by an s3:prefix condition).
    s3.on(GetObjectCommand).rejects(failure('AccessDenied', 403));
    s3.on(ListObjectsV2Command, { Prefix: 'incoming/gone' }).resolves({ Contents: [] });
    s3.on(ListObjectsV2Command, { Prefix: 'incoming/there' }).resolves({ Contents: [{ Key: 'incoming/there' }] });
    s3.on(ListObjectsV2Command, { Prefix: 'incoming/th' }).resolves({ Contents: [{ Key: 'incoming/there' }] });
    expect(await store.inspect('incoming/gone', 16)).toBeNull();
    expect(s3.commandCalls(ListObjectsV2Command)[0]!.args[0].input).toEqual({ Bucket: 'attachments', Prefix: 'incoming/gone', MaxKeys: 1 });
    // The object is there and still refused: a real denial, an outage (503), never "not uploaded".
    await expect(store.inspect('incoming/there', 16)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    // A longer key under the prefix is not the key.
    expect(await store.inspect('incoming/th', 16)).toBeNull();
  });

  it('does not list the bucket when the GET answers (found, 404 or 416)', async () => {
    s3.on(GetObjectCommand, { Key: 'incoming/missing' }).rejects(failure('NoSuchKey', 404));
    s3.on(GetObjectCommand, { Key: 'incoming/a' }).resolves({ Body: body(new Uint8Array(4)), ContentRange: 'bytes 0-3/4' });
    await store.inspect('incoming/missing', 16);
    await store.inspect('incoming/a', 16);
    expect(s3.commandCalls(ListObjectsV2Command)).toHaveLength(0);
  });

  it('turns any other S3 failure into a typed 503', async () => {
    s3.on(GetObjectCommand).rejects(failure('SlowDown', 503));
    await expect(store.inspect('incoming/c', 16)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe('S3EvidenceStore.copy', () => {
  it('asks S3 for the copy’s SHA-256 and answers it in hex, without reading the file', async () => {
    const digest = createHash('sha256').update('evidence').digest();
    s3.on(CopyObjectCommand).resolves({ CopyObjectResult: { ChecksumSHA256: digest.toString('base64') } });
    expect(await store.copy('incoming/a', 'evidence/C/a', 'application/pdf')).toEqual({ sha256: digest.toString('hex') });
    expect(s3.commandCalls(CopyObjectCommand)[0]!.args[0].input).toMatchObject({
      ChecksumAlgorithm: 'SHA256',
      MetadataDirective: 'REPLACE',
    });
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it('hashes the source itself when the store computes no checksum', async () => {
    s3.on(CopyObjectCommand).resolves({ CopyObjectResult: {} });
    s3.on(GetObjectCommand, { Key: 'incoming/a' }).resolves({ Body: body(new TextEncoder().encode('evidence')) });
    expect(await store.copy('incoming/a', 'evidence/C/a', 'application/pdf')).toEqual({
      sha256: createHash('sha256').update('evidence').digest('hex'),
    });
  });
});
