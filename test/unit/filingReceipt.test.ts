import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import * as fc from 'fast-check';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { derToJose } from '#adapters/kmsReceiptSigner.js';
import { authorCommitmentOf, newAuthorshipSecret, verifyReceipt } from '#contract/filingReceiptCheck.js';
import { sha256Hex } from '#core/filingReceipt.js';
import { submitReport } from '#core/submitReport.js';
import { trackCase } from '#core/trackCase.js';
import { filingReceiptClaims, parseFilingReceiptClaims } from '#schemas/receipt.js';
import { PDF_BYTES, jpegWithMetadata, krIndex, reportRequest } from './support/fixtures.js';
import { type MemoryReceiptSigner, TEST_NOW, memoryDeps } from './support/memoryPorts.js';
import { uploadOne } from './support/uploads.js';

const index = krIndex();

/** Changes one character of the receipt at `at` (to another base64url character). */
function changeOneByte(receipt: string, at: number): string {
  const swapped = receipt[at] === 'A' ? 'B' : 'A';
  return receipt.slice(0, at) + swapped + receipt.slice(at + 1);
}

async function filed(options: { authorCommitment?: string } = {}) {
  const deps = memoryDeps(index);
  const pdf = await uploadOne(deps, { name: 'contract.pdf', contentType: 'application/pdf', body: PDF_BYTES });
  const photo = await uploadOne(deps, { name: 'photo.jpg', contentType: 'image/jpeg', body: jpegWithMetadata() });
  const { body } = await submitReport(deps, reportRequest({ uploadIds: [pdf.uploadId, photo.uploadId], ...options }));
  return { deps, body, keys: await (deps.receipts as MemoryReceiptSigner).keySet() };
}

describe('the filing receipt', () => {
  it('is a compact JWS (ES256, kid) that a standard JOSE library verifies with the published key set', async () => {
    const { body, keys } = await filed();
    const receipt = body.receipt!;
    expect(decodeProtectedHeader(receipt)).toEqual({ alg: 'ES256', kid: keys.keys[0]!.kid, typ: 'JWT' });
    const { payload } = await compactVerify(receipt, createLocalJWKSet(keys));
    const claims = filingReceiptClaims.parse(JSON.parse(new TextDecoder().decode(payload)));
    expect(claims).toMatchObject({ caseId: body.caseId, filedAt: TEST_NOW, organizationId: 'kr-acrc', category: 'corruption' });
  });

  it('signs the SHA-256 of the sealed report and of each evidence file as the portal keeps it', async () => {
    const { deps, body, keys } = await filed();
    const verdict = await verifyReceipt({ receipt: body.receipt! }, keys, parseFilingReceiptClaims);
    if (!verdict.valid) throw new Error(verdict.problem);
    const file = deps.store.files.get(body.caseId)!;
    expect(verdict.claims.reportSha256).toBe(sha256Hex(file.case.sealedReport));
    const kept = await Promise.all(file.attachments.map(async (a) => sha256Hex(await deps.evidence.read(a.key))));
    expect(verdict.claims.evidenceSha256).toEqual(kept);
    expect(kept).toHaveLength(2);
    // The photo as kept has lost its metadata: its digest is of what the agency receives, not of what was sent.
    expect(kept[1]).not.toBe(sha256Hex(jpegWithMetadata()));
  });

  it('names nothing of the reporter: no contact, no text, only digests', async () => {
    const deps = memoryDeps(index);
    const { body } = await submitReport(
      deps,
      reportRequest({ anonymity: 'confidential', contact: { name: '김민준', email: 'minjun@example.kr' }, title: 'Kickbacks at the port' }),
    );
    const payload = Buffer.from(body.receipt!.split('.')[1]!, 'base64url').toString('utf8');
    expect(payload).not.toMatch(/김민준|minjun|Kickbacks/);
    expect(Object.keys(JSON.parse(payload)).sort()).toEqual(
      ['caseId', 'category', 'evidenceSha256', 'filedAt', 'organizationId', 'reportSha256', 'typ'].sort(),
    );
  });

  it('is stored with the case: a retry and the status page answer the stored receipt', async () => {
    const deps = memoryDeps(index);
    const request = reportRequest({ trackingCode: '7K3M-Q9TZ-X2B4-RW8D' });
    const first = await submitReport(deps, request);
    const retry = await submitReport(deps, request);
    expect(retry.created).toBe(false);
    expect(retry.body.receipt).toBe(first.body.receipt);
    expect((await trackCase(deps, '7K3M-Q9TZ-X2B4-RW8D')).receipt).toBe(first.body.receipt);
    // ECDSA signatures are randomized: the retry signed again, and answered the stored receipt, not its own.
    expect((deps.receipts as MemoryReceiptSigner).signatures).toBe(2);
  });

  it('fails with one changed byte anywhere: header, claims or signature', async () => {
    const { body, keys } = await filed();
    const receipt = body.receipt!;
    const [header, payload] = receipt.split('.');
    for (const at of [5, header!.length + 10, header!.length + payload!.length + 20, receipt.length - 3]) {
      const verdict = await verifyReceipt({ receipt: changeOneByte(receipt, at) }, keys, parseFilingReceiptClaims);
      expect(verdict.valid, `changed at ${at}`).toBe(false);
    }
  });

  it('fails when another key signed it, whether it names its own key or ours', async () => {
    const { body, keys } = await filed();
    const other = await filed();
    expect(await verifyReceipt({ receipt: other.body.receipt! }, keys, parseFilingReceiptClaims)).toEqual({
      valid: false,
      problem: 'unknown-key',
    });
    // A forger who copies our key id into a receipt signed with theirs.
    const [, payload, signature] = other.body.receipt!.split('.');
    const ourHeader = body.receipt!.split('.')[0];
    expect(await verifyReceipt({ receipt: `${ourHeader}.${payload}.${signature}` }, keys, parseFilingReceiptClaims)).toEqual({
      valid: false,
      problem: 'bad-signature',
    });
  });

  it('refuses what is not a receipt at all', async () => {
    const { keys } = await filed();
    expect(await verifyReceipt({ receipt: 'not a jws' }, keys, parseFilingReceiptClaims)).toEqual({ valid: false, problem: 'malformed' });
  });
});

describe('proof of authorship', () => {
  it('proves authorship with the secret behind the commitment the browser sent at filing', async () => {
    const secret = newAuthorshipSecret();
    const { body, keys } = await filed({ authorCommitment: await authorCommitmentOf(secret) });
    const verdict = await verifyReceipt({ receipt: body.receipt!, authorshipSecret: secret }, keys, parseFilingReceiptClaims);
    expect(verdict).toMatchObject({ valid: true, authorship: 'proved' });
  });

  it('refutes a forged claim: a guessed secret, or the right secret for another receipt', async () => {
    const secret = newAuthorshipSecret();
    const { body, keys } = await filed({ authorCommitment: await authorCommitmentOf(secret) });
    expect(
      await verifyReceipt({ receipt: body.receipt!, authorshipSecret: newAuthorshipSecret() }, keys, parseFilingReceiptClaims),
    ).toMatchObject({
      valid: true,
      authorship: 'refuted',
    });
    // Someone who saw this receipt files their own with no commitment and claims it with a secret of their own.
    const other = await filed();
    const theirs = await verifyReceipt({ receipt: other.body.receipt!, authorshipSecret: secret }, other.keys, parseFilingReceiptClaims);
    expect(theirs).toMatchObject({ valid: true, authorship: 'refuted' });
    // The bare SHA-256 of the secret is not the commitment: the label keeps it from matching any other hash.
    expect(await authorCommitmentOf(secret)).not.toBe(createHash('sha256').update(secret).digest('hex'));
  });

  it('claims nothing without a secret', async () => {
    const { body, keys } = await filed({ authorCommitment: await authorCommitmentOf(newAuthorshipSecret()) });
    expect(await verifyReceipt({ receipt: body.receipt! }, keys, parseFilingReceiptClaims)).toMatchObject({
      valid: true,
      authorship: 'none',
    });
  });

  it('keeps a retry with another commitment from taking the case: it is other content (409)', async () => {
    const deps = memoryDeps(index);
    const code = '7K3M-Q9TZ-X2B4-RW8D';
    await submitReport(deps, reportRequest({ trackingCode: code, authorCommitment: await authorCommitmentOf(newAuthorshipSecret()) }));
    await expect(
      submitReport(deps, reportRequest({ trackingCode: code, authorCommitment: await authorCommitmentOf(newAuthorshipSecret()) })),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('derToJose (KMS answers DER)', () => {
  it('turns any DER P-256 signature into the r||s that verifies', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (message) => {
        const der = sign('sha256', message, privateKey);
        const jose = derToJose(der);
        expect(jose).toHaveLength(64);
        expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, jose)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses what is not DER', () => {
    expect(() => derToJose(new Uint8Array([0x31, 0x00]))).toThrow(/DER/);
  });
});
