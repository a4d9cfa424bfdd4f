// Section 3 of `npm run bench`, local load: autocannon against the portal run as `npm start` runs it (submit, track
// and a queue page), beside the DynamoDB calls those requests make, made with the SDK alone against the same embedded
// DynamoDB Local. portal / raw throughput is the portal's overhead; the budget is ≥ 0.7.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startDynamoDb } from '#local/runtime/embedded/dynamodb.js';
import { freePort } from '#local/runtime/embedded/ports.js';
import { startS3 } from '#local/runtime/embedded/s3.js';
import { BUCKET_NAME, TABLE_NAME } from '#local/runtime/localStorage.js';
import { aReport } from '../test/support/aReport.js';
import { runClosedLoop } from './closedLoop.js';
import { type PortalProcess, startPortalProcess } from './portalProcess.js';
import { prepareRawSdkCalls } from './rawSdkCalls.js';
import type { LoadFigures } from './results.js';

export interface LocalLoadOptions {
  durationSeconds: number;
  /** Concurrent HTTP connections, and as many concurrent SDK callers on the raw side. */
  connections: number;
  log?: (line: string) => void;
  /** How the portal is started, from the repository's root; default `npm start` (which builds the web app first). */
  command?: readonly string[];
  /** Load before each measurement, unrecorded: JIT, connection pools and DynamoDB Local's JVM warm up. Default 2. */
  warmupSeconds?: number;
  /** Cases filed before the load, whose codes `track` rotates through. Default 200. */
  trackedCases?: number;
}

type Operation = LoadFigures['operation'];
type AutocannonRequest = NonNullable<autocannon.Options['requests']>[number];

const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));
const JSON_HEADERS = { 'content-type': 'application/json' };

export async function measureLocalLoad(options: LocalLoadOptions): Promise<LoadFigures[]> {
  const log = options.log ?? (() => undefined);
  const warmupSeconds = options.warmupSeconds ?? 2;
  const dataDir = mkdtempSync(join(tmpdir(), 'clean-portal-load-'));
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const dynamoDb = await startDynamoDb(null);
    stops.push(() => dynamoDb.stop());
    const s3 = await startS3(join(dataDir, 's3'), BUCKET_NAME);
    stops.push(() => s3.stop());
    const port = await freePort();
    const demoPassword = `load-${randomBytes(12).toString('hex')}`;
    const command = options.command ?? ['npm', 'start'];
    log(`local load: starting the portal (${command.join(' ')}) on port ${port} …`);
    const portal = await startPortalProcess({
      command,
      cwd: REPOSITORY,
      port,
      env: {
        PORT: String(port),
        DATA_DIR: join(dataDir, 'portal'),
        DYNAMODB_ENDPOINT: dynamoDb.endpoint,
        S3_ENDPOINT: s3.endpoint,
        DEMO_PASSWORD: demoPassword,
        LOG_LEVEL: 'WARN',
        // The load comes from one address; the local stand-ins for the WAF rules would answer 429 after 20 calls to
        // the writing routes and 600 calls in all.
        RATE_LIMIT_PER_MINUTE: '1000000000',
        API_RATE_LIMIT_PER_5_MINUTES: '1000000000',
      },
    });
    stops.push(async () => {
      if (!(await portal.stop())) log(`local load: the portal did not stop cleanly; its last output:\n${portal.output().slice(-2_000)}`);
    });

    const cases = await fileCases(portal, options.trackedCases ?? 200);
    const organizationId = cases[0]!.organizationId;
    const token = await signIn(portal, `handler@${organizationId}`, demoPassword);
    const raw = await prepareRawSdkCalls({
      endpoint: dynamoDb.endpoint,
      tableName: TABLE_NAME,
      caseIds: cases.map((c) => c.caseId),
      organizationId,
    });
    stops.push(async () => raw.close());

    let nextCode = 0;
    const requests: Record<Operation, AutocannonRequest> = {
      submit: { method: 'POST', path: '/api/reports', headers: JSON_HEADERS, body: JSON.stringify(aReport()) },
      track: {
        method: 'POST',
        path: '/api/track',
        headers: JSON_HEADERS,
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ trackingCode: cases[nextCode++ % cases.length]!.trackingCode }) }),
      },
      queuePage: { method: 'GET', path: '/api/cases?limit=25', headers: { authorization: `Bearer ${token}` } },
    };

    const figures: LoadFigures[] = [];
    for (const operation of ['submit', 'track', 'queuePage'] as const) {
      const load = (seconds: number) => fire(portal.url, requests[operation], options.connections, seconds, log);
      await load(warmupSeconds);
      const http = await load(options.durationSeconds);
      const call = raw[operation];
      await runClosedLoop(call, options.connections, warmupSeconds);
      const sdk = await runClosedLoop(call, options.connections, options.durationSeconds);
      if (sdk.firstError) log(`local load: ${operation}: ${sdk.errors} raw SDK calls failed, the first with ${sdk.firstError}`);
      const { firstError: _, ...rawSdk } = sdk;
      const figure: LoadFigures = {
        operation,
        connections: options.connections,
        durationSeconds: options.durationSeconds,
        portal: http,
        rawSdk,
        ratio: rawSdk.rps > 0 ? Math.round((http.rps / rawSdk.rps) * 1000) / 1000 : 0,
      };
      figures.push(figure);
      log(summary(figure));
    }
    return figures;
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error: Error) => log(`local load: stopping failed: ${error.message}`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One autocannon run of one request; rps is responses per second of the run, as on the raw side. */
async function fire(
  url: string,
  request: AutocannonRequest,
  connections: number,
  seconds: number,
  log: (line: string) => void,
): Promise<LoadFigures['portal']> {
  let refused: string | undefined;
  // Kept so that a run full of 4xx says why, rather than only how many.
  const onResponse = (status: number, body: string) => {
    if (status >= 300 && !refused) refused = `${status} ${body.slice(0, 300)}`;
  };
  const result = await autocannon({ url, connections, duration: seconds, requests: [{ ...request, onResponse }] });
  if (refused) log(`local load: ${request.method} ${request.path}: ${result.non2xx} answers were not 2xx, the first: ${refused}`);
  return {
    rps: Math.round((result.requests.total / result.duration) * 100) / 100,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

interface FiledCase {
  caseId: string;
  trackingCode: string;
  organizationId: string;
}

/** Files anonymous reports, eight at a time, and keeps what tracking them needs. */
async function fileCases(portal: PortalProcess, count: number): Promise<FiledCase[]> {
  const filed: FiledCase[] = [];
  while (filed.length < count) {
    const batch = Array.from({ length: Math.min(8, count - filed.length) }, async () => {
      const body = (await call(portal, 'POST', '/reports', 201, aReport())) as {
        caseId: string;
        trackingCode: string;
        organization: { id: string };
      };
      return { caseId: body.caseId, trackingCode: body.trackingCode, organizationId: body.organization.id };
    });
    filed.push(...(await Promise.all(batch)));
  }
  return filed;
}

async function signIn(portal: PortalProcess, username: string, password: string): Promise<string> {
  const body = (await call(portal, 'POST', '/auth/login', 200, { username, password })) as { token: string };
  return body.token;
}

async function call(portal: PortalProcess, method: string, path: string, expected: number, body: unknown): Promise<unknown> {
  const answer = await fetch(`${portal.url}/api${path}`, { method, headers: JSON_HEADERS, body: JSON.stringify(body) });
  const text = await answer.text();
  if (answer.status !== expected) throw new Error(`${method} /api${path} answered ${answer.status}, not ${expected}: ${text}`);
  return JSON.parse(text);
}

function summary(f: LoadFigures): string {
  const side = (s: { rps: number; latencyMs: { p50: number; p99: number } }) =>
    `${s.rps.toFixed(0)} req/s (p50 ${s.latencyMs.p50} ms, p99 ${s.latencyMs.p99} ms)`;
  return `local load: ${f.operation.padEnd(9)} portal ${side(f.portal)} · raw SDK ${side(f.rawSdk)} · ratio ${f.ratio.toFixed(2)}`;
}
