// Invariant 4: a submission fully lands or nothing does; a failed dependency answers 503 and loses nothing.
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '#composition/awsClients.js';
import { type TestPortal, aReport, proposedCode, startTestPortal, uploadFile } from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const networkDown = Object.assign(new Error('connect ECONNREFUSED'), { name: 'TimeoutError' });
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

const evidenceKeys = async () => {
  const listed = await createS3Client('us-east-1', process.env.S3_ENDPOINT).send(
    new ListObjectsV2Command({ Bucket: process.env.BUCKET_NAME!, Prefix: 'evidence/' }),
  );
  return (listed.Contents ?? []).map((o) => o.Key);
};

describe('when the table fails during a submission', () => {
  it('answers 503, keeps no case and no evidence, and the retry lands', async () => {
    const code = proposedCode();
    const uploadId = await uploadFile(portal, { name: 'a.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') });
    const before = await evidenceKeys();

    const table = mockClient(DynamoDBDocumentClient);
    table.on(TransactWriteCommand).rejects(networkDown);
    restore = () => table.restore();

    const failed = await portal.api('POST', '/reports', aReport({ trackingCode: code, uploadIds: [uploadId] }));
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('UNAVAILABLE');
    expect(failed.body.error.message).not.toMatch(/ECONNREFUSED/);
    table.restore();
    restore = undefined;

    expect((await portal.api('POST', '/track', { trackingCode: code })).status).toBe(404);
    expect(await evidenceKeys()).toEqual(before);

    const retried = await portal.api('POST', '/reports', aReport({ trackingCode: code, uploadIds: [uploadId] }));
    expect(retried.status).toBe(201);
    const tracked = await portal.api('POST', '/track', { trackingCode: code });
    expect(tracked.body.attachments).toHaveLength(1);
  });
});

describe('when the attachment store fails', () => {
  it('answers 503 and the report is not half-filed', async () => {
    const code = proposedCode();
    const uploadId = await uploadFile(portal, { name: 'a.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') });
    const storage = mockClient(S3Client);
    storage.rejects(networkDown);
    restore = () => storage.restore();

    const failed = await portal.api('POST', '/reports', aReport({ trackingCode: code, uploadIds: [uploadId] }));
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('UNAVAILABLE');
    storage.restore();
    restore = undefined;
    expect((await portal.api('POST', '/track', { trackingCode: code })).status).toBe(404);
    expect((await portal.api('POST', '/reports', aReport({ trackingCode: code, uploadIds: [uploadId] }))).status).toBe(201);
  });

  it('answers 503 to a track request while the table is down', async () => {
    const table = mockClient(DynamoDBDocumentClient);
    table.rejects(networkDown);
    restore = () => table.restore();
    const answer = await portal.api('POST', '/track', { trackingCode: proposedCode() });
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('UNAVAILABLE');
  });
});
