import { describe, expect, it } from 'vitest';
import { submitReport } from '#core/submitReport.js';
import { UNKNOWN_CODE_MESSAGE, trackCase } from '#core/trackCase.js';
import { addWhistleblowerMessage } from '#core/whistleblowerMessage.js';
import { trackMessageRequest } from '#schemas/track.js';
import { domainError } from './support/errors.js';
import { PDF_BYTES, containsBytes, jpegWithMetadata, krIndex, reportRequest } from './support/fixtures.js';
import { DependencyDown, type MemoryDeps, TEST_NOW, memoryDeps } from './support/memoryPorts.js';
import { uploadOne } from './support/uploads.js';

const index = krIndex();
const CODE = 'MNPQ-RSTV-WXYZ-0132';
const message = (body: string, uploadIds: string[] = [], trackingCode = CODE) =>
  trackMessageRequest.parse({ trackingCode, body, uploadIds });

async function filed(deps: MemoryDeps) {
  return (await submitReport(deps, reportRequest({ trackingCode: CODE }))).body.caseId;
}

describe('addWhistleblowerMessage', () => {
  it('adds a sealed message the whistleblower then sees when tracking', async () => {
    const deps = memoryDeps(index);
    const caseId = await filed(deps);
    deps.clock.advance(3_600_000);
    const added = await addWhistleblowerMessage(deps, message('The second payment was on 3 October, at the site office.'));
    expect(added).toEqual({ id: expect.stringMatching(/^[0-9A-Z]{16}$/), at: '2026-10-15T04:00:00.000Z' });

    const stored = deps.store.files.get(caseId)!;
    expect(stored.messages).toEqual([
      { caseId, id: added.id, at: added.at, from: 'whistleblower', sealedBody: expect.any(String), attachmentIds: [] },
    ]);
    expect(JSON.stringify(stored)).not.toContain('second payment');
    expect(await deps.sealer.open(stored.messages[0]!.sealedBody, caseId)).toBe('The second payment was on 3 October, at the site office.');
    expect((await trackCase(deps, CODE)).messages).toEqual([
      { id: added.id, at: added.at, from: 'whistleblower', body: 'The second payment was on 3 October, at the site office.' },
    ]);
  });

  it('works with the code typed in lower case without dashes', async () => {
    const deps = memoryDeps(index);
    const caseId = await filed(deps);
    await addWhistleblowerMessage(deps, message('hello', [], 'mnpqrstvwxyz0132'));
    expect(deps.store.files.get(caseId)!.messages).toHaveLength(1);
  });

  it('adds evidence with the message, stripped and moved under evidence/<caseId>/', async () => {
    const deps = memoryDeps(index);
    const caseId = await filed(deps);
    const photo = await uploadOne(deps, { name: 'envelope.jpg', contentType: 'image/jpeg', body: jpegWithMetadata() });
    const added = await addWhistleblowerMessage(deps, message('A photo of the envelope.', [photo.uploadId]));

    const stored = deps.store.files.get(caseId)!;
    expect(stored.attachments).toHaveLength(1);
    const attachment = stored.attachments[0]!;
    expect(stored.messages[0]!.attachmentIds).toEqual([attachment.id]);
    expect(attachment).toMatchObject({
      caseId,
      at: added.at,
      contentType: 'image/jpeg',
      addedBy: 'whistleblower',
      key: `evidence/${caseId}/${attachment.id}`,
    });
    expect(containsBytes(deps.evidence.objects.get(attachment.key)!.body, 'GPS-SECRET')).toBe(false);
    expect(deps.evidence.keys('incoming/')).toEqual([]);
    expect((await trackCase(deps, CODE)).attachments).toEqual([{ id: attachment.id, name: 'envelope.jpg', size: attachment.size }]);
  });

  it('answers NOT_FOUND for a code no report has, and keeps none of its evidence', async () => {
    const deps = memoryDeps(index);
    await filed(deps);
    const doc = await uploadOne(deps, { name: 'a.pdf', contentType: 'application/pdf', body: PDF_BYTES });
    const error = await domainError(addWhistleblowerMessage(deps, message('hello', [doc.uploadId], 'MNPQ-RSTV-WXYZ-0124')));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(UNKNOWN_CODE_MESSAGE);
    expect(deps.evidence.keys('evidence/')).toEqual([]);
    expect(deps.store.files.size).toBe(1);
  });

  it('answers CONFLICT for a closed case and adds nothing', async () => {
    const deps = memoryDeps(index);
    const caseId = await filed(deps);
    deps.store.update(caseId, (file) => {
      file.case.status = 'closed';
      file.case.resolution = 'substantiated';
    });
    const doc = await uploadOne(deps, { name: 'a.pdf', contentType: 'application/pdf', body: PDF_BYTES });
    const error = await domainError(addWhistleblowerMessage(deps, message('one more thing', [doc.uploadId])));
    expect(error.code).toBe('CONFLICT');
    expect(error.status).toBe(409);
    const stored = deps.store.files.get(caseId)!;
    expect(stored.messages).toEqual([]);
    expect(stored.attachments).toEqual([]);
    expect(deps.evidence.keys('evidence/')).toEqual([]);
  });

  it('answers VALIDATION_FAILED for a malformed code, before touching anything', async () => {
    const deps = memoryDeps(index);
    await filed(deps);
    const writes = deps.store.writes;
    const error = await domainError(addWhistleblowerMessage(deps, message('hello', [], 'MNPQ-RSTV')));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => d.path)).toEqual(['trackingCode']);
    expect(deps.store.writes).toBe(writes);
  });

  it('refuses an upload that never arrived', async () => {
    const deps = memoryDeps(index);
    await filed(deps);
    const doc = await uploadOne(deps, { name: 'a.pdf', contentType: 'application/pdf', body: PDF_BYTES }, false);
    const error = await domainError(addWhistleblowerMessage(deps, message('see attached', [doc.uploadId])));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => d.path)).toEqual(['uploadIds.0']);
  });

  it('refuses an upload another submission claimed first (409), adding neither the message nor evidence', async () => {
    const deps = memoryDeps(index);
    const caseId = await filed(deps);
    const { uploadId, key } = await uploadOne(deps, { name: 'ledger.pdf', contentType: 'application/pdf', body: PDF_BYTES });
    deps.store.claims.set(key, 'ANOTHER-CASE');
    const error = await domainError(addWhistleblowerMessage(deps, message('The ledger.', [uploadId])));
    expect(error.code).toBe('CONFLICT');
    expect(error.details.map((d) => d.path)).toEqual(['uploadIds.0']);
    expect(deps.store.files.get(caseId)!.messages).toEqual([]);
    expect(deps.evidence.keys('evidence/')).toEqual([]);
  });

  it('removes the promoted evidence when the store fails', async () => {
    const deps = memoryDeps(index);
    const caseId = await filed(deps);
    const doc = await uploadOne(deps, { name: 'a.pdf', contentType: 'application/pdf', body: PDF_BYTES });
    deps.store.failNextWrite = new DependencyDown('case table');
    await expect(addWhistleblowerMessage(deps, message('see attached', [doc.uploadId]))).rejects.toBeInstanceOf(DependencyDown);
    expect(deps.evidence.keys('evidence/')).toEqual([]);
    expect(deps.evidence.keys('incoming/')).toEqual([doc.key]);
    expect(deps.store.files.get(caseId)!.messages).toEqual([]);
  });

  it('keeps a message at the time of the clock', async () => {
    const deps = memoryDeps(index);
    await filed(deps);
    expect((await addWhistleblowerMessage(deps, message('now'))).at).toBe(TEST_NOW);
  });
});
