import { describe, expect, it } from 'vitest';
import { submitReport } from '#core/submitReport.js';
import { UNKNOWN_CODE_MESSAGE, caseIdFromTypedCode, trackCase } from '#core/trackCase.js';
import { caseIdForCode } from '#core/trackingKey.js';
import { normalizeTrackingCode } from '#contract/trackingCode.js';
import { trackResponse } from '#schemas/track.js';
import { domainError } from './support/errors.js';
import { PDF_BYTES, krIndex, reportRequest } from './support/fixtures.js';
import { type MemoryDeps, OTHER_PEPPER, TEST_NOW, TEST_PEPPER, memoryDeps } from './support/memoryPorts.js';
import { uploadOne } from './support/uploads.js';

const index = krIndex();
const CODE = 'TVWX-YZ01-2345-6798';

/** A filed report that the agency has since acknowledged with a public note and asked a question about. */
async function filedCase(deps: MemoryDeps) {
  const { uploadId } = await uploadOne(deps, { name: '영수증 사본.pdf', contentType: 'application/pdf', body: PDF_BYTES });
  const report = reportRequest({
    trackingCode: CODE,
    uploadIds: [uploadId],
    anonymity: 'confidential',
    contact: { email: 'reporter@example.kr' },
    description: 'The head of the road division took cash.',
  });
  const { body } = await submitReport(deps, report);
  const seal = (text: string) => deps.sealer.seal(text, body.caseId);
  const publicNote = await seal('We have received your report and assigned an investigator.');
  const question = await seal('Can you tell us the date of the second payment?');
  deps.store.update(body.caseId, (file) => {
    file.case.status = 'acknowledged';
    file.timeline.push({
      caseId: body.caseId,
      id: 'T2',
      at: '2026-10-16T01:00:00.000Z',
      status: 'acknowledged',
      sealedPublicNote: publicNote,
    });
    file.messages.push({
      caseId: body.caseId,
      id: 'M1',
      at: '2026-10-16T01:05:00.000Z',
      from: 'agency',
      sealedBody: question,
      attachmentIds: [],
    });
  });
  return body;
}

describe('trackCase', () => {
  it('shows status, deadlines, timeline with public notes, decrypted messages and attachment names', async () => {
    const deps = memoryDeps(index);
    const filed = await filedCase(deps);
    const tracked = await trackCase(deps, CODE);
    expect(trackResponse.parse(tracked)).toEqual(tracked);
    expect(tracked).toEqual({
      caseId: filed.caseId,
      status: 'acknowledged',
      organization: { id: 'kr-acrc', name: 'Anti-Corruption and Civil Rights Commission' },
      createdAt: TEST_NOW,
      acknowledgeBy: filed.acknowledgeBy,
      respondBy: filed.respondBy,
      timeline: [
        { at: TEST_NOW, status: 'received' },
        {
          at: '2026-10-16T01:00:00.000Z',
          status: 'acknowledged',
          publicNote: 'We have received your report and assigned an investigator.',
        },
      ],
      messages: [{ id: 'M1', at: '2026-10-16T01:05:00.000Z', from: 'agency', body: 'Can you tell us the date of the second payment?' }],
      attachments: [{ id: expect.any(String), name: '영수증 사본.pdf', size: PDF_BYTES.length }],
      language: 'en',
      report: {
        category: { id: 'corruption', name: 'Corruption report' },
        reportedOrganization: { id: 'kr-molit', name: 'Ministry of Land, Infrastructure and Transport' },
        subjectIsHead: false,
        anonymity: 'confidential',
        contactSharedWith: { id: 'kr-acrc', name: 'Anti-Corruption and Civil Rights Commission' },
        title: 'Permit officer asked for cash',
        description: 'The head of the road division took cash.',
        occurredOn: '2026-10-01',
        occurredApproximately: false,
        location: 'Sejong',
        amount: { value: 5_000_000, currency: 'KRW' },
      },
      resolution: null,
      closedAt: null,
      deleteAfter: null,
      retentionYears: 10,
      receipt: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      applications: [],
    });
  });

  it('gives back a month the reporter knew only approximately as they said it, and the answer parses', async () => {
    const deps = memoryDeps(index);
    await submitReport(deps, reportRequest({ trackingCode: CODE, occurredOn: '2025-04', occurredApproximately: true }));
    const tracked = await trackCase(deps, CODE);
    expect(tracked.report).toMatchObject({ occurredOn: '2025-04', occurredApproximately: true });
    expect(trackResponse.safeParse(tracked).success).toBe(true);
  });

  it('gives the report back as filed, with no contact details: a code found on a shared phone must not name the reporter', async () => {
    const deps = memoryDeps(index);
    const filed = await submitReport(
      deps,
      reportRequest({
        trackingCode: CODE,
        anonymity: 'confidential',
        contact: { name: 'Kim Minji', email: 'reporter@example.kr', phone: '+82 10 5555 0101' },
        occurredOn: null,
        location: null,
        amount: null,
        subjectIsHead: true,
      }),
    );
    const tracked = await trackCase(deps, CODE);
    expect(tracked.report).toMatchObject({ subjectIsHead: true, occurredOn: null, location: null, amount: null });
    expect(tracked.report.contactSharedWith).toEqual(filed.body.organization);
    const shown = JSON.stringify(tracked);
    for (const hidden of ['Kim Minji', 'reporter@example.kr', '5555', 'contact"']) expect(shown).not.toContain(hidden);
  });

  it('says how a closed case ended, and when', async () => {
    const deps = memoryDeps(index);
    const filed = await filedCase(deps);
    deps.store.update(filed.caseId, (file) => {
      file.case.status = 'closed';
      file.case.resolution = 'substantiated';
      file.case.closedAt = '2026-11-02T03:00:00.000Z';
    });
    expect(await trackCase(deps, CODE)).toMatchObject({
      status: 'closed',
      resolution: 'substantiated',
      closedAt: '2026-11-02T03:00:00.000Z',
    });
  });

  it('shows no contact details, routing internals or storage keys', async () => {
    const deps = memoryDeps(index);
    await filedCase(deps);
    const shown = JSON.stringify(await trackCase(deps, CODE));
    for (const hidden of ['reporter@example.kr', 'routingRuleId', 'evidence/', 'sealed', 'contentFingerprint']) {
      expect(shown).not.toContain(hidden);
    }
  });

  it('finds the case from a lower-case code without dashes, or with Crockford look-alikes', async () => {
    const deps = memoryDeps(index);
    const filed = await filedCase(deps);
    for (const typed of ['tvwxyz0123456798', ' tvwx yz01 2345 6798 ', 'TVWX-YZO1-2345-6798', 'tvwx-yzoi-2345-6798']) {
      expect((await trackCase(deps, typed)).caseId).toBe(filed.caseId);
    }
  });

  it('answers NOT_FOUND for a well-formed code no report has', async () => {
    const deps = memoryDeps(index);
    await filedCase(deps);
    const error = await domainError(trackCase(deps, 'TVWX-YZ01-2345-6788'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.status).toBe(404);
    expect(error.message).toBe(UNKNOWN_CODE_MESSAGE);
  });

  it('answers NOT_FOUND under another pepper', async () => {
    const deps = memoryDeps(index);
    await filedCase(deps);
    expect((await domainError(trackCase({ ...deps, pepper: OTHER_PEPPER }, CODE))).code).toBe('NOT_FOUND');
  });

  it.each([['TVWX-YZ01-2345-678'], ['TVWX-YZ01-2345-678U'], [''], ['<script>'], ['x'.repeat(65)]])(
    'answers VALIDATION_FAILED for the malformed code %j',
    async (typed) => {
      const deps = memoryDeps(index);
      const error = await domainError(trackCase(deps, typed));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.map((d) => d.path)).toEqual(['trackingCode']);
    },
  );

  it('names the organization in the language of the report when the reader names none', async () => {
    const deps = memoryDeps(index);
    await submitReport(deps, reportRequest({ trackingCode: CODE, language: 'ko' }));
    const tracked = await trackCase(deps, CODE);
    expect(tracked.organization).toEqual({ id: 'kr-acrc', name: '국민권익위원회' });
    expect(tracked.language).toBe('ko');
  });

  it("names every organization and the report's type in the reader's language, not the filing language", async () => {
    const deps = memoryDeps(index);
    const filed = await filedCase(deps);
    deps.store.update(filed.caseId, (file) => {
      file.case.organizationId = 'kr-nts';
      file.timeline.push({
        caseId: filed.caseId,
        id: 'T3',
        at: '2026-10-17T01:00:00.000Z',
        status: 'transferred',
        sealedPublicNote: null,
        organizationId: 'kr-nts',
      });
    });
    const tracked = await trackCase(deps, CODE, 'ko');
    expect(tracked.language).toBe('ko');
    expect(tracked.organization).toEqual({ id: 'kr-nts', name: '국세청' });
    expect(tracked.timeline.at(-1)?.organization).toEqual({ id: 'kr-nts', name: '국세청' });
    expect(tracked.report).toMatchObject({
      category: { id: 'corruption', name: '부패신고' },
      reportedOrganization: { id: 'kr-molit', name: '국토교통부' },
      contactSharedWith: { id: 'kr-acrc', name: '국민권익위원회' },
    });
    // The reporter's own words stay as they wrote them.
    expect(tracked.report.title).toBe('Permit officer asked for cash');
  });

  it('reads a language the pack does not offer as the language the report was filed in', async () => {
    const deps = memoryDeps(index);
    await submitReport(deps, reportRequest({ trackingCode: CODE, language: 'ko' }));
    const tracked = await trackCase(deps, CODE, 'fr');
    expect(tracked.language).toBe('ko');
    expect(tracked.organization.name).toBe('국민권익위원회');
  });
});

describe('caseIdFromTypedCode', () => {
  it('is the case id of the normalized code', () => {
    expect(caseIdFromTypedCode(TEST_PEPPER, 'tvwx-yz01-2345-6798')).toBe(caseIdForCode(TEST_PEPPER, normalizeTrackingCode(CODE)!));
  });

  it('throws a 400 for a malformed code', () => {
    expect(() => caseIdFromTypedCode(TEST_PEPPER, 'nope')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', status: 400 }));
  });
});
