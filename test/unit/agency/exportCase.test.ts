// POST /cases/{caseId}/export in core: audited first, then a signed ZIP of the case under exports/, handed out by a
// five-minute link; never the reporter's contact details; handlers are refused, other organizations see nothing.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { verifyManifestSignature } from '#contract/caseExportCheck.js';
import { changeStatus } from '#core/agency/changeStatus.js';
import { EXPORT_EVIDENCE_LIMIT_BYTES, EXPORT_LINK_SECONDS, exportCase } from '#core/agency/exportCase.js';
import { messageWhistleblower } from '#core/agency/messageWhistleblower.js';
import { checkBundle, MANIFEST_PATH, SIGNATURE_PATH } from '#core/caseExport/manifest.js';
import { sha256Hex } from '#core/filingReceipt.js';
import { caseExportManifest, caseExportResponse, EXPORT_SIGNATURE_TYPE } from '#schemas/caseExport.js';
import { domainError } from '../support/errors.js';
import { PDF_BYTES } from '../support/fixtures.js';
import { agencyDeps, fileReport, HOUR_MS, type MemoryAgencyDeps, staff } from '../support/memoryCaseWork.js';
import { MemoryReceiptSigner, TEST_NOW } from '../support/memoryPorts.js';
import { upload } from '../support/uploads.js';

const supervisor = staff('supervisor@kr-molit');
const CONTACT = { name: 'Kim Reporter', email: 'kim.reporter@example.org', phone: '010-1234-5678' };

async function exportableCase() {
  const manifestKey = new MemoryReceiptSigner();
  const deps = { ...agencyDeps(), manifestKey };
  const uploads = await upload(deps, [{ name: '계약서 사본.pdf', contentType: 'application/pdf', body: PDF_BYTES }]);
  const filed = await fileReport(deps, {
    uploadIds: uploads.map((u) => u.uploadId),
    anonymity: 'confidential',
    contact: CONTACT,
  });
  await messageWhistleblower(deps, staff('handler@kr-molit'), filed.caseId, 'Which office was it?');
  await changeStatus(deps, staff('handler@kr-molit'), filed.caseId, {
    status: 'acknowledged',
    internalNote: 'Checked the permit register.',
  });
  deps.clock.advance(HOUR_MS);
  return { deps, filed, manifestKey };
}

const json = (files: Record<string, Uint8Array>, path: string) => JSON.parse(new TextDecoder().decode(files[path]));

function storedZip(deps: MemoryAgencyDeps, key: string): Record<string, Uint8Array> {
  const object = deps.evidence.objects.get(key);
  expect(object?.contentType).toBe('application/zip');
  return unzipSync(object!.body);
}

describe('exportCase', () => {
  it('records the export, then stores a signed bundle of the whole case under exports/ and links to it for five minutes', async () => {
    const { deps, filed, manifestKey } = await exportableCase();
    const answer = await exportCase(deps, supervisor, filed.caseId);
    expect(caseExportResponse.parse(answer)).toEqual(answer);
    const key = `exports/${filed.caseId}/${answer.exportId}.zip`;
    expect(answer.fileName).toBe(`case-${filed.caseId}-export-${answer.exportId}.zip`);
    expect(EXPORT_LINK_SECONDS).toBeLessThanOrEqual(300);
    expect(answer.expiresAt).toBe(new Date(Date.parse(TEST_NOW) + HOUR_MS + EXPORT_LINK_SECONDS * 1000).toISOString());
    expect(deps.evidence.downloads).toEqual([
      { key, fileName: answer.fileName, contentType: 'application/zip', expiresInSeconds: EXPORT_LINK_SECONDS },
    ]);

    const files = storedZip(deps, key);
    const { manifest, problems } = checkBundle(new Map(Object.entries(files)));
    expect(problems).toEqual([]);
    expect(manifest).toMatchObject({ caseId: filed.caseId, exportId: answer.exportId, exportedBy: 'supervisor@kr-molit' });
    expect(answer.manifestSha256).toBe(sha256Hex(files[MANIFEST_PATH]!));
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        'case.json',
        'timeline.json',
        'messages.json',
        'notes.json',
        'audit.json',
        'keys.json',
        'evidence/1-계약서 사본.pdf',
        MANIFEST_PATH,
        SIGNATURE_PATH,
      ].sort(),
    );
    const keys = await manifestKey.keySet();
    expect(json(files, 'keys.json')).toEqual(keys);
    const signature = new TextDecoder().decode(files[SIGNATURE_PATH]);
    expect(await verifyManifestSignature(signature, files[MANIFEST_PATH]!, keys, EXPORT_SIGNATURE_TYPE)).toMatchObject({ valid: true });
    expect(caseExportManifest.parse(json(files, MANIFEST_PATH)).exportedAt).toBe(new Date(Date.parse(TEST_NOW) + HOUR_MS).toISOString());

    // The evidence as kept, the messages, the notes and the timeline, opened.
    expect(Buffer.from(files['evidence/1-계약서 사본.pdf']!).equals(Buffer.from(PDF_BYTES))).toBe(true);
    expect(json(files, 'messages.json')).toEqual([expect.objectContaining({ from: 'agency', body: 'Which office was it?' })]);
    expect(json(files, 'notes.json')).toEqual([
      expect.objectContaining({ author: 'handler@kr-molit', body: 'Checked the permit register.' }),
    ]);
    expect(json(files, 'timeline.json').map((t: { status: string }) => t.status)).toEqual(['received', 'acknowledged']);

    // The export is the last event of the chain it carries, by the exporting user.
    const audit = json(files, 'audit.json');
    expect(audit.at(-1)).toMatchObject({ actor: 'supervisor@kr-molit', action: 'case.exported', details: { exportId: answer.exportId } });
    expect(audit).toEqual(deps.store.auditOf(filed.caseId).map(({ caseId: _c, macKey: _k, ...event }) => event));
    for (const event of audit)
      expect(Object.keys(event).sort()).toEqual(['action', 'actor', 'at', 'details', 'hash', 'previousHash', 'seq']);
  });

  it('says the report was confidential but never carries the contact details', async () => {
    const { deps, filed } = await exportableCase();
    const answer = await exportCase(deps, supervisor, filed.caseId);
    const files = storedZip(deps, `exports/${filed.caseId}/${answer.exportId}.zip`);
    const record = json(files, 'case.json');
    expect(record).toMatchObject({
      caseId: filed.caseId,
      title: 'Permit officer asked for cash',
      reporter: { anonymity: 'confidential' },
      auditVerifiedAtExport: true,
      evidence: [
        {
          path: 'evidence/1-계약서 사본.pdf',
          name: '계약서 사본.pdf',
          contentType: 'application/pdf',
          size: PDF_BYTES.length,
          addedBy: 'whistleblower',
          sha256: sha256Hex(PDF_BYTES),
          sha256AtIntake: sha256Hex(PDF_BYTES),
        },
      ],
    });
    expect(record).not.toHaveProperty('contact');
    expect(record).not.toHaveProperty('contactSharedWith');
    for (const bytes of Object.values(files)) {
      const text = Buffer.from(bytes).toString('utf8');
      for (const detail of Object.values(CONTACT)) expect(text).not.toContain(detail);
    }
  });

  it('says so when the report was anonymous, the chain did not verify, or a file has no digest from intake', async () => {
    const manifestKey = new MemoryReceiptSigner();
    const deps = { ...agencyDeps(), manifestKey };
    const uploads = await upload(deps, [{ name: 'minutes.pdf', contentType: 'application/pdf', body: PDF_BYTES }]);
    const filed = await fileReport(deps, { uploadIds: uploads.map((u) => u.uploadId) });
    // A file taken in before receipts kept no digest; an audit event edited in the table breaks the chain.
    delete deps.store.files.get(filed.caseId)!.attachments[0]!.sha256;
    deps.store.audits.get(filed.caseId)![0]!.actor = 'someone else';
    const answer = await exportCase(deps, supervisor, filed.caseId);
    const record = json(storedZip(deps, `exports/${filed.caseId}/${answer.exportId}.zip`), 'case.json');
    expect(record.reporter).toEqual({ anonymity: 'anonymous', note: 'The reporter did not identify themselves.' });
    expect(record.auditVerifiedAtExport).toBe(false);
    expect(record.auditProblemAtExport).toEqual(expect.any(String));
    expect(record.evidence[0]).not.toHaveProperty('sha256AtIntake');
    expect(record.evidence[0].sha256).toBe(sha256Hex(PDF_BYTES));
  });

  it('is audited even when storing the ZIP fails', async () => {
    const { deps, filed } = await exportableCase();
    deps.evidence.writesBeforeFailure = 0;
    await expect(exportCase(deps, supervisor, filed.caseId)).rejects.toThrow();
    expect(deps.store.auditOf(filed.caseId).at(-1)).toMatchObject({ action: 'case.exported', actor: 'supervisor@kr-molit' });
    expect(deps.evidence.keys('exports/')).toEqual([]);
  });

  it('refuses a handler (403) and another organization (404), recording nothing', async () => {
    const { deps, filed } = await exportableCase();
    const before = deps.store.auditOf(filed.caseId).length;
    expect((await domainError(exportCase(deps, staff('handler@kr-molit'), filed.caseId))).status).toBe(403);
    expect((await domainError(exportCase(deps, staff('supervisor@kr-moef'), filed.caseId))).status).toBe(404);
    expect((await domainError(exportCase(deps, staff('oversight@kr-acrc'), filed.caseId))).status).toBe(404);
    expect((await domainError(exportCase(deps, supervisor, 'NOT-A-CASE'))).status).toBe(404);
    expect(deps.store.auditOf(filed.caseId)).toHaveLength(before);
    expect(deps.evidence.keys('exports/')).toEqual([]);
  });

  it('refuses a case whose evidence is more than one export carries (413), before recording or reading anything', async () => {
    const { deps, filed } = await exportableCase();
    deps.store.files.get(filed.caseId)!.attachments[0]!.size = EXPORT_EVIDENCE_LIMIT_BYTES + 1;
    const before = deps.store.auditOf(filed.caseId).length;
    const error = await domainError(exportCase(deps, supervisor, filed.caseId));
    expect(error.status).toBe(413);
    expect(deps.store.auditOf(filed.caseId)).toHaveLength(before);
  });
});
