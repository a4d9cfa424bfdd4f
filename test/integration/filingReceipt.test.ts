// The signed proof of filing, end to end through the local runtime: file with evidence and an authorship
// commitment, save the receipt, verify it with the published key set (GET /api/receipts/keys) in code and with
// `npm run receipt:verify`; one changed byte, another key, or a forged authorship secret fail.
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalReceiptSigner } from '#adapters/localReceiptSigner.js';
import { authorCommitmentOf, newAuthorshipSecret, verifyReceipt } from '#contract/filingReceiptCheck.js';
import { signFilingReceipt } from '#core/filingReceipt.js';
import { RECEIPT_TYPE, filingReceiptClaims, receiptKeySet, parseFilingReceiptClaims } from '#schemas/receipt.js';
import { childEnvironment } from '../support/testWorld.js';
import { pngWithText } from './support/fixtures.js';
import { type TestPortal, aReport, proposedCode, startTestPortal, uploadFile } from './support/testPortal.js';

let portal: TestPortal;
const scratch = mkdtempSync(join(tmpdir(), 'clean-portal-receipt-'));
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

async function receiptVerify(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [resolve('node_modules/tsx/dist/cli.mjs'), 'local/cli/receiptVerify.ts', ...args],
      { env: childEnvironment({ NO_COLOR: '1' }) },
    );
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the filing receipt', { timeout: 60_000 }, () => {
  let receipt: string;
  let secret: string;
  let keysFile: string;

  beforeAll(async () => {
    secret = newAuthorshipSecret();
    const uploadId = await uploadFile(portal, { name: 'ledger.png', contentType: 'image/png', bytes: pngWithText('ledger') });
    const filed = await portal.api(
      'POST',
      '/reports',
      aReport({ uploadIds: [uploadId], trackingCode: proposedCode(), authorCommitment: await authorCommitmentOf(secret) }),
    );
    expect(filed.status).toBe(201);
    receipt = filed.body.receipt;
    const keys = await portal.api('GET', '/receipts/keys');
    expect(keys.status).toBe(200);
    keysFile = join(scratch, 'keys.json');
    writeFileSync(keysFile, keys.text);
  });

  it('publishes one P-256 key and signs receipts that verify against it, with the evidence digest', async () => {
    const keys = receiptKeySet.parse((await portal.api('GET', '/receipts/keys')).body);
    expect(keys.keys).toHaveLength(1);
    const verdict = await verifyReceipt({ receipt, authorshipSecret: secret }, keys, parseFilingReceiptClaims);
    expect(verdict).toMatchObject({
      valid: true,
      authorship: 'proved',
      claims: { evidenceSha256: [expect.stringMatching(/^[0-9a-f]{64}$/)] },
    });
  });

  it('verifies the saved file with npm run receipt:verify, authorship included', async () => {
    const file = join(scratch, 'receipt.json');
    writeFileSync(file, JSON.stringify({ type: RECEIPT_TYPE, receipt, authorshipSecret: secret }));
    const result = await receiptVerify(file, '--keys', keysFile);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^VALID: signed by key /);
    expect(result.stdout).toMatch(/authorship: PROVED/);
  });

  it('fails the command with one changed byte, another key, or a forged secret', async () => {
    const changed = join(scratch, 'changed.json');
    const at = receipt.lastIndexOf('.') - 5;
    const tampered = receipt.slice(0, at) + (receipt[at] === 'A' ? 'B' : 'A') + receipt.slice(at + 1);
    writeFileSync(changed, JSON.stringify({ type: RECEIPT_TYPE, receipt: tampered }));
    const tamperedResult = await receiptVerify(changed, '--keys', keysFile);
    expect(tamperedResult.status).toBe(1);
    expect(tamperedResult.stderr).toMatch(/NOT VALID/);

    // A receipt with the same claims, signed by a key of the forger's own.
    const forgerKey = join(scratch, 'forger.jwk');
    writeFileSync(forgerKey, JSON.stringify(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' })));
    const claims = filingReceiptClaims.parse(JSON.parse(Buffer.from(receipt.split('.')[1]!, 'base64url').toString('utf8')));
    const forged = join(scratch, 'forged.json');
    writeFileSync(
      forged,
      JSON.stringify({ type: RECEIPT_TYPE, receipt: await signFilingReceipt(new LocalReceiptSigner(forgerKey), claims) }),
    );
    const forgedResult = await receiptVerify(forged, '--keys', keysFile);
    expect(forgedResult.status).toBe(1);
    expect(forgedResult.stderr).toMatch(/no key in the key set signed it/);

    const claimed = join(scratch, 'claimed.json');
    writeFileSync(claimed, JSON.stringify({ type: RECEIPT_TYPE, receipt, authorshipSecret: newAuthorshipSecret() }));
    const claimedResult = await receiptVerify(claimed, '--keys', keysFile);
    expect(claimedResult.status).toBe(1);
    expect(claimedResult.stderr).toMatch(/authorship: NOT PROVED/);
  });

  it('answers 2 for a file that is not a receipt', async () => {
    const other = join(scratch, 'other.json');
    writeFileSync(other, JSON.stringify({ hello: 'world' }));
    expect((await receiptVerify(other, '--keys', keysFile)).status).toBe(2);
  });
});
