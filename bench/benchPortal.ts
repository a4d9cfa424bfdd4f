// The local runtime started inside the bench process (embedded DynamoDB Local and s3rver in a temporary data dir),
// with the few requests the bench needs to set up its cases. Quiet: request lines and handler logs are dropped.
import './quietHandlers.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalPortal, startLocalPortal } from '#local/runtime/localPortal.js';
import { aReport } from '../test/support/aReport.js';

export interface Answer {
  status: number;
  body: any;
  text: string;
}

export interface BenchPortal {
  url: string;
  dataDir: string;
  portal: LocalPortal;
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** Files a report (kr-molit unless overridden) and returns the answer's body. */
  fileReport(overrides?: Record<string, unknown>): Promise<Record<string, any>>;
  /** Uploads a small PNG through a presigned POST and returns its upload id. */
  uploadPng(): Promise<string>;
  /** A demo account's bearer header. */
  signIn(username: string): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

/** A 1×1 PNG: enough for the evidence checks to accept. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export async function startBenchPortal(
  options: { packsDir?: string; country?: string; dynamoDbEndpoint?: string } = {},
): Promise<BenchPortal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clean-portal-bench-'));
  const portal = await startLocalPortal({
    port: 0,
    country: options.country ?? 'kr',
    dataDir,
    rateLimitPerMinute: 1_000_000,
    apiRateLimitPer5Minutes: 1_000_000_000,
    // The case keys in a table, as deployed, so the calls per operation include the key store's.
    caseKeyTable: 'clean-portal-case-keys',
    // Jobs run when the bench says, never in the middle of a measurement.
    sweepEveryMs: 0,
    publishStatsEveryMs: 0,
    anchorAuditEveryMs: 0,
    // The notifier sends to the local mail catcher (its cold start is measured); the stream is never read in the
    // background, so no measurement counts its calls.
    notifications: true,
    streamEveryMs: 0,
    notifyDailyEveryMs: 0,
    ...(options.packsDir ? { packsDir: options.packsDir } : {}),
    ...(options.dynamoDbEndpoint ? { dynamoDbEndpoint: options.dynamoDbEndpoint } : {}),
  });
  const api: BenchPortal['api'] = async (method, path, body, headers = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetch(`${portal.url}/api${path}`, init);
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed, text };
  };
  const expect = (answer: Answer, status: number, what: string) => {
    if (answer.status !== status) throw new Error(`${what} answered ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  return {
    url: portal.url,
    dataDir,
    portal,
    api,
    async fileReport(overrides = {}) {
      return expect(await api('POST', '/reports', aReport(overrides)), 201, 'POST /reports');
    },
    async uploadPng() {
      const body = expect(
        await api('POST', '/uploads', { files: [{ name: 'receipt.png', size: TINY_PNG.length, contentType: 'image/png' }] }),
        201,
        'POST /uploads',
      );
      const upload = body.uploads[0];
      const form = new FormData();
      for (const [k, v] of Object.entries(upload.fields as Record<string, string>)) form.append(k, v);
      form.append('file', new Blob([new Uint8Array(TINY_PNG)], { type: 'image/png' }), 'receipt.png');
      // The API hands out a path on the portal's own origin (functions/contract/uploadPath.ts).
      const sent = await fetch(new URL(upload.url, portal.url), { method: 'POST', body: form });
      if (!sent.ok) throw new Error(`upload answered ${sent.status}`);
      return upload.uploadId as string;
    },
    async signIn(username) {
      const body = expect(await api('POST', '/auth/login', { username, password: portal.demoPassword }), 200, `sign-in of ${username}`);
      return { authorization: `Bearer ${body.token as string}` };
    },
    async stop() {
      await portal.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
