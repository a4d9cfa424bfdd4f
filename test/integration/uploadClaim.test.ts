// An upload becomes evidence of one case only: two submissions racing with the same upload id cannot both take it,
// whether as two reports or as a report and a whistleblower's message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPortal, aReport, bearer, fileReport, signIn, startTestPortal, uploadFile } from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const pdf = () => ({
  name: 'ledger.pdf',
  contentType: 'application/pdf',
  bytes: new TextEncoder().encode(`%PDF-1.4 ledger ${Math.random()}\n`),
});

/** How many of these cases hold an attachment, as their handling organization sees them. */
async function casesHoldingEvidence(caseIds: string[]): Promise<number> {
  const token = await signIn(portal, 'handler@kr-acrc');
  let holding = 0;
  for (const caseId of caseIds) {
    const detail = await portal.api('GET', `/cases/${caseId}`, undefined, bearer(token));
    expect(detail.status).toBe(200);
    holding += detail.body.attachments.length;
  }
  return holding;
}

describe('an upload claimed once', () => {
  it('lets only one of two concurrent reports take the same upload', async () => {
    for (let round = 0; round < 3; round++) {
      const uploadId = await uploadFile(portal, pdf());
      const answers = await Promise.all(
        ['First report', 'Second report'].map((title) => portal.api('POST', '/reports', aReport({ title, uploadIds: [uploadId] }))),
      );
      const filed = answers.filter((a) => a.status === 201);
      expect(filed, `round ${round}: ${answers.map((a) => a.status)}`).toHaveLength(1);
      const refused = answers.find((a) => a.status !== 201)!;
      expect([400, 409]).toContain(refused.status);
      expect(refused.body.error.details.map((d: { path: string }) => d.path)).toContain('uploadIds.0');
      expect(await casesHoldingEvidence(filed.map((a) => a.body.caseId))).toBe(1);
    }
  });

  it('lets only one of a report and a message take the same upload', async () => {
    const existing = await fileReport(portal);
    let onExisting = 0;
    for (let round = 0; round < 3; round++) {
      const uploadId = await uploadFile(portal, pdf());
      const [report, message] = await Promise.all([
        portal.api('POST', '/reports', aReport({ uploadIds: [uploadId] })),
        portal.api('POST', '/track/messages', { trackingCode: existing.trackingCode, body: 'The ledger.', uploadIds: [uploadId] }),
      ]);
      expect(
        [report.status, message.status].filter((s) => s === 201),
        `round ${round}: ${report.status} ${message.status}`,
      ).toHaveLength(1);
      const tracked = await portal.api('POST', '/track', { trackingCode: existing.trackingCode });
      const tookIt = tracked.body.attachments.length - onExisting;
      onExisting = tracked.body.attachments.length;
      const onReport = report.status === 201 ? await casesHoldingEvidence([report.body.caseId]) : 0;
      expect(tookIt + onReport, `round ${round}`).toBe(1);
      // A refused message leaves nothing behind: no message without its file.
      expect(tracked.body.messages).toHaveLength(onExisting);
    }
  });
});
