// Starts the local runtime in this test process (embedded DynamoDB Local and s3rver, a temporary data dir)
// and gives tests a small HTTP client for it. Everything the handlers log is captured for invariant checks, and kept
// out of the test run's output.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnchorRunResult } from '#core/anchorAuditHeads.js';
import type { PublishResult } from '#core/statisticsSnapshot.js';
import { type LocalNotifications, type LocalPortal, startLocalPortal } from '#local/runtime/localPortal.js';
export { aReport } from '../../support/aReport.js';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface TestPortal {
  url: string;
  dataDir: string;
  /** The demo accounts' password (generated at start), for agency sign-in. */
  demoPassword: string;
  /** Everything written to stdout/stderr since start, and the runtime's request lines. */
  output(): string;
  requestLines: string[];
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer>;
  /** Runs the deadline sweep as if it were `at`. */
  sweep(at: Date): Promise<void>;
  /** Publishes the public statistics snapshot now (GET /stats/public serves it). */
  publishStats(): Promise<PublishResult>;
  /** Headers of the portal's own requests (outside the per-address limit), as the demo seeding sends them. */
  ownRequestHeaders: Record<string, string>;
  /** Anchors every case's audit head now, as the daily schedule would. */
  anchorAudit(): Promise<AnchorRunResult>;
  /** With `notifications: true`: the mail catcher's inbox, the stream drained into the notifier, its daily run. */
  notifications: LocalNotifications | null;
  stop(): Promise<void>;
}

export async function startTestPortal(
  options: {
    rateLimitPerMinute?: number;
    apiRateLimitPer5Minutes?: number;
    country?: string;
    packsDir?: string;
    /** Start the mail catcher and the stream reader (a second more at start): only the tests that look at mail. */
    notifications?: boolean;
  } = {},
): Promise<TestPortal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clean-portal-test-'));
  const captured: string[] = [];
  const restore: (() => void)[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    // Kept for the tests that search the logs, and out of the test run's output (the handlers log every request).
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((arg): arg is () => void => typeof arg === 'function');
      if (done) queueMicrotask(done);
      return true;
    }) as typeof stream.write;
    restore.push(() => (stream.write = original));
  }
  const requestLines: string[] = [];
  let portal: LocalPortal;
  try {
    portal = await startLocalPortal({
      port: 0,
      country: options.country ?? 'kr',
      ...(options.packsDir ? { packsDir: options.packsDir } : {}),
      dataDir,
      requestLog: (line) => requestLines.push(line),
      rateLimitPerMinute: options.rateLimitPerMinute ?? 10_000,
      apiRateLimitPer5Minutes: options.apiRateLimitPer5Minutes ?? 1_000_000,
      // Tests run the sweep, the statistics publisher and the anchor job themselves, when they choose.
      sweepEveryMs: 0,
      publishStatsEveryMs: 0,
      anchorAuditEveryMs: 0,
      // Tests drain the stream and run the notifier's daily job themselves.
      ...(options.notifications ? { notifications: true, streamEveryMs: 0, notifyDailyEveryMs: 0 } : {}),
    });
  } catch (error) {
    for (const undo of restore) undo();
    throw error;
  }
  return {
    url: portal.url,
    dataDir,
    demoPassword: portal.demoPassword,
    requestLines,
    output: () => captured.join('') + requestLines.join('\n'),
    async api(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
      const res = await fetch(`${portal.url}/api${path}`, init);
      const text = await res.text();
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    },
    sweep: (at) => portal.sweep(at),
    publishStats: () => portal.publishStats(),
    ownRequestHeaders: portal.ownRequestHeaders,
    anchorAudit: () => portal.anchorAudit(),
    notifications: portal.notifications,
    async stop() {
      await portal.stop();
      for (const undo of restore) undo();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * POSTs JSON from a loopback address of the caller's choice (127.0.0.2, 127.0.0.77, …), with extra headers: how tests
 * play different clients for the per-address limits, or look for their address in logs and data.
 */
export function postFrom(
  portal: Pick<TestPortal, 'url'>,
  address: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const url = new URL(`/api${path}`, portal.url);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: address,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Any call from a chosen local address, with the answer's headers (for the limits' Retry-After and Cache-Control). */
export function callFrom(
  portal: Pick<TestPortal, 'url'>,
  address: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }> {
  const url = new URL(path, portal.url);
  const data = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        localAddress: address,
        headers: body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          const json = (res.headers['content-type'] ?? '').includes('json');
          resolve({ status: res.statusCode!, headers: res.headers, body: json ? JSON.parse(text) : text });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** A fresh random tracking code, as the browser proposes one. */
export function proposedCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => alphabet[b % 32]).join('');
}

/** Asks for a presigned POST and uploads the bytes through it, as the browser does. */
export async function uploadFile(portal: TestPortal, file: { name: string; contentType: string; bytes: Uint8Array }): Promise<string> {
  const answer = await portal.api('POST', '/uploads', {
    files: [{ name: file.name, size: file.bytes.length, contentType: file.contentType }],
  });
  if (answer.status !== 201) throw new Error(`POST /uploads answered ${answer.status}: ${answer.text}`);
  const upload = answer.body.uploads[0] as IssuedUpload;
  const sent = await postUploadForm(portal, upload, file);
  if (!sent.ok) throw new Error(`upload answered ${sent.status}`);
  return upload.uploadId;
}

export interface IssuedUpload {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
}

/**
 * Posts a file through an issued presigned POST, as the browser does (the form's fields, then the file), to the
 * portal-relative address the API handed out (functions/contract/uploadPath.ts).
 */
export function postUploadForm(
  portal: Pick<TestPortal, 'url'>,
  upload: IssuedUpload,
  file: { name: string; contentType: string; bytes: Uint8Array },
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.name);
  return fetch(new URL(upload.url, portal.url), { method: 'POST', body: form });
}

/** Signs a demo account in and returns its bearer token. */
export async function signIn(portal: TestPortal, username: string): Promise<string> {
  const answer = await portal.api('POST', '/auth/login', { username, password: portal.demoPassword });
  if (answer.status !== 200) throw new Error(`sign-in of ${username} answered ${answer.status}: ${answer.text}`);
  return answer.body.token as string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Files a report as a citizen and returns the answer's body (caseId, trackingCode, organization, …). */
export async function fileReport(portal: TestPortal, overrides: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const { aReport } = await import('../../support/aReport.js');
  const answer = await portal.api('POST', '/reports', aReport(overrides));
  if (answer.status !== 201) throw new Error(`POST /reports answered ${answer.status}: ${answer.text}`);
  return answer.body;
}
