import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { submitReport } from '#core/submitReport.js';
import { caseIdForCode } from '#core/trackingKey.js';
import { normalizeTrackingCode } from '#contract/trackingCode.js';
import { submitReportRequest, submitReportResponse } from '#schemas/report.js';
import type { SubmitReportRequest } from '#schemas/report.js';
import { domainError } from './support/errors.js';
import {
  PDF_BYTES,
  containsBytes,
  jpegWithMetadata,
  jpegWithoutMetadata,
  krIndex,
  pngWithMetadata,
  reportRequest,
} from './support/fixtures.js';
import { DependencyDown, OTHER_PEPPER, ScriptedRandom, TEST_NOW, memoryDeps } from './support/memoryPorts.js';
import { upload, uploadOne } from './support/uploads.js';

const index = krIndex();
const CODE = '7K3M-Q9TZ-X2B4-RW8D';
const CASE_ID = caseIdForCode(memoryDeps(index).pepper, normalizeTrackingCode(CODE)!);
const pdf = { name: '계약서.pdf', contentType: 'application/pdf', body: PDF_BYTES };

describe('submitReport', () => {
  it('creates a received case routed by the pack, with the pack deadlines', async () => {
    const deps = memoryDeps(index);
    const outcome = await submitReport(deps, reportRequest());
    expect(outcome.created).toBe(true);
    const body = outcome.body;
    expect(submitReportResponse.parse(body)).toEqual(body);
    expect(body).toMatchObject({
      organization: { id: 'kr-acrc', name: 'Anti-Corruption and Civil Rights Commission' },
      status: 'received',
      // Filed at 03:00: the deadlines count from the end of the hour it arrived in (core/reporterTime.ts).
      acknowledgeBy: '2026-10-22T04:00:00.000Z',
      respondBy: '2026-12-14T04:00:00.000Z',
    });
    expect(body.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(body.caseId).toBe(caseIdForCode(deps.pepper, normalizeTrackingCode(body.trackingCode)!));

    const file = deps.store.files.get(body.caseId)!;
    expect(file.case).toMatchObject({
      caseId: body.caseId,
      organizationId: 'kr-acrc',
      reportedOrganizationId: 'kr-molit',
      category: 'corruption',
      language: 'en',
      status: 'received',
      createdAt: TEST_NOW,
      updatedAt: TEST_NOW,
      acknowledgeBy: body.acknowledgeBy,
      respondBy: body.respondBy,
      subjectIsHead: false,
      anonymity: 'anonymous',
      routingRuleId: 'corruption-to-acrc',
      sealedContact: null,
      contactSharedWith: null,
      resolution: null,
    });
    expect(file.timeline).toEqual([
      { caseId: body.caseId, id: expect.stringMatching(/^[0-9A-Z]{16}$/), at: TEST_NOW, status: 'received', sealedPublicNote: null },
    ]);
    expect(file.attachments).toEqual([]);
  });

  it('routes a budget-waste report to the reported ministry, and names it in the report language', async () => {
    const deps = memoryDeps(index);
    const { body } = await submitReport(deps, reportRequest({ category: 'budget-waste', language: 'ko' }));
    expect(body.organization).toEqual({ id: 'kr-molit', name: '국토교통부' });
    expect(deps.store.files.get(body.caseId)!.case.routingRuleId).toBe('budget-waste-to-reported-organization');
  });

  it('files a report about an organization the reporter could not name with the oversight body, which triages it', async () => {
    const deps = memoryDeps(index);
    const { body } = await submitReport(deps, reportRequest({ category: 'budget-waste', organizationId: 'unsure' }));
    expect(body.organization.id).toBe('kr-acrc');
    expect(deps.store.files.get(body.caseId)!.case).toMatchObject({
      organizationId: 'kr-acrc',
      reportedOrganizationId: 'unsure',
      routingRuleId: 'organization-unsure-to-oversight',
    });
  });

  it('sends a report about the head of kr-molit to kr-acrc, and about the head of kr-acrc to kr-bai', async () => {
    const deps = memoryDeps(index);
    const aboutMinister = await submitReport(deps, reportRequest({ category: 'budget-waste', subjectIsHead: true }));
    expect(aboutMinister.body.organization.id).toBe('kr-acrc');
    expect(deps.store.files.get(aboutMinister.body.caseId)!.case).toMatchObject({
      organizationId: 'kr-acrc',
      reportedOrganizationId: 'kr-molit',
      subjectIsHead: true,
      routingRuleId: 'head-of-organization-to-acrc',
    });
    const aboutChair = await submitReport(deps, reportRequest({ organizationId: 'kr-acrc', subjectIsHead: true }));
    expect(aboutChair.body.organization.id).toBe('kr-bai');
  });

  it('never routes a head report to the reported organization, for any category and organization', async () => {
    const pack = index.pack;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...pack.categories.map((c) => c.id)),
        fc.constantFrom(...pack.organizations.map((o) => o.id)),
        async (category, organizationId) => {
          const deps = memoryDeps(index);
          const { body } = await submitReport(deps, reportRequest({ category, organizationId, subjectIsHead: true }));
          expect(body.organization.id).not.toBe(organizationId);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stores no plaintext: title, description, location, amount and contact are sealed', async () => {
    const deps = memoryDeps(index);
    const contact = { name: '김민수', email: 'minsu.kim@example.kr', phone: '+82 10-1234-5678' };
    const report = reportRequest({
      title: 'Kickbacks on the Route 7 contract',
      description: 'Director Park asked the contractor for 30,000,000 won in an envelope.',
      location: 'Gwacheon annex, room 404',
      anonymity: 'confidential',
      contact,
      trackingCode: CODE,
    });
    const { body } = await submitReport(deps, report);
    const stored = JSON.stringify([...deps.store.files.values()]);
    for (const secret of [
      report.title,
      report.description,
      'Gwacheon annex',
      '30,000,000',
      contact.name,
      contact.email,
      contact.phone,
      '1234-5678',
    ]) {
      expect(stored).not.toContain(secret);
    }
    expect(stored).not.toContain(CODE);
    expect(stored).not.toContain(CODE.replaceAll('-', ''));

    const record = deps.store.files.get(body.caseId)!.case;
    expect(JSON.parse(await deps.sealer.open(record.sealedReport, body.caseId))).toEqual({
      title: report.title,
      description: report.description,
      occurredOn: '2026-10-01',
      location: report.location,
      amount: { value: 5_000_000, currency: 'KRW' },
    });
    expect(JSON.parse(await deps.sealer.open(record.sealedContact!, body.caseId))).toEqual(contact);
    await expect(deps.sealer.open(record.sealedReport, 'ANOTHER-CASE')).rejects.toThrow();
  });

  it('seals absent optional fields as null', async () => {
    const deps = memoryDeps(index);
    const { body } = await submitReport(deps, reportRequest({ occurredOn: undefined, location: undefined, amount: undefined }));
    const record = deps.store.files.get(body.caseId)!.case;
    expect(JSON.parse(await deps.sealer.open(record.sealedReport, body.caseId))).toMatchObject({
      occurredOn: null,
      location: null,
      amount: null,
    });
  });

  it('makes the tracking code from the random source when none is proposed', async () => {
    const random = new ScriptedRandom([new Uint8Array([0x00, 0x44, 0x32, 0x14, 0xc7, 0x42, 0x54, 0xb6, 0x35, 0xcf])]);
    const deps = memoryDeps(index, { random });
    const { body } = await submitReport(deps, reportRequest());
    expect(body.trackingCode).toBe('0123-4567-89AB-CDEF');
    expect(body.caseId).toBe(caseIdForCode(deps.pepper, normalizeTrackingCode('0123456789ABCDEF')!));
  });

  it('gives different reports different codes', async () => {
    const deps = memoryDeps(index);
    const a = await submitReport(deps, reportRequest());
    const b = await submitReport(deps, reportRequest());
    expect(a.body.trackingCode).not.toBe(b.body.trackingCode);
    expect(a.body.caseId).not.toBe(b.body.caseId);
    expect(deps.store.files.size).toBe(2);
  });

  it('answers a retry with the same proposed code and content with the same case, not a new one', async () => {
    const deps = memoryDeps(index);
    const first = await submitReport(deps, reportRequest({ trackingCode: CODE }));
    expect(first.created).toBe(true);
    expect(first.body.trackingCode).toBe(CODE);
    expect(first.body.caseId).toBe(CASE_ID);

    deps.clock.advance(60_000);
    const retry = await submitReport(deps, reportRequest({ trackingCode: '7k3mq9tzx2b4rw8d' }));
    expect(retry.created).toBe(false);
    expect(retry.body).toEqual(first.body);
    expect(deps.store.files.size).toBe(1);
    expect(deps.store.files.get(CASE_ID)!.case.createdAt).toBe(TEST_NOW);
  });

  it('treats content with its keys in another order as the same content', async () => {
    const deps = memoryDeps(index);
    await submitReport(deps, reportRequest({ trackingCode: CODE }));
    const reordered = Object.fromEntries(Object.entries(reportRequest({ trackingCode: CODE })).reverse()) as SubmitReportRequest;
    expect((await submitReport(deps, reordered)).created).toBe(false);
  });

  it('refuses the same proposed code with different content (409), and keeps the first report', async () => {
    const deps = memoryDeps(index);
    await submitReport(deps, reportRequest({ trackingCode: CODE }));
    const before = structuredClone(deps.store.files.get(CASE_ID));
    for (const change of [
      { description: 'Something else entirely.' },
      { subjectIsHead: true },
      { amount: null },
      { organizationId: 'kr-moe' },
    ]) {
      const error = await domainError(submitReport(deps, reportRequest({ trackingCode: CODE, ...change })));
      expect(error.code).toBe('CONFLICT');
      expect(error.status).toBe(409);
    }
    expect(deps.store.files.size).toBe(1);
    expect(deps.store.files.get(CASE_ID)).toEqual(before);
  });

  it('refuses an unknown category and organization, naming both', async () => {
    const deps = memoryDeps(index);
    const error = await domainError(submitReport(deps, reportRequest({ category: 'lottery', organizationId: 'kr-nowhere' })));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.status).toBe(400);
    expect(error.details.map((d) => d.path)).toEqual(['category', 'organizationId']);
    expect(error.details[0]!.message).toContain('lottery');
    expect(deps.store.files.size).toBe(0);
  });

  it('refuses a language the portal does not offer', async () => {
    const deps = memoryDeps(index);
    const error = await domainError(submitReport(deps, reportRequest({ language: 'fr' })));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: 'language', message: 'one of ko, en' }]);
  });

  it('takes a month instead of a day, and "about then", for a date the reporter is not sure of', async () => {
    const deps = memoryDeps(index);
    const { body } = await submitReport(deps, reportRequest({ occurredOn: '2026-09', occurredApproximately: true }));
    const record = deps.store.files.get(body.caseId)!.case;
    expect(JSON.parse(await deps.sealer.open(record.sealedReport, body.caseId))).toMatchObject({
      occurredOn: '2026-09',
      occurredApproximately: true,
    });
    // The current month is not the future; the next one is.
    expect((await submitReport(deps, reportRequest({ occurredOn: '2026-10' }))).created).toBe(true);
    expect((await domainError(submitReport(deps, reportRequest({ occurredOn: '2026-11' })))).details).toEqual([
      { path: 'occurredOn', message: 'cannot be in the future' },
    ]);
    expect(submitReportRequest.safeParse({ ...reportRequest(), occurredOn: '2026-13' }).success).toBe(false);
    expect(submitReportRequest.safeParse({ ...reportRequest(), occurredOn: '2026-02-30' }).success).toBe(false);
  });

  it('refuses an occurredOn in the future, with a day of slack for time zones', async () => {
    const deps = memoryDeps(index);
    const error = await domainError(submitReport(deps, reportRequest({ occurredOn: '2026-10-17' })));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: 'occurredOn', message: 'cannot be in the future' }]);
    expect((await submitReport(deps, reportRequest({ occurredOn: '2026-10-16' }))).created).toBe(true);
    expect((await submitReport(deps, reportRequest({ occurredOn: '1999-12-31' }))).created).toBe(true);
  });

  it.each([['ABCD-EFGH-JKMN-PQRU'], ['ABCD-EFGH-JKMN'], ['not a code at all'], ['ABCD-EFGH-JKMN-PQRS-TVWX'], ['']])(
    'refuses the malformed proposed code %j',
    async (trackingCode) => {
      const deps = memoryDeps(index);
      const error = await domainError(submitReport(deps, reportRequest({ trackingCode })));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.map((d) => d.path)).toEqual(['trackingCode']);
      expect(deps.store.files.size).toBe(0);
    },
  );

  it.each([['0000-0000-0000-0000'], ['ABCD-EFGH-JKMN-PQRS'], ['7K3M-7K3M-7K3M-7K3M']])(
    'refuses the guessable proposed code %j',
    async (trackingCode) => {
      const deps = memoryDeps(index);
      const error = await domainError(submitReport(deps, reportRequest({ trackingCode })));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details).toEqual([{ path: 'trackingCode', message: expect.stringMatching(/^could be guessed: /) }]);
      expect(deps.store.files.size).toBe(0);
    },
  );

  describe('with attachments', () => {
    it('moves a checked upload under evidence/<caseId>/ and removes the incoming object', async () => {
      const deps = memoryDeps(index);
      const { uploadId, key: incomingKey } = await uploadOne(deps, pdf);
      expect(incomingKey).toMatch(/^incoming\//);
      const { body } = await submitReport(deps, reportRequest({ uploadIds: [uploadId] }));

      const [attachment, ...others] = deps.store.files.get(body.caseId)!.attachments;
      expect(others).toEqual([]);
      expect(attachment).toMatchObject({
        caseId: body.caseId,
        at: TEST_NOW,
        size: PDF_BYTES.length,
        contentType: 'application/pdf',
        addedBy: 'whistleblower',
      });
      expect(attachment!.key).toBe(`evidence/${body.caseId}/${attachment!.id}`);
      expect(await deps.sealer.open(attachment!.sealedName, body.caseId)).toBe('계약서.pdf');
      expect(JSON.stringify(attachment)).not.toContain('계약서');
      expect(deps.evidence.objects.get(attachment!.key)).toEqual({ body: PDF_BYTES, contentType: 'application/pdf' });
      expect(deps.evidence.keys('incoming/')).toEqual([]);
      expect(deps.evidence.keys()).toEqual([attachment!.key]);
    });

    it('refuses an upload another submission claimed first (409), keeping none of its copies', async () => {
      const deps = memoryDeps(index);
      const { uploadId, key } = await uploadOne(deps, pdf);
      // Another submission racing with the same upload id committed its claim between our check and our write.
      deps.store.claims.set(key, 'ANOTHER-CASE');
      const error = await domainError(submitReport(deps, reportRequest({ uploadIds: [uploadId], trackingCode: CODE })));
      expect(error.code).toBe('CONFLICT');
      expect(error.details.map((d) => d.path)).toEqual(['uploadIds.0']);
      expect(deps.store.files.size).toBe(0);
      expect(deps.evidence.keys('evidence/')).toEqual([]);
    });

    it('claims the uploads it takes, until a day after their ids expire', async () => {
      const deps = memoryDeps(index);
      const { uploadId, key } = await uploadOne(deps, pdf);
      const { body } = await submitReport(deps, reportRequest({ uploadIds: [uploadId] }));
      expect(deps.store.claims.get(key)).toBe(body.caseId);
    });

    it('strips metadata from photos on the way to evidence', async () => {
      const deps = memoryDeps(index);
      const uploads = await upload(deps, [
        { name: 'site.jpg', contentType: 'image/jpeg', body: jpegWithMetadata() },
        { name: 'map.png', contentType: 'image/png', body: pngWithMetadata() },
      ]);
      const { body } = await submitReport(deps, reportRequest({ uploadIds: uploads.map((u) => u.uploadId) }));
      const attachments = deps.store.files.get(body.caseId)!.attachments;
      expect(attachments).toHaveLength(2);
      for (const a of attachments) {
        const stored = deps.evidence.objects.get(a.key)!.body;
        expect(containsBytes(stored, 'GPS-SECRET')).toBe(false);
        expect(a.size).toBe(stored.length);
      }
      expect(deps.evidence.objects.get(attachments[0]!.key)!.body).toEqual(jpegWithoutMetadata());
      expect(deps.evidence.keys('incoming/')).toEqual([]);
    });

    it('refuses an upload whose size is not the declared one', async () => {
      const deps = memoryDeps(index);
      const { uploadId } = await uploadOne(deps, { ...pdf, declaredSize: PDF_BYTES.length + 1 });
      const error = await domainError(submitReport(deps, reportRequest({ uploadIds: [uploadId] })));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details).toEqual([
        { path: 'uploadIds.0', message: `declared ${PDF_BYTES.length + 1} bytes, received ${PDF_BYTES.length}` },
      ]);
      expect(deps.store.files.size).toBe(0);
      expect(deps.evidence.keys('evidence/')).toEqual([]);
    });

    it('refuses bytes that are not of the declared type (415)', async () => {
      const deps = memoryDeps(index);
      const { uploadId } = await uploadOne(deps, { name: 'scan.pdf', contentType: 'application/pdf', body: pngWithMetadata() });
      const error = await domainError(submitReport(deps, reportRequest({ uploadIds: [uploadId] })));
      expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(error.status).toBe(415);
      // The refusal names the upload, so the reporter's page can say which file to change.
      expect(error.details).toEqual([{ path: 'uploadIds.0', message: "the file's content is not application/pdf" }]);
      expect(deps.store.files.size).toBe(0);
      expect(deps.evidence.keys('evidence/')).toEqual([]);
    });

    it('refuses an executable sent as text (415)', async () => {
      const deps = memoryDeps(index);
      const { uploadId } = await uploadOne(deps, {
        name: 'notes.txt',
        contentType: 'text/plain',
        body: new Uint8Array(Buffer.from('#!/bin/sh\necho hi\n')),
      });
      expect((await domainError(submitReport(deps, reportRequest({ uploadIds: [uploadId] })))).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses an upload larger than 25 MiB even when it was declared smaller (413)', async () => {
      const deps = memoryDeps(index);
      const huge = new Uint8Array(25 * 1024 * 1024 + 1);
      huge.set(PDF_BYTES);
      const { uploadId } = await uploadOne(deps, { ...pdf, body: huge, declaredSize: 1000 });
      const error = await domainError(submitReport(deps, reportRequest({ uploadIds: [uploadId] })));
      expect(error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(error.details.map((d) => d.path)).toEqual(['uploadIds.0']);
      expect(deps.store.files.size).toBe(0);
    });

    it('refuses an upload that never arrived', async () => {
      const deps = memoryDeps(index);
      const { uploadId } = await uploadOne(deps, pdf, false);
      const error = await domainError(submitReport(deps, reportRequest({ uploadIds: [uploadId], trackingCode: CODE })));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details).toEqual([{ path: 'uploadIds.0', message: 'no file was uploaded for this upload id' }]);
      expect(deps.store.files.size).toBe(0);
    });

    it('names the failing upload by its position', async () => {
      const deps = memoryDeps(index);
      const good = await uploadOne(deps, pdf);
      const missing = await uploadOne(deps, pdf, false);
      const error = await domainError(submitReport(deps, reportRequest({ uploadIds: [good.uploadId, missing.uploadId] })));
      expect(error.details.map((d) => d.path)).toEqual(['uploadIds.1']);
      expect(deps.evidence.keys('evidence/')).toEqual([]);
      expect(deps.evidence.keys('incoming/')).toEqual([good.key]);
    });

    it('refuses a forged, foreign or expired upload id', async () => {
      const deps = memoryDeps(index);
      const forged = await domainError(submitReport(deps, reportRequest({ uploadIds: ['incoming/ABC.forged'] })));
      expect(forged.code).toBe('VALIDATION_FAILED');
      expect(forged.details.map((d) => d.path)).toEqual(['uploadIds.0']);

      const foreign = memoryDeps(index, { pepper: OTHER_PEPPER });
      const { uploadId } = await uploadOne(foreign, pdf);
      deps.evidence.put(foreign.evidence.keys('incoming/')[0]!, PDF_BYTES);
      expect((await domainError(submitReport(deps, reportRequest({ uploadIds: [uploadId] })))).code).toBe('VALIDATION_FAILED');

      const own = await uploadOne(deps, pdf);
      deps.clock.advance(25 * 60 * 60 * 1000);
      expect((await domainError(submitReport(deps, reportRequest({ uploadIds: [own.uploadId], occurredOn: null })))).code).toBe(
        'VALIDATION_FAILED',
      );
      expect(deps.store.files.size).toBe(0);
    });

    it('answers a retry of a committed submission whose uploads are gone with the stored case', async () => {
      const deps = memoryDeps(index);
      const { uploadId } = await uploadOne(deps, pdf);
      const report = reportRequest({ uploadIds: [uploadId], trackingCode: CODE });
      const first = await submitReport(deps, report);
      expect(deps.evidence.keys('incoming/')).toEqual([]);

      const retry = await submitReport(deps, report);
      expect(retry.created).toBe(false);
      expect(retry.body).toEqual(first.body);
      expect(deps.store.files.get(CASE_ID)!.attachments).toHaveLength(1);
      expect(deps.evidence.keys('evidence/')).toHaveLength(1);
    });

    it('still refuses a retry with gone uploads and other content', async () => {
      const deps = memoryDeps(index);
      const { uploadId } = await uploadOne(deps, pdf);
      await submitReport(deps, reportRequest({ uploadIds: [uploadId], trackingCode: CODE }));
      const error = await domainError(
        submitReport(deps, reportRequest({ uploadIds: [uploadId], trackingCode: CODE, title: 'Another report' })),
      );
      expect(error.code).toBe('CONFLICT');
    });

    it('does not keep the evidence copies of a retry that re-uploaded its files', async () => {
      const deps = memoryDeps(index);
      const firstUpload = await uploadOne(deps, pdf);
      await submitReport(deps, reportRequest({ uploadIds: [firstUpload.uploadId], trackingCode: CODE }));
      const evidenceBefore = deps.evidence.keys('evidence/');
      const secondUpload = await uploadOne(deps, pdf);
      const retry = await submitReport(deps, reportRequest({ uploadIds: [secondUpload.uploadId], trackingCode: CODE }));
      expect(retry.created).toBe(false);
      expect(deps.evidence.keys('evidence/')).toEqual(evidenceBefore);
      expect(deps.store.files.get(CASE_ID)!.attachments).toHaveLength(1);
    });

    it('removes the promoted evidence copies when the store fails, and a retry then succeeds', async () => {
      const deps = memoryDeps(index);
      const uploads = await upload(deps, [pdf, { name: 'photo.jpg', contentType: 'image/jpeg', body: jpegWithMetadata() }]);
      const report = reportRequest({ uploadIds: uploads.map((u) => u.uploadId), trackingCode: CODE });
      deps.store.failNextWrite = new DependencyDown('case table');
      await expect(submitReport(deps, report)).rejects.toBeInstanceOf(DependencyDown);
      expect(deps.store.files.size).toBe(0);
      expect(deps.evidence.keys('evidence/')).toEqual([]);
      expect(deps.evidence.keys('incoming/')).toEqual(uploads.map((u) => u.key).sort());

      const retry = await submitReport(deps, report);
      expect(retry.created).toBe(true);
      expect(deps.store.files.get(CASE_ID)!.attachments).toHaveLength(2);
      expect(deps.evidence.keys('evidence/')).toHaveLength(2);
      expect(deps.evidence.keys('incoming/')).toEqual([]);
    });

    it('removes what it copied when evidence storage fails half way, and stores nothing', async () => {
      const deps = memoryDeps(index);
      const uploads = await upload(deps, [pdf, pdf, pdf]);
      deps.evidence.writesBeforeFailure = 2;
      await expect(submitReport(deps, reportRequest({ uploadIds: uploads.map((u) => u.uploadId) }))).rejects.toBeInstanceOf(DependencyDown);
      expect(deps.store.files.size).toBe(0);
      expect(deps.store.writes).toBe(0);
      expect(deps.evidence.keys('evidence/')).toEqual([]);
      expect(deps.evidence.keys('incoming/')).toHaveLength(3);
    });

    it('stores nothing when the key service fails', async () => {
      const deps = memoryDeps(index);
      const { uploadId } = await uploadOne(deps, pdf);
      deps.sealer.failing = true;
      await expect(submitReport(deps, reportRequest({ uploadIds: [uploadId] }))).rejects.toBeInstanceOf(DependencyDown);
      expect(deps.store.files.size).toBe(0);
      expect(deps.evidence.keys('evidence/')).toEqual([]);
      expect(deps.evidence.keys('incoming/')).toHaveLength(1);
    });
  });
});
