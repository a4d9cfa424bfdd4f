// File → route → track, through the local runtime against the embedded servers: a report with an attachment
// uploaded through the presigned POST, tracked typed lower-case without dashes, a reply, an idempotent retry,
// a conflicting retry and an unknown code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCaseKeyStore } from '#adapters/localCaseKeyStore.js';
import { LocalKeySealer } from '#adapters/localKeySealer.js';
import { openEvidence } from '#adapters/localSealedEvidenceStore.js';
import { createS3Client } from '#composition/awsClients.js';
import { configResponse, pageResponse } from '#schemas/config.js';
import { submitReportResponse } from '#schemas/report.js';
import { trackResponse } from '#schemas/track.js';
import { pngWithText } from './support/fixtures.js';
import {
  type IssuedUpload,
  type TestPortal,
  aReport,
  postUploadForm,
  bearer,
  proposedCode,
  signIn,
  startTestPortal,
  uploadFile,
} from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const s3 = () => createS3Client('us-east-1', process.env.S3_ENDPOINT);
const bucket = () => process.env.BUCKET_NAME!;

describe('public configuration', () => {
  it('describes the Korean pack in the asked language', async () => {
    const answer = await portal.api('GET', '/config?lang=en');
    expect(answer.status).toBe(200);
    const config = configResponse.parse(answer.body);
    expect(config.country.code).toBe('kr');
    expect(config.language).toBe('en');
    expect(config.organizations.length).toBeGreaterThanOrEqual(41);
    expect(config.organizations.find((o) => o.id === 'kr-acrc')?.name).toMatch(/Anti-Corruption/);
    expect(config.categories.map((c) => c.id)).toContain('solicitation-graft');
    expect(config.deadlines).toEqual({ acknowledgeDays: 7, respondDays: 60 });
    expect(config.pages.map((p) => p.id).sort()).toEqual(['how-it-works', 'policies', 'protection', 'rewards']);
  });

  it('falls back to the default language and serves Korean strings', async () => {
    const answer = await portal.api('GET', '/config');
    expect(answer.body.language).toBe('ko');
    expect(answer.body.strings['nav.report']).toMatch(/[가-힣]/);
  });

  it('serves an information page and answers 404 for an unknown one', async () => {
    const page = await portal.api('GET', '/pages/protection?lang=en');
    expect(page.status).toBe(200);
    expect(pageResponse.parse(page.body).markdown.length).toBeGreaterThan(200);
    expect((await portal.api('GET', '/pages/constructor')).status).toBe(404);
  });
});

describe('a report with an attachment', () => {
  const code = proposedCode();
  const secretInPhoto = 'GPS 37.5665N 126.9780E by Kim';
  let uploadId: string;
  let caseId: string;

  it('uploads a photo through the presigned POST and files the report', async () => {
    uploadId = await uploadFile(portal, { name: 'receipt.png', contentType: 'image/png', bytes: pngWithText(secretInPhoto) });
    const answer = await portal.api('POST', '/reports', aReport({ trackingCode: code, uploadIds: [uploadId] }));
    expect(answer.status).toBe(201);
    const body = submitReportResponse.parse(answer.body);
    expect(body.trackingCode).toBe(code.match(/.{4}/g)!.join('-'));
    expect(body.status).toBe('received');
    // Corruption reports go to the ACRC under the pack's routing rules.
    expect(body.organization).toEqual({ id: 'kr-acrc', name: 'Anti-Corruption and Civil Rights Commission' });
    expect(Date.parse(body.respondBy) - Date.parse(body.acknowledgeBy)).toBe(53 * 24 * 3600 * 1000);
    caseId = body.caseId;
  });

  it('moved the upload to evidence/<caseId>/ without its metadata, sealed under the case\u2019s own key', async () => {
    const listed = await s3().send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: `evidence/${caseId}/` }));
    expect(listed.Contents).toHaveLength(1);
    const key = listed.Contents![0]!.Key!;
    const object = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
    const stored = Buffer.from(await object.Body!.transformToByteArray());
    expect(stored.includes(Buffer.from('PNG'))).toBe(false);
    const textKey = Buffer.from(readFileSync(join(portal.dataDir, 'secrets', 'encryption.key'), 'utf8').trim(), 'base64');
    const caseKeys = new LocalCaseKeyStore(join(portal.dataDir, 'secrets', 'case-keys'), new LocalKeySealer(textKey));
    const bytes = Buffer.from(openEvidence((await caseKeys.find(caseId))!, key, stored));
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    expect(bytes.includes(Buffer.from(secretInPhoto))).toBe(false);
    const incoming = await s3().send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: 'incoming/' }));
    expect(incoming.Contents ?? []).toHaveLength(0);
  });

  it('is tracked with the code typed lower-case without dashes', async () => {
    const answer = await portal.api('POST', '/track', { trackingCode: code.toLowerCase() });
    expect(answer.status).toBe(200);
    const tracked = trackResponse.parse(answer.body);
    expect(tracked.caseId).toBe(caseId);
    expect(tracked.status).toBe('received');
    expect(tracked.timeline).toEqual([{ at: tracked.createdAt, status: 'received' }]);
    expect(tracked.attachments).toEqual([{ id: expect.any(String), name: 'receipt.png', size: expect.any(Number) }]);
    expect(tracked.messages).toEqual([]);
  });

  it('takes a reply from the whistleblower, with more evidence', async () => {
    const more = await uploadFile(portal, {
      name: 'contract.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.7\n%%EOF\n'),
    });
    const answer = await portal.api('POST', '/track/messages', {
      trackingCode: code.match(/.{4}/g)!.join(' '),
      body: 'The officer is named Park; the meeting was on a Tuesday.',
      uploadIds: [more],
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ id: expect.any(String), at: expect.any(String) });
    const tracked = (await portal.api('POST', '/track', { trackingCode: code })).body;
    expect(tracked.messages).toEqual([
      { id: answer.body.id, at: answer.body.at, from: 'whistleblower', body: 'The officer is named Park; the meeting was on a Tuesday.' },
    ]);
    expect(tracked.attachments.map((a: { name: string }) => a.name).sort()).toEqual(['contract.pdf', 'receipt.png']);
  });

  it('answers a retried submission with the same case (200), even though its uploads were consumed', async () => {
    const answer = await portal.api('POST', '/reports', aReport({ trackingCode: code.toLowerCase(), uploadIds: [uploadId] }));
    expect(answer.status).toBe(200);
    expect(answer.body.caseId).toBe(caseId);
    const tracked = (await portal.api('POST', '/track', { trackingCode: code })).body;
    expect(tracked.attachments).toHaveLength(2);
  });

  it('refuses the same code with other content (409) and changes nothing', async () => {
    const answer = await portal.api('POST', '/reports', aReport({ trackingCode: code, title: 'Another matter entirely' }));
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('CONFLICT');
    expect((await portal.api('POST', '/track', { trackingCode: code })).body.caseId).toBe(caseId);
  });

  it('answers 404 for a well-formed code nobody was given', async () => {
    const answer = await portal.api('POST', '/track', { trackingCode: proposedCode() });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NOT_FOUND');
    const message = await portal.api('POST', '/track/messages', { trackingCode: proposedCode(), body: 'hello' });
    expect(message.status).toBe(404);
  });
});

describe('reports without a proposed code', () => {
  it('get a server-generated code and are routed by the pack', async () => {
    const answer = await portal.api('POST', '/reports', aReport({ category: 'code-of-conduct', organizationId: 'kr-nts' }));
    expect(answer.status).toBe(201);
    expect(answer.body.organization.id).toBe('kr-nts');
    expect(answer.body.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect((await portal.api('POST', '/track', { trackingCode: answer.body.trackingCode })).status).toBe(200);
  });

  it('never route a report about the head to that organization', async () => {
    const answer = await portal.api(
      'POST',
      '/reports',
      aReport({ category: 'code-of-conduct', organizationId: 'kr-nts', subjectIsHead: true }),
    );
    expect(answer.status).toBe(201);
    expect(answer.body.organization.id).toBe('kr-acrc');
    const acrcHead = await portal.api('POST', '/reports', aReport({ organizationId: 'kr-acrc', subjectIsHead: true }));
    expect(acrcHead.body.organization.id).toBe('kr-bai');
  });

  it("keeps a confidential report's contact details out of the whistleblower view", async () => {
    const answer = await portal.api('POST', '/reports', aReport({ anonymity: 'confidential', contact: { email: 'reporter@example.org' } }));
    expect(answer.status).toBe(201);
    const tracked = await portal.api('POST', '/track', { trackingCode: answer.body.trackingCode });
    expect(tracked.text).not.toContain('reporter@example.org');
  });
});

describe('the reporter returning to a closed case', () => {
  const code = proposedCode();
  const contact = { name: 'Park Seo-yeon', email: 'seoyeon@example.org' };

  it('reads the report as filed, how the case ended, and every name in the language they read in now', async () => {
    const filed = await portal.api(
      'POST',
      '/reports',
      aReport({ trackingCode: code, language: 'en', category: 'budget-waste', anonymity: 'confidential', contact }),
    );
    expect(filed.status).toBe(201);
    const handler = await signIn(portal, `handler@${filed.body.organization.id}`);
    for (const change of [
      { status: 'acknowledged' },
      { status: 'closed', resolution: 'substantiated', publicNote: 'The double payment has been recovered.' },
    ])
      expect((await portal.api('PATCH', `/cases/${filed.body.caseId}`, change, bearer(handler))).status).toBe(200);

    const answer = await portal.api('POST', '/track', { trackingCode: code.toLowerCase(), language: 'ko' });
    expect(answer.status).toBe(200);
    const tracked = trackResponse.parse(answer.body);
    expect(tracked).toMatchObject({
      status: 'closed',
      resolution: 'substantiated',
      closedAt: tracked.timeline.at(-1)!.at,
      language: 'ko',
      organization: { id: 'kr-molit', name: '국토교통부' },
      report: {
        category: { id: 'budget-waste', name: expect.stringMatching(/[가-힣]/) },
        reportedOrganization: { id: 'kr-molit', name: '국토교통부' },
        anonymity: 'confidential',
        contactSharedWith: { id: 'kr-molit', name: '국토교통부' },
        title: 'Permit officer asked for cash',
        occurredOn: '2026-10-01',
        location: 'Sejong',
        amount: { value: 5_000_000, currency: 'KRW' },
      },
    });
    for (const hidden of [contact.name, contact.email]) expect(answer.text).not.toContain(hidden);
    // The code travels in the body only: neither it nor the report's text reaches a log line.
    expect(portal.output()).not.toContain(code);
    expect(portal.output()).not.toContain('Permit officer asked for cash');
  });

  it('refuses a language that is not a language code', async () => {
    const answer = await portal.api('POST', '/track', { trackingCode: code, language: '<script>' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.map((d: { path: string }) => d.path)).toEqual(['language']);
  });
});

describe('attachment checks at submit', () => {
  it('refuses an upload whose bytes are not its declared type', async () => {
    const id = await uploadFile(portal, {
      name: 'photo.png',
      contentType: 'image/png',
      bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]),
    });
    const answer = await portal.api('POST', '/reports', aReport({ uploadIds: [id] }));
    expect(answer.status).toBe(415);
    expect(answer.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an upload that is not the declared size: at storage, and again at submit if storage let it in', async () => {
    const issued = await portal.api('POST', '/uploads', { files: [{ name: 'notes.txt', size: 4, contentType: 'text/plain' }] });
    const upload = issued.body.uploads[0] as IssuedUpload;
    const sent = await postUploadForm(portal, upload, {
      name: 'notes.txt',
      contentType: 'text/plain',
      bytes: Buffer.from('much longer than declared'),
    });
    expect(sent.status).toBe(403);
    expect(((await sent.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    // A storage server that checks no policy (s3rver, reached directly) is why the intake checks the size too.
    await s3().send(new PutObjectCommand({ Bucket: bucket(), Key: upload.fields.key!, Body: 'much longer than declared' }));
    const answer = await portal.api('POST', '/reports', aReport({ uploadIds: [upload.uploadId] }));
    expect(answer.status).toBe(400);
    expect(answer.body.error.details[0].path).toBe('uploadIds.0');
  });

  it('refuses an upload id that was never issued, or was altered', async () => {
    const id = await uploadFile(portal, { name: 'notes.txt', contentType: 'text/plain', bytes: Buffer.from('notes') });
    const [payload, signature] = id.split('.');
    const forged = `${Buffer.from(Buffer.from(payload!, 'base64url').toString().replace('notes.txt', 'other.txt')).toString('base64url')}.${signature}`;
    for (const bad of ['nonsense', forged]) {
      const answer = await portal.api('POST', '/reports', aReport({ uploadIds: [bad] }));
      expect(answer.status).toBe(400);
    }
  });

  it('refuses an upload that never arrived', async () => {
    const answer = await portal.api('POST', '/uploads', { files: [{ name: 'a.pdf', size: 100, contentType: 'application/pdf' }] });
    const report = await portal.api('POST', '/reports', aReport({ uploadIds: [answer.body.uploads[0].uploadId] }));
    expect(report.status).toBe(400);
    expect(report.body.error.message).toMatch(/not received/);
  });
});

describe('presigned POST', () => {
  it('pins the size and type in its policy and points under incoming/', async () => {
    const answer = await portal.api('POST', '/uploads', { files: [{ name: 'a.pdf', size: 1234, contentType: 'application/pdf' }] });
    expect(answer.status).toBe(201);
    const upload = answer.body.uploads[0];
    expect(upload.fields.key).toMatch(/^incoming\/[0-9A-Z]{16}$/);
    const policy = JSON.parse(Buffer.from(upload.fields.Policy, 'base64').toString());
    expect(policy.conditions).toContainEqual(['content-length-range', 1234, 1234]);
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'application/pdf']);
    expect(Date.parse(upload.expiresAt)).toBeGreaterThan(Date.now());
    await expect(s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: upload.fields.key }))).rejects.toThrow();
  });
});
