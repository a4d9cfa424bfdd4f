import { describe, expect, it } from 'vitest';
import { changeStatus } from '#core/agency/changeStatus.js';
import { messageWhistleblower } from '#core/agency/messageWhistleblower.js';
import { viewCase } from '#core/agency/viewCase.js';
import { trackCase } from '#core/trackCase.js';
import { addWhistleblowerMessage } from '#core/whistleblowerMessage.js';
import { updateCaseRequest } from '#schemas/agency.js';
import { trackMessageRequest } from '#schemas/track.js';
import { domainError } from '../support/errors.js';
import { PDF_BYTES } from '../support/fixtures.js';
import { HOUR_MS, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';
import { TEST_NOW } from '../support/memoryPorts.js';
import { uploadOne } from '../support/uploads.js';

const handler = staff('handler@kr-molit');
const at = (ms: number) => new Date(Date.parse(TEST_NOW) + ms).toISOString();
const QUESTION = 'On what date was the second payment made?';

describe('messageWhistleblower', () => {
  it('sends a sealed question the whistleblower reads with their code, and audits it', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    deps.clock.advance(HOUR_MS);
    const sent = await messageWhistleblower(deps, handler, filed.caseId, QUESTION);
    expect(sent).toEqual({ id: expect.stringMatching(/^[0-9A-Z]{16}$/), at: at(HOUR_MS) });

    const folder = (await deps.store.getCaseFolder(filed.caseId))!;
    expect(folder.messages).toEqual([
      { caseId: filed.caseId, id: sent.id, at: sent.at, from: 'agency', sealedBody: expect.any(String), attachmentIds: [] },
    ]);
    expect(JSON.stringify(folder)).not.toContain('second payment');
    expect(folder.audit.at(-1)).toMatchObject({
      seq: 1,
      actor: 'handler@kr-molit',
      action: 'case.message_sent',
      details: { messageId: sent.id },
    });
    expect(folder.case).toMatchObject({ updatedAt: sent.at, status: 'received', auditSeq: 1 });

    expect((await trackCase(deps, filed.trackingCode)).messages).toEqual([{ id: sent.id, at: sent.at, from: 'agency', body: QUESTION }]);
  });

  it('shows the whistleblower’s reply, with its evidence, to the agency', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    deps.clock.advance(HOUR_MS);
    const question = await messageWhistleblower(deps, handler, filed.caseId, QUESTION);
    deps.clock.advance(HOUR_MS);
    const { uploadId } = await uploadOne(deps, { name: 'bank-slip.pdf', contentType: 'application/pdf', body: PDF_BYTES });
    const reply = await addWhistleblowerMessage(
      deps,
      trackMessageRequest.parse({
        trackingCode: filed.trackingCode.toLowerCase(),
        body: 'On 3 October, at the site office.',
        uploadIds: [uploadId],
      }),
    );
    deps.clock.advance(HOUR_MS);
    const viewed = await viewCase(deps, handler, filed.caseId);
    expect(viewed.messages).toEqual([
      { id: question.id, at: at(HOUR_MS), from: 'agency', body: QUESTION },
      { id: reply.id, at: at(2 * HOUR_MS), from: 'whistleblower', body: 'On 3 October, at the site office.' },
    ]);
    expect(viewed.attachments).toEqual([
      { id: expect.any(String), name: 'bank-slip.pdf', size: PDF_BYTES.length, contentType: 'application/pdf' },
    ]);
    // The reply is the whistleblower's, not an agency access: the chain holds and records the agency's acts only.
    expect(viewed.auditVerified).toBe(true);
    expect(viewed.audit.map((e) => e.action)).toEqual(['report.received', 'case.message_sent', 'case.viewed']);
  });

  it('refuses to message about a closed case and writes nothing', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    await changeStatus(deps, handler, filed.caseId, updateCaseRequest.parse({ status: 'acknowledged' }));
    await changeStatus(deps, handler, filed.caseId, updateCaseRequest.parse({ status: 'closed', resolution: 'referred' }));
    const before = JSON.stringify(await deps.store.getCaseFolder(filed.caseId));
    expect((await domainError(messageWhistleblower(deps, handler, filed.caseId, QUESTION))).code).toBe('CONFLICT');
    expect(JSON.stringify(await deps.store.getCaseFolder(filed.caseId))).toBe(before);
  });
});
