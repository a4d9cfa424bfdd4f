import { describe, expect, it } from 'vitest';
import { DomainError } from '#core/errors.js';
import { UploadMissingError, checkUploads, promoteUploads } from '#core/evidenceIntake.js';
import {
  PDF_BYTES,
  PLAIN_TEXT_BYTES,
  jpegWithMetadata,
  jpegWithoutMetadata,
  krIndex,
  pngWithMetadata,
  pngWithoutMetadata,
} from './support/fixtures.js';
import { DependencyDown, TEST_NOW, memoryDeps } from './support/memoryPorts.js';
import { domainError } from './support/errors.js';
import { upload, uploadOne } from './support/uploads.js';

const index = krIndex();
const CASE = '0123456789ABCDEFGHJK';

describe('checkUploads', () => {
  it('accepts no uploads', async () => {
    expect(await checkUploads(memoryDeps(index), [], 'uploadIds')).toEqual([]);
  });

  it('returns each declared upload with its received size', async () => {
    const deps = memoryDeps(index);
    const uploads = await upload(deps, [
      { name: 'a.pdf', contentType: 'application/pdf', body: PDF_BYTES },
      { name: 'notes.txt', contentType: 'text/plain', body: PLAIN_TEXT_BYTES },
    ]);
    const checked = await checkUploads(
      deps,
      uploads.map((u) => u.uploadId),
      'uploadIds',
    );
    expect(checked).toEqual([
      {
        declared: expect.objectContaining({ key: uploads[0]!.key, name: 'a.pdf', contentType: 'application/pdf', size: PDF_BYTES.length }),
        size: PDF_BYTES.length,
      },
      {
        declared: expect.objectContaining({ key: uploads[1]!.key, name: 'notes.txt', contentType: 'text/plain' }),
        size: PLAIN_TEXT_BYTES.length,
      },
    ]);
  });

  it('names failures under the given path prefix', async () => {
    const deps = memoryDeps(index);
    const error = await domainError(checkUploads(deps, ['forged'], 'attachments'));
    expect(error.details).toEqual([{ path: 'attachments.0', message: 'not an upload id this portal issued, or it has expired' }]);
  });

  it('reports a missing upload as an UploadMissingError, a 400', async () => {
    const deps = memoryDeps(index);
    const { uploadId } = await uploadOne(deps, { name: 'a.pdf', contentType: 'application/pdf', body: PDF_BYTES }, false);
    const error = await checkUploads(deps, [uploadId], 'uploadIds').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadMissingError);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
      details: [{ path: 'uploadIds.0', message: 'no file was uploaded for this upload id' }],
    });
  });

  it('refuses text declared as a PDF, and a PDF declared as text', async () => {
    const deps = memoryDeps(index);
    const a = await uploadOne(deps, { name: 'a.pdf', contentType: 'application/pdf', body: PLAIN_TEXT_BYTES });
    const b = await uploadOne(deps, { name: 'b.txt', contentType: 'text/plain', body: PDF_BYTES });
    expect((await domainError(checkUploads(deps, [a.uploadId], 'uploadIds'))).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await domainError(checkUploads(deps, [b.uploadId], 'uploadIds'))).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('promoteUploads', () => {
  it('copies documents as they are and writes photos stripped, under evidence/<caseId>/', async () => {
    const deps = memoryDeps(index);
    const uploads = await upload(deps, [
      { name: 'a.pdf', contentType: 'application/pdf', body: PDF_BYTES },
      { name: 'b.jpg', contentType: 'image/jpeg', body: jpegWithMetadata() },
      { name: 'c.png', contentType: 'image/png', body: pngWithMetadata() },
    ]);
    const checked = await checkUploads(
      deps,
      uploads.map((u) => u.uploadId),
      'uploadIds',
    );
    const records = await promoteUploads(deps, CASE, checked, 'agency');

    expect(records.map((r) => [r.contentType, r.size])).toEqual([
      ['application/pdf', PDF_BYTES.length],
      ['image/jpeg', jpegWithoutMetadata().length],
      ['image/png', pngWithoutMetadata().length],
    ]);
    expect(new Set(records.map((r) => r.id)).size).toBe(3);
    for (const r of records) {
      expect(r).toMatchObject({ caseId: CASE, at: TEST_NOW, addedBy: 'agency', key: `evidence/${CASE}/${r.id}` });
      expect(deps.evidence.objects.get(r.key)!.contentType).toBe(r.contentType);
    }
    expect(await Promise.all(records.map((r) => deps.sealer.open(r.sealedName, CASE)))).toEqual(['a.pdf', 'b.jpg', 'c.png']);
    expect(deps.evidence.objects.get(records[0]!.key)!.body).toEqual(PDF_BYTES);
    expect(deps.evidence.objects.get(records[1]!.key)!.body).toEqual(jpegWithoutMetadata());
    expect(deps.evidence.objects.get(records[2]!.key)!.body).toEqual(pngWithoutMetadata());
    // promotion leaves incoming/ alone: the caller removes it once the case is stored
    expect(deps.evidence.keys('incoming/')).toHaveLength(3);
  });

  it('removes what it wrote when storage fails half way', async () => {
    const deps = memoryDeps(index);
    const uploads = await upload(deps, [
      { name: 'a.pdf', contentType: 'application/pdf', body: PDF_BYTES },
      { name: 'b.jpg', contentType: 'image/jpeg', body: jpegWithMetadata() },
      { name: 'c.pdf', contentType: 'application/pdf', body: PDF_BYTES },
    ]);
    const checked = await checkUploads(
      deps,
      uploads.map((u) => u.uploadId),
      'uploadIds',
    );
    deps.evidence.writesBeforeFailure = 2;
    await expect(promoteUploads(deps, CASE, checked, 'whistleblower')).rejects.toBeInstanceOf(DependencyDown);
    expect(deps.evidence.keys('evidence/')).toEqual([]);
  });

  it('removes what it wrote when the key service fails half way', async () => {
    const deps = memoryDeps(index);
    const uploads = await upload(deps, [
      { name: 'a.pdf', contentType: 'application/pdf', body: PDF_BYTES },
      { name: 'b.pdf', contentType: 'application/pdf', body: PDF_BYTES },
    ]);
    const checked = await checkUploads(
      deps,
      uploads.map((u) => u.uploadId),
      'uploadIds',
    );
    deps.sealer.sealsBeforeFailure = 1;
    await expect(promoteUploads(deps, CASE, checked, 'whistleblower')).rejects.toBeInstanceOf(DependencyDown);
    expect(deps.evidence.keys('evidence/')).toEqual([]);
  });
});
