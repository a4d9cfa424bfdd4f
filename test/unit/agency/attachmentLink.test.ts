import { describe, expect, it } from 'vitest';
import { DOWNLOAD_LINK_SECONDS, attachmentLink } from '#core/agency/attachmentLink.js';
import { viewCase } from '#core/agency/viewCase.js';
import { attachmentLinkResponse } from '#schemas/agency.js';
import { domainError } from '../support/errors.js';
import { PDF_BYTES, jpegWithoutMetadata } from '../support/fixtures.js';
import { HOUR_MS, type MemoryAgencyDeps, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';
import { TEST_NOW } from '../support/memoryPorts.js';
import { upload } from '../support/uploads.js';

const handler = staff('handler@kr-molit');

async function caseWithEvidence(deps: MemoryAgencyDeps) {
  const uploads = await upload(deps, [
    { name: '계약서 사본.pdf', contentType: 'application/pdf', body: PDF_BYTES },
    { name: 'site.jpg', contentType: 'image/jpeg', body: jpegWithoutMetadata() },
  ]);
  const filed = await fileReport(deps, { uploadIds: uploads.map((u) => u.uploadId) });
  const { attachments } = (await deps.store.getCaseFolder(filed.caseId))!;
  return { filed, attachments };
}

describe('attachmentLink', () => {
  it('gives a five-minute download link under the file’s name, and audits the download', async () => {
    const deps = agencyDeps();
    const { filed, attachments } = await caseWithEvidence(deps);
    const pdf = attachments.find((a) => a.contentType === 'application/pdf')!;
    deps.clock.advance(HOUR_MS);

    const link = await attachmentLink(deps, handler, filed.caseId, pdf.id);
    expect(attachmentLinkResponse.parse(link)).toEqual(link);
    expect(DOWNLOAD_LINK_SECONDS).toBeLessThanOrEqual(300);
    expect(link.expiresAt).toBe(new Date(Date.parse(TEST_NOW) + HOUR_MS + DOWNLOAD_LINK_SECONDS * 1000).toISOString());
    const url = new URL(link.url);
    expect(url.pathname).toBe(`/${pdf.key}`);
    expect(pdf.key).toMatch(new RegExp(`^evidence/${filed.caseId}/`));
    expect(url.searchParams.get('name')).toBe('계약서 사본.pdf');
    expect(url.searchParams.get('expires')).toBe(String(DOWNLOAD_LINK_SECONDS));
    expect(deps.evidence.downloads).toEqual([
      { key: pdf.key, fileName: '계약서 사본.pdf', contentType: 'application/pdf', expiresInSeconds: DOWNLOAD_LINK_SECONDS },
    ]);

    const audit = deps.store.auditOf(filed.caseId);
    expect(audit.at(-1)).toMatchObject({
      seq: 1,
      actor: 'handler@kr-molit',
      action: 'attachment.downloaded',
      details: { attachmentId: pdf.id },
    });
    expect((await viewCase(deps, handler, filed.caseId)).auditVerified).toBe(true);
  });

  it('audits every link it gives', async () => {
    const deps = agencyDeps();
    const { filed, attachments } = await caseWithEvidence(deps);
    for (const a of attachments) await attachmentLink(deps, staff('supervisor@kr-molit'), filed.caseId, a.id);
    expect(
      deps.store
        .auditOf(filed.caseId)
        .filter((e) => e.action === 'attachment.downloaded')
        .map((e) => e.details.attachmentId),
    ).toEqual(attachments.map((a) => a.id));
  });

  it('answers 404 for an attachment the case does not have, and writes nothing', async () => {
    const deps = agencyDeps();
    const { filed } = await caseWithEvidence(deps);
    const other = await caseWithEvidence(deps);
    const before = JSON.stringify(await deps.store.getCaseFolder(filed.caseId));
    for (const attachmentId of ['0000000000000000', other.attachments[0]!.id, '']) {
      const error = await domainError(attachmentLink(deps, handler, filed.caseId, attachmentId));
      expect(error.code).toBe('NOT_FOUND');
    }
    expect(JSON.stringify(await deps.store.getCaseFolder(filed.caseId))).toBe(before);
    expect(deps.evidence.downloads).toEqual([]);
  });
});
