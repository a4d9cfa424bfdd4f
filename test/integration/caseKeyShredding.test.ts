// Crypto-shredding through the local runtime (docs/crypto-shredding.md): a copy of a case's items and of its evidence
// object, taken before its key is shredded, cannot be opened afterwards, not even with every other key file of the
// data dir; another case's copy still opens, and the portal still tracks that case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseKeyMissing, CaseKeySealer } from '#adapters/caseKeySealer.js';
import { casePk } from '#adapters/dynamoCaseStore.js';
import { LocalCaseKeyStore } from '#adapters/localCaseKeyStore.js';
import { LocalKeySealer } from '#adapters/localKeySealer.js';
import { openEvidence } from '#adapters/localSealedEvidenceStore.js';
import { createDocumentClient, createS3Client } from '#composition/awsClients.js';
import { type TestPortal, aReport, proposedCode, startTestPortal, uploadFile } from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const secretFile = (name: string) => Buffer.from(readFileSync(join(portal.dataDir, 'secrets', name), 'utf8').trim(), 'base64');
/** The portal's own key store and sealer, as its handlers build them (functions/composition/portalDeps.ts). */
const portalKeys = () => {
  const caseTextKey = new LocalKeySealer(secretFile('encryption.key'));
  const caseKeys = new LocalCaseKeyStore(join(portal.dataDir, 'secrets', 'case-keys'), caseTextKey);
  return { caseKeys, sealer: new CaseKeySealer(caseKeys, caseTextKey) };
};

/** Every item of the case as an export or a restored backup would hold it. */
async function copyOfItems(caseId: string): Promise<Record<string, any>[]> {
  const table = createDocumentClient('us-east-1', process.env.DYNAMODB_ENDPOINT);
  const out = await table.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': casePk(caseId) },
    }),
  );
  return structuredClone(out.Items ?? []);
}

async function copyOfObject(key: string): Promise<Uint8Array> {
  const s3 = createS3Client('us-east-1', process.env.S3_ENDPOINT);
  return (await s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET_NAME, Key: key }))).Body!.transformToByteArray();
}

describe('a case whose key is shredded', () => {
  const evidence = Buffer.from('%PDF-1.4\nReceipt for 5,000,000 won, signed by the permit officer.\n%%EOF\n');
  const shredded = { caseId: '', code: '' };
  const kept = { caseId: '', code: '' };
  let itemsBefore: Record<string, any>[] = [];
  let keptItems: Record<string, any>[] = [];
  let objectKey = '';
  let objectBefore: Uint8Array = new Uint8Array();

  it('files two cases, one with evidence and a contact, and copies them before the shred', async () => {
    const uploadId = await uploadFile(portal, { name: 'receipt.pdf', contentType: 'application/pdf', bytes: evidence });
    shredded.code = proposedCode();
    const filed = await portal.api(
      'POST',
      '/reports',
      aReport({
        trackingCode: shredded.code,
        uploadIds: [uploadId],
        anonymity: 'confidential',
        contact: { name: 'Kim Minji', email: 'minji@example.org' },
      }),
    );
    expect(filed.status, filed.text).toBe(201);
    shredded.caseId = filed.body.caseId;
    kept.code = proposedCode();
    const other = await portal.api('POST', '/reports', aReport({ trackingCode: kept.code, title: 'Another case' }));
    expect(other.status).toBe(201);
    kept.caseId = other.body.caseId;

    itemsBefore = await copyOfItems(shredded.caseId);
    keptItems = await copyOfItems(kept.caseId);
    const attachment = itemsBefore.find((i) => i.kind === 'attachment')!;
    objectKey = attachment.key;
    objectBefore = await copyOfObject(objectKey);
    // Before the shred the copy opens: the test below would pass for the wrong reason otherwise.
    const { sealer } = portalKeys();
    const record = itemsBefore.find((i) => i.sealedReport)!;
    expect(record.sealedReport).toMatch(/^c1:/);
    expect(JSON.parse(await sealer.open(record.sealedReport, shredded.caseId)).title).toBe('Permit officer asked for cash');
    expect(await sealer.open(attachment.sealedName, shredded.caseId)).toBe('receipt.pdf');
  });

  it('cannot open the copy of its items or of its evidence after the shred, with any key the data dir holds', async () => {
    const { caseKeys, sealer } = portalKeys();
    await caseKeys.shred(shredded.caseId);

    const sealedFields = itemsBefore.flatMap((i) => [i.sealedReport, i.sealedContact, i.sealedName, i.sealedBody, i.sealedPublicNote]);
    const sealed = sealedFields.filter((v): v is string => typeof v === 'string');
    expect(sealed.length).toBeGreaterThanOrEqual(3);
    for (const value of sealed) await expect(sealer.open(value, shredded.caseId)).rejects.toBeInstanceOf(CaseKeyMissing);
    // Nor does any other secret of the data dir open a case-key ciphertext or the evidence.
    for (const name of ['encryption.key', 'evidence.key', 'pepper', 'audit-mac.key']) {
      const legacy = new LocalKeySealer(secretFile(name));
      for (const value of sealed) await expect(legacy.open(value, shredded.caseId)).rejects.toThrow();
      expect(() => openEvidence(secretFile(name), objectKey, objectBefore)).toThrow();
    }
    expect(Buffer.from(objectBefore).includes(Buffer.from('permit officer'))).toBe(false);
  });

  it('leaves another case readable, in its copy and through the portal', async () => {
    const { sealer } = portalKeys();
    const record = keptItems.find((i) => i.sealedReport)!;
    expect(JSON.parse(await sealer.open(record.sealedReport, kept.caseId)).title).toBe('Another case');
    const tracked = await portal.api('POST', '/track', { trackingCode: kept.code });
    expect(tracked.status).toBe(200);
    expect(tracked.body.report.title).toBe('Another case');
  });
});
