// Section 2: the DynamoDB and S3 calls each operation actually makes, counted by an SDK middleware, against the
// minimum the design needs. Each operation runs twice and the second run counts, so one-off cold-start reads
// (the pack, secrets) are left to the cold-start figures.
import './quietHandlers.js';
import type { Answer, BenchPortal } from './benchPortal.js';
import { OPERATION_MINIMUMS } from './operationMinimums.js';
import type { OperationCalls } from './results.js';
import { countSdkCalls, takeSdkCalls, tally } from './sdkCallCounter.js';
import { anAssistedReport } from '../test/support/aReport.js';

type Step = (portal: BenchPortal) => Promise<unknown>;

export async function measureCallsPerOperation(portal: BenchPortal): Promise<OperationCalls[]> {
  countSdkCalls();
  // Let the sweep the runtime runs at start finish before anything is counted.
  await portal.portal.sweep(new Date());
  const steps = await operationSteps(portal);
  let counted: OperationCalls[] = [];
  for (let run = 0; run < 2; run++) {
    counted = [];
    for (const { operation, calls: needed } of OPERATION_MINIMUMS) {
      takeSdkCalls();
      await steps[operation]!(portal);
      const made = takeSdkCalls();
      const calls = tally(made);
      counted.push({
        operation,
        calls,
        total: made.length,
        minimum: needed.length,
        minimumCalls: tally(needed),
        readUnits: made.reduce((sum, c) => sum + (c.readUnits ?? 0), 0),
        writeUnits: made.reduce((sum, c) => sum + (c.writeUnits ?? 0), 0),
      });
    }
  }
  return counted;
}

/** Each operation as the web app sends it, on cases filed for the purpose; an unexpected answer stops the bench. */
async function operationSteps(portal: BenchPortal): Promise<Record<string, Step>> {
  const ok = (status: number, what: string) => (answer: Answer) => {
    if (answer.status !== status) throw new Error(`${what} answered ${answer.status}: ${answer.text}`);
    return answer;
  };
  const first = await portal.fileReport();
  const organizationId = first.organization.id as string;
  const handler = await portal.signIn(`handler@${organizationId}`);
  const supervisor = await portal.signIn(`supervisor@${organizationId}`);
  const withFile = await portal.fileReport({ uploadIds: [await portal.uploadPng()] });
  const opened = await portal.api('GET', `/cases/${withFile.caseId}`, undefined, handler).then(ok(200, 'GET /cases/{caseId}'));
  const attachmentId = opened.body.attachments[0].id as string;
  // Each status change and transfer needs a case in the state it starts from.
  const freshCase = async () => (await portal.fileReport()).caseId as string;
  // No staff action on it: a reply in the same hour as one costs a second transaction, re-dated after it
  // (functions/core/reporterTime.ts), which the bench would count or not depending on the clock.
  const toReply = await portal.fileReport();
  const pageId = (await portal.api('GET', '/config?lang=en')).body.pages[0].id as string;
  const other = organizationId === 'kr-moef' ? 'kr-molit' : 'kr-moef';

  return {
    submit: (p) => p.fileReport(),
    assistedIntake: (p) => p.api('POST', '/intake', anAssistedReport(), handler).then(ok(201, 'POST /intake')),
    track: (p) => p.api('POST', '/track', { trackingCode: first.trackingCode }).then(ok(200, 'POST /track')),
    queuePage: (p) => p.api('GET', '/cases?limit=25', undefined, handler).then(ok(200, 'GET /cases')),
    caseView: (p) => p.api('GET', `/cases/${first.caseId}`, undefined, handler).then(ok(200, 'GET /cases/{caseId}')),
    submitWithAttachment: async (p) => {
      const uploadId = await p.uploadPng();
      // Only the submission counts, not the presign and the browser's upload.
      takeSdkCalls();
      return p.fileReport({ uploadIds: [uploadId] });
    },
    trackMessage: (p) =>
      p
        .api('POST', '/track/messages', { trackingCode: toReply.trackingCode, body: 'One more detail.' })
        .then(ok(201, 'POST /track/messages')),
    statusChange: async (p) => {
      const caseId = await freshCase();
      takeSdkCalls();
      return p.api('PATCH', `/cases/${caseId}`, { status: 'acknowledged' }, handler).then(ok(200, 'PATCH /cases/{caseId}'));
    },
    agencyMessage: (p) =>
      p
        .api('POST', `/cases/${first.caseId}/messages`, { body: 'Which office was it?' }, handler)
        .then(ok(201, 'POST /cases/{caseId}/messages')),
    attachmentLink: (p) =>
      p.api('GET', `/cases/${withFile.caseId}/attachments/${attachmentId}`, undefined, handler).then(ok(200, 'GET attachment')),
    transfer: async (p) => {
      const caseId = await freshCase();
      takeSdkCalls();
      return p
        .api('POST', `/cases/${caseId}/transfer`, { organizationId: other, reason: 'It concerns another ministry.' }, supervisor)
        .then(ok(200, 'POST /cases/{caseId}/transfer'));
    },
    organizationStats: (p) => p.api('GET', '/stats', undefined, handler).then(ok(200, 'GET /stats')),
    config: (p) => p.api('GET', '/config?lang=en').then(ok(200, 'GET /config')),
    page: (p) => p.api('GET', `/pages/${pageId}?lang=en`).then(ok(200, 'GET /pages/{id}')),
    signIn: (p) => p.signIn(`handler@${organizationId}`),
    uploads: (p) =>
      p.api('POST', '/uploads', { files: [{ name: 'a.pdf', size: 1000, contentType: 'application/pdf' }] }).then(ok(201, 'POST /uploads')),
    publicStats: (p) => p.api('GET', '/stats/public').then(ok(200, 'GET /stats/public')),
    publishStats: (p) => p.portal.publishStats(),
    sweepIdle: (p) => p.portal.sweep(new Date()),
  };
}
