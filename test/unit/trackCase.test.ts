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
const CODE = 'TVWX-YZ01-2345-6789';

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
    });
  });

  it('shows no contact details, report text, routing internals or storage keys', async () => {
    const deps = memoryDeps(index);
    await filedCase(deps);
    const shown = JSON.stringify(await trackCase(deps, CODE));
    for (const hidden of [
      'reporter@example.kr',
      'head of the road division',
      'routingRuleId',
      'evidence/',
      'sealed',
      'contentFingerprint',
    ]) {
      expect(shown).not.toContain(hidden);
    }
  });

  it('finds the case from a lower-case code without dashes, or with Crockford look-alikes', async () => {
    const deps = memoryDeps(index);
    const filed = await filedCase(deps);
    for (const typed of ['tvwxyz0123456789', ' tvwx yz01 2345 6789 ', 'TVWX-YZO1-2345-6789', 'tvwx-yzoi-2345-6789']) {
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

  it('names the organization in the language of the report', async () => {
    const deps = memoryDeps(index);
    await submitReport(deps, reportRequest({ trackingCode: CODE, language: 'ko' }));
    expect((await trackCase(deps, CODE)).organization).toEqual({ id: 'kr-acrc', name: '국민권익위원회' });
  });
});

describe('caseIdFromTypedCode', () => {
  it('is the case id of the normalized code', () => {
    expect(caseIdFromTypedCode(TEST_PEPPER, 'tvwx-yz01-2345-6789')).toBe(caseIdForCode(TEST_PEPPER, normalizeTrackingCode(CODE)!));
  });

  it('throws a 400 for a malformed code', () => {
    expect(() => caseIdFromTypedCode(TEST_PEPPER, 'nope')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', status: 400 }));
  });
});
