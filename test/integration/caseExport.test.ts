// The signed case export, end to end through the local runtime (docs/case-export.md): a supervisor exports a case
// with evidence and messages, downloads the ZIP through its five-minute link, and the bundle verifies against the
// published key set, in code and with `npm run export:verify`; a changed file, a dropped file or another key's
// signature fail. The export is in the case's audit by the exporting user; a handler gets 403, another organization
// 404. The ZIP is sealed at rest like evidence, and never carries the reporter's contact details.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalReceiptSigner } from '#adapters/localReceiptSigner.js';
import { createS3Client } from '#composition/awsClients.js';
import { MANIFEST_PATH, SIGNATURE_PATH } from '#core/caseExport/manifest.js';
import { sha256Hex, signCompactJws } from '#core/filingReceipt.js';
import { caseExportResponse, EXPORT_SIGNATURE_TYPE } from '#schemas/caseExport.js';
import { type ReceiptKeySet, receiptKeySet } from '#schemas/receipt.js';
import { verifyCaseBundle } from '#local/cli/exportVerifyCommand.js';
import { childEnvironment } from '../support/testWorld.js';
import { pngWithText } from './support/fixtures.js';
import { type TestPortal, aReport, bearer, signIn, startTestPortal, uploadFile } from './support/testPortal.js';

let portal: TestPortal;
const scratch = mkdtempSync(join(tmpdir(), 'clean-portal-export-'));
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const CONTACT = { name: 'Kim Reporter', email: 'kim.reporter@example.org', phone: '010-1234-5678' };

async function exportVerify(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [resolve('node_modules/tsx/dist/cli.mjs'), 'local/cli/exportVerify.ts', ...args],
      { env: childEnvironment({ NO_COLOR: '1' }) },
    );
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the case export', { timeout: 90_000 }, () => {
  let caseId: string;
  let organizationId: string;
  let supervisor: string;
  let zip: Uint8Array;
  let files: Record<string, Uint8Array>;
  let keys: ReceiptKeySet;
  let keysFile: string;
  let exportId: string;

  beforeAll(async () => {
    const uploadId = await uploadFile(portal, { name: 'ledger.png', contentType: 'image/png', bytes: pngWithText('ledger') });
    const filed = await portal.api('POST', '/reports', aReport({ uploadIds: [uploadId], anonymity: 'confidential', contact: CONTACT }));
    expect(filed.status).toBe(201);
    caseId = filed.body.caseId;
    organizationId = filed.body.organization.id;
    const handler = await signIn(portal, `handler@${organizationId}`);
    const sent = await portal.api('POST', `/cases/${caseId}/messages`, { body: 'Which office was it?' }, bearer(handler));
    expect(sent.status).toBe(201);
    const reply = await portal.api('POST', '/track/messages', { trackingCode: filed.body.trackingCode, body: 'The Sejong office.' });
    expect(reply.status).toBe(201);

    supervisor = await signIn(portal, `supervisor@${organizationId}`);
    const answer = await portal.api('POST', `/cases/${caseId}/export`, undefined, bearer(supervisor));
    expect(answer.status, answer.text).toBe(200);
    const exported = caseExportResponse.parse(answer.body);
    exportId = exported.exportId;
    expect(Date.parse(exported.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const download = await fetch(exported.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${exported.fileName}`);
    zip = new Uint8Array(await download.arrayBuffer());
    files = unzipSync(zip);
    expect(sha256Hex(files[MANIFEST_PATH]!)).toBe(exported.manifestSha256);
    const published = await portal.api('GET', '/receipts/keys');
    keys = receiptKeySet.parse(published.body);
    keysFile = join(scratch, 'published-keys.json');
    writeFileSync(keysFile, published.text);
  });

  it('holds the case, its messages, the audit chain and the evidence, and verifies against the published keys', async () => {
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['case.json', 'timeline.json', 'messages.json', 'notes.json', 'audit.json', 'keys.json', 'README.txt']),
    );
    expect(Object.keys(files).filter((p) => p.startsWith('evidence/'))).toEqual(['evidence/1-ledger.png']);
    const messages = JSON.parse(new TextDecoder().decode(files['messages.json']));
    expect(messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
      ['agency', 'Which office was it?'],
      ['whistleblower', 'The Sejong office.'],
    ]);
    const record = JSON.parse(new TextDecoder().decode(files['case.json']));
    expect(record).toMatchObject({ caseId, reporter: { anonymity: 'confidential' }, auditVerifiedAtExport: true });
    expect(record.evidence[0].sha256).toBe(sha256Hex(files['evidence/1-ledger.png']!));
    for (const bytes of Object.values(files)) {
      const text = Buffer.from(bytes).toString('utf8');
      for (const detail of Object.values(CONTACT)) expect(text).not.toContain(detail);
    }
    expect(JSON.parse(new TextDecoder().decode(files['keys.json']))).toEqual(keys);

    expect(await verifyCaseBundle(zip, keys)).toMatchObject({ valid: true, problems: [], caseId, exportId, keyId: keys.keys[0]!.kid });
  });

  it('fails when one file’s bytes change, when a file is dropped, or when another key signed it', async () => {
    const evidence = files['evidence/1-ledger.png']!.slice();
    evidence[20] = evidence[20]! ^ 0xff;
    const changed = { ...files, 'evidence/1-ledger.png': evidence };
    expect(await verifyCaseBundle(zipSync(changed), keys)).toMatchObject({
      valid: false,
      problems: ['evidence/1-ledger.png does not match its SHA-256 in the manifest (changed after export)'],
    });

    const { 'notes.json': _dropped, ...rest } = files;
    expect(await verifyCaseBundle(zipSync(rest), keys)).toMatchObject({
      valid: false,
      problems: ['notes.json is listed in the manifest but missing from the bundle'],
    });

    // The same manifest, signed by a forger's key and carrying the forger's keys.json.
    const forgerKeyFile = join(scratch, 'forger.jwk');
    const forger = new LocalReceiptSigner(forgerKeyFile);
    const forged = {
      ...files,
      [SIGNATURE_PATH]: strToU8(await signCompactJws(forger, EXPORT_SIGNATURE_TYPE, files[MANIFEST_PATH]!)),
    };
    expect(await verifyCaseBundle(zipSync(forged), keys)).toMatchObject({
      valid: false,
      problems: ['no key in the key set signed the manifest (another portal, or a forgery)'],
    });
  });

  it('verifies with npm run export:verify, and fails it for a changed file', async () => {
    const bundle = join(scratch, 'bundle.zip');
    writeFileSync(bundle, zip);
    const ok = await exportVerify(bundle, '--keys', keysFile);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^VALID: \d+ files match the manifest, and the manifest is signed by key /);

    const withBundledKeys = await exportVerify(bundle);
    expect(withBundledKeys.status).toBe(0);
    expect(withBundledKeys.stderr).toMatch(/WARNING: checked against the bundle's own keys\.json/);

    const changed = { ...files, 'case.json': strToU8('{"caseId":"changed"}\n') };
    const tampered = join(scratch, 'tampered.zip');
    writeFileSync(tampered, zipSync(changed));
    const failed = await exportVerify(tampered, '--keys', keysFile);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/NOT VALID/);
    expect(failed.stderr).toMatch(/case\.json has \d+ bytes; the manifest says \d+/);

    const notZip = join(scratch, 'not.zip');
    writeFileSync(notZip, 'hello');
    expect((await exportVerify(notZip, '--keys', keysFile)).status).toBe(1);
  });

  it('is in the case’s audit trail, by the exporting user, and the stored ZIP is sealed at rest', async () => {
    const detail = await portal.api('GET', `/cases/${caseId}`, undefined, bearer(supervisor));
    expect(detail.status).toBe(200);
    const exported = detail.body.audit.filter((e: { action: string }) => e.action === 'case.exported');
    expect(exported).toEqual([expect.objectContaining({ actor: `supervisor@${organizationId}`, details: { exportId } })]);
    expect(detail.body.auditVerified).toBe(true);

    const client = createS3Client('us-east-1', process.env.S3_ENDPOINT);
    const stored = await client.send(new GetObjectCommand({ Bucket: process.env.BUCKET_NAME!, Key: `exports/${caseId}/${exportId}.zip` }));
    const bytes = Buffer.from(await stored.Body!.transformToByteArray());
    expect(bytes.subarray(0, 4).toString()).toBe('CPE2');
    expect(bytes.includes(Buffer.from('case.json'))).toBe(false);
  });

  it('answers a handler 403 and another organization 404, in the contract’s error shape', async () => {
    const handler = await signIn(portal, `handler@${organizationId}`);
    const refused = await portal.api('POST', `/cases/${caseId}/export`, undefined, bearer(handler));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');

    const other = organizationId === 'kr-moef' ? 'kr-molit' : 'kr-moef';
    const stranger = await signIn(portal, `supervisor@${other}`);
    const hidden = await portal.api('POST', `/cases/${caseId}/export`, undefined, bearer(stranger));
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');

    const anonymous = await portal.api('POST', `/cases/${caseId}/export`);
    expect(anonymous.status).toBe(401);
  });
});
