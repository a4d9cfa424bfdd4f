// Section 1: every function's bundle size and cold start beside its SDK-only baseline. A cold start is the median
// of fresh Node processes that import the bundle and serve one event against the embedded servers; the same
// process then serves a second event, which gives the warm figure.
import { fork } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scheduledEvent } from '#local/runtime/apiGatewayEvent.js';
import { aReport, anAssistedReport } from '../test/support/aReport.js';
import type { BenchPortal } from './benchPortal.js';
import { BUILD_DIR, type Bundle, bundleBaseline, bundleFunction } from './functionBundles.js';
import { apiEvent } from './lambdaEvents.js';
import { median } from './latency.js';
import { minimumCallsOf } from './operationMinimums.js';
import type { FunctionFigures } from './results.js';

const PROBE = resolve('bench', 'coldStartProbe.mjs');

interface Probe {
  initMs: number;
  coldMs: number;
  warmMs: number;
  ok: boolean;
  status: unknown;
  body?: string;
}

/** Every function under functions/handlers/, each a Lambda function when deployed. */
export function functionNames(): string[] {
  return readdirSync(resolve('functions', 'handlers'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export async function measureFunctions(
  portal: BenchPortal,
  options: { runs: number; only?: string[]; log?: (line: string) => void },
): Promise<FunctionFigures[]> {
  const log = options.log ?? (() => undefined);
  const eventsFor = await eventBuilders(portal);
  const names = functionNames().filter((n) => !options.only || options.only.includes(n));
  const missing = names.filter((n) => !eventsFor[n]);
  if (missing.length) throw new Error(`the bench has no event for ${missing.join(', ')}: add one in bench/coldStart.ts`);

  const first = await portal.fileReport();
  const env = childEnvironment(`CASE#${first.caseId as string}`);
  const figures: FunctionFigures[] = [];
  for (const name of names) {
    const own = await bundleFunction(name);
    const baseline = await bundleBaseline(name, own.sdkPackages, minimumCallsOf(name));
    const ownRuns: Probe[] = [];
    const baseRuns: Probe[] = [];
    // Alternating, so a slow moment on the machine falls on both.
    for (let run = 0; run < options.runs; run++) {
      const eventsFile = join(BUILD_DIR, 'events', `${name}-${run}.json`);
      mkdirSync(join(BUILD_DIR, 'events'), { recursive: true });
      writeFileSync(eventsFile, JSON.stringify({ functionName: name, events: await eventsFor[name]!(run) }));
      ownRuns.push(await probe(own, eventsFile, env, name));
      baseRuns.push(await probe(baseline, eventsFile, env, `${name} baseline`));
    }
    const row: FunctionFigures = {
      handler: name,
      bundleBytes: own.bytes,
      baselineBundleBytes: baseline.bytes,
      coldStartMs: round(median(ownRuns.map((r) => r.coldMs))),
      baselineColdStartMs: round(median(baseRuns.map((r) => r.coldMs))),
      initMs: round(median(ownRuns.map((r) => r.initMs))),
      baselineInitMs: round(median(baseRuns.map((r) => r.initMs))),
      warmMs: round(median(ownRuns.map((r) => r.warmMs))),
    };
    log(
      `  ${name}: ${kib(row.bundleBytes)} (baseline ${kib(row.baselineBundleBytes)}), cold ${row.coldStartMs} ms (baseline ${row.baselineColdStartMs} ms), warm ${row.warmMs} ms`,
    );
    figures.push(row);
  }
  return figures;
}

/** A stream batch of one new case item, as Lambda hands it to the notifier (the facts only: the rest is sealed text). */
function caseInserted(caseId: string, organizationId: string) {
  return {
    Records: [
      {
        eventID: crypto.randomUUID(),
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        dynamodb: {
          Keys: { PK: { S: `CASE#${caseId}` }, SK: { S: 'CASE' } },
          NewImage: { caseId: { S: caseId }, organizationId: { S: organizationId }, whistleblowerMessages: { N: '0' } },
          SequenceNumber: '1',
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
      },
    ],
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The handlers' environment as the local runtime set it, without the bench's own TypeScript loader. */
function childEnvironment(baselinePartition: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BASELINE_PARTITION: baselinePartition, POWERTOOLS_LOG_LEVEL: 'INFO' };
  delete env.NODE_OPTIONS;
  return env;
}

function probe(bundle: Bundle, eventsFile: string, env: NodeJS.ProcessEnv, what: string): Promise<Probe> {
  return new Promise((done, fail) => {
    let answer: Probe | undefined;
    let stderr = '';
    const child = fork(PROBE, [bundle.file, eventsFile], { execArgv: [], env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('message', (message) => (answer = message as Probe));
    child.on('error', fail);
    child.on('exit', (code) => {
      if (!answer) return fail(new Error(`${what}: the probe exited with ${code} and no answer:\n${stderr}`));
      if (!answer.ok) return fail(new Error(`${what}: the event was not served (${JSON.stringify(answer.status)}): ${answer.body ?? ''}`));
      done(answer);
    });
  });
}

type EventPair = (run: number) => Promise<unknown[]>;

/** For each function, two events it serves successfully (a run may need cases of its own). */
async function eventBuilders(portal: BenchPortal): Promise<Record<string, EventPair>> {
  const { dataDir } = portal;
  const report = await portal.fileReport();
  const organizationId = report.organization.id as string;
  const handler = await portal.signIn(`handler@${organizationId}`);
  const supervisor = await portal.signIn(`supervisor@${organizationId}`);
  const withFile = await portal.fileReport({ uploadIds: [await portal.uploadPng()] });
  const attachmentId = (await portal.api('GET', `/cases/${withFile.caseId}`, undefined, handler)).body.attachments[0].id as string;
  const pageId = (await portal.api('GET', '/config?lang=en')).body.pages[0].id as string;
  const other = organizationId === 'kr-moef' ? 'kr-molit' : 'kr-moef';
  const api = async (method: string, path: string, source: Parameters<typeof apiEvent>[3] = {}) =>
    (await apiEvent(dataDir, method, path, source)).event;
  const twice = (make: () => Promise<unknown>) => async () => [await make(), await make()];
  const freshCase = async () => (await portal.fileReport()).caseId as string;
  // Applications (docs/applications.md): the pack's deciding body, and what its law requires of an applicant.
  const offer = (await portal.api('GET', '/config?lang=en')).body.applications as {
    decidingBody: { id: string };
    identityFields: string[];
  };
  const decidingBody = await portal.signIn(`oversight@${offer.decidingBody.id}`);
  const SAMPLE: Record<string, string> = {
    name: 'Bench Applicant',
    dateOfBirth: '1980-01-01',
    address: 'Sejong',
    email: 'a@example.org',
    phone: '010-0000-0000',
  };
  const identity = Object.fromEntries(offer.identityFields.map((field) => [field, SAMPLE[field]!]));
  const application = (trackingCode: string) => ({ trackingCode, kind: 'protection', identity, statement: 'I was moved after my report.' });
  const applied = async () => {
    const filed = await portal.fileReport();
    await portal.api('POST', '/track/applications', application(filed.trackingCode as string));
    return { code: filed.trackingCode as string, id: `${filed.caseId as string}-protection` };
  };
  const standing = await applied();

  return {
    getConfig: twice(() => api('GET', '/config?lang=ko')),
    getPage: twice(() => api('GET', `/pages/${pageId}?lang=ko`)),
    createUploads: twice(() =>
      api('POST', '/uploads', { body: { files: [{ name: 'minutes.pdf', size: 1000, contentType: 'application/pdf' }] } }),
    ),
    createReport: twice(() => api('POST', '/reports', { body: aReport() })),
    trackCase: twice(() => api('POST', '/track', { body: { trackingCode: report.trackingCode } })),
    postTrackMessage: twice(() =>
      api('POST', '/track/messages', { body: { trackingCode: report.trackingCode, body: 'One more detail.' } }),
    ),
    login: twice(() =>
      api('POST', '/auth/login', { body: { username: `handler@${organizationId}`, password: portal.portal.demoPassword } }),
    ),
    listCases: twice(() => api('GET', '/cases?limit=25', { authorization: handler })),
    getCase: twice(() => api('GET', `/cases/${report.caseId}`, { authorization: handler })),
    updateCase: twice(async () =>
      api('PATCH', `/cases/${await freshCase()}`, { authorization: handler, body: { status: 'acknowledged' } }),
    ),
    postCaseMessage: twice(() =>
      api('POST', `/cases/${report.caseId}/messages`, { authorization: handler, body: { body: 'Which office was it?' } }),
    ),
    transferCase: twice(async () =>
      api('POST', `/cases/${await freshCase()}/transfer`, {
        authorization: supervisor,
        body: { organizationId: other, reason: 'It concerns another ministry.' },
      }),
    ),
    setLegalHold: twice(async () =>
      api('POST', `/cases/${await freshCase()}/hold`, {
        authorization: supervisor,
        body: { held: true, reason: 'A court order keeps it.' },
      }),
    ),
    assignCase: twice(async () =>
      api('POST', `/cases/${await freshCase()}/assignment`, { authorization: supervisor, body: { assignee: `handler@${organizationId}` } }),
    ),
    declareConflict: twice(async () => {
      const caseId = await freshCase();
      await portal.api('POST', `/cases/${caseId}/assignment`, { assignee: `handler@${organizationId}` }, supervisor);
      return api('POST', `/cases/${caseId}/conflict`, { authorization: handler, body: { reason: 'A relative is named in it.' } });
    }),
    listStaff: twice(() => api('GET', '/staff', { authorization: supervisor })),
    getAttachment: twice(() => api('GET', `/cases/${withFile.caseId}/attachments/${attachmentId}`, { authorization: handler })),
    // A case export (docs/case-export.md): the case with its evidence file, as one signed ZIP under exports/.
    exportCase: twice(() => api('POST', `/cases/${withFile.caseId}/export`, { authorization: supervisor })),
    getStats: twice(() => api('GET', '/stats', { authorization: handler })),
    sweepDeadlines: twice(async () => scheduledEvent(crypto.randomUUID(), new Date())),
    getPublicStats: twice(() => api('GET', '/stats/public')),
    publishPublicStats: twice(async () => scheduledEvent(crypto.randomUUID(), new Date())),
    anchorAuditHeads: twice(async () => scheduledEvent(crypto.randomUUID(), new Date())),
    getReceiptKeys: twice(() => api('GET', '/receipts/keys')),
    createAssistedReport: twice(() => api('POST', '/intake', { authorization: handler, body: anAssistedReport() })),
    getStaffMe: twice(() => api('GET', '/staff/me', { authorization: handler })),
    updateStaffMe: twice(() => api('PATCH', '/staff/me', { authorization: handler, body: { digest: false } })),
    // A new case, as the table's stream hands it over: the notifier mails the organization's staff (the local catcher).
    notifyStaff: twice(async () => caseInserted((await portal.fileReport()).caseId as string, organizationId)),
    createApplication: twice(async () =>
      api('POST', '/track/applications', { body: application((await portal.fileReport()).trackingCode as string) }),
    ),
    postApplicationMessage: twice(() =>
      api('POST', '/track/applications/messages', { body: { trackingCode: standing.code, kind: 'protection', body: 'One more thing.' } }),
    ),
    listApplications: twice(() => api('GET', '/applications', { authorization: decidingBody })),
    getApplication: twice(() => api('GET', `/applications/${standing.id}`, { authorization: decidingBody })),
    decideApplication: twice(async () =>
      api('PATCH', `/applications/${(await applied()).id}`, { authorization: decidingBody, body: { status: 'in_review' } }),
    ),
    postApplicantMessage: twice(() =>
      api('POST', `/applications/${standing.id}/messages`, { authorization: decidingBody, body: { body: 'When were you moved?' } }),
    ),
  };
}
