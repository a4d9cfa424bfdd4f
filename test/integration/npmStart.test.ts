// `npm start` as a person runs it: a child process that serves on one port, limits /track calls, stops cleanly
// on Ctrl-C, and keeps every case trackable across a restart.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/runtime/embedded/ports.js';
import { endsWithWorker } from '../support/childLifetime.js';
import { childEnvironment } from '../support/testWorld.js';
import { aReport, proposedCode } from './support/testPortal.js';

const dataDir = mkdtempSync(join(tmpdir(), 'clean-portal-start-'));
let child: ChildProcess | undefined;
let output = '';

async function start(port: number): Promise<void> {
  // As `npm start` runs it: tsx as a loader in the portal's own process (its CLI would be a signal-relaying wrapper).
  child = endsWithWorker(
    spawn(process.execPath, ['--import', 'tsx', 'local/runtime/start.ts'], {
      env: childEnvironment({ PORT: String(port), DATA_DIR: dataDir, COUNTRY: 'kr' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/config`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`npm start did not answer within 90 s:\n${output}`);
}

async function interrupt(): Promise<number | null> {
  const running = child!;
  const exited = new Promise<number | null>((r) => running.once('exit', (code) => r(code)));
  running.kill('SIGINT');
  return exited;
}

afterAll(async () => {
  // A failed assertion may leave the portal serving: stop it as Ctrl-C does, so that it stops its table server before
  // it exits, and wait for that (SIGKILL only if it will not stop; its guardian then ends the JVM).
  const running = child;
  if (running && running.exitCode === null && running.signalCode === null) {
    const exited = new Promise((r) => running.once('exit', r));
    running.kill('SIGINT');
    const stubborn = setTimeout(() => running.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(stubborn);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (port: number, path: string, body: unknown) =>
  fetch(`http://127.0.0.1:${port}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

// Each test starts a fresh process with its own JVM: give it room on a busy 2-core machine.
describe('npm start', { timeout: 120_000 }, () => {
  const code = proposedCode();
  let caseId = '';
  let demoPassword = '';

  it('serves the web app and the API on one port', async () => {
    const port = await freePort();
    await start(port);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    // The built web app: its page and the hashed script it loads.
    const html = await page.text();
    const script = /src="(\/assets\/citizen-[^"]+\.js)"/.exec(html)?.[1];
    expect(script, html).toBeDefined();
    expect((await fetch(`http://127.0.0.1:${port}${script}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const filed = await post(port, '/reports', aReport({ trackingCode: code }));
    expect(filed.status).toBe(201);
    caseId = ((await filed.json()) as { caseId: string }).caseId;

    // Staff notifications go to the local mail catcher whose inbox the start-up printed: the new case reaches it.
    const inbox = /mail {5}(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
    expect(inbox, output).toBeDefined();
    let subjects: string[] = [];
    for (let tries = 0; tries < 120 && subjects.length === 0; tries++) {
      const mails = (await (await fetch(new URL('api/email', inbox))).json()) as { subject: string; text: string }[];
      subjects = mails.filter((m) => m.text.includes(`/agency.html#/cases/${caseId}`)).map((m) => m.subject);
      if (subjects.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    expect(subjects).toContain('기관 신고함에 새 사건이 들어왔습니다');

    // At most 20 calls a minute from one address to filing and the lookups together (the report above was the
    // first), then 429 in the contract's shape.
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await post(port, '/track', { trackingCode: code })).status);
    expect(statuses.slice(0, 19)).toEqual(Array(19).fill(200));
    expect(statuses[19]).toBe(429);
    const limited = await post(port, '/track/messages', { trackingCode: code, body: 'hello' });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');

    expect(await interrupt()).toBe(0);
    // Stopping stopped the mail catcher too.
    await expect(fetch(new URL('api/email', inbox))).rejects.toThrow();
    expect(output).toMatch(/POST \/api\/reports 201 \d+ ms/);
    expect(output).toContain('Stopped.');
    for (const form of [code, code.match(/.{4}/g)!.join('-')]) expect(output).not.toContain(form);
    // The demo accounts' generated password is shown on the first start, and kept under the data dir.
    demoPassword = /password ([0-9A-Z]{5}(?:-[0-9A-Z]{5}){3}) /.exec(output)?.[1] ?? '';
    expect(demoPassword).not.toBe('');
    expect(readFileSync(join(dataDir, 'auth', 'demo-password'), 'utf8').trim()).toBe(demoPassword);
  });

  it('keeps every case trackable after a restart', async () => {
    const port = await freePort();
    const before = output.length;
    await start(port);
    // Only once: a restart says where the password is, not what it is.
    expect(output.slice(before)).not.toContain(demoPassword);
    expect(output.slice(before)).toMatch(/password in .*demo-password/);
    const tracked = await post(port, '/track', { trackingCode: code.toLowerCase() });
    expect(tracked.status).toBe(200);
    expect(((await tracked.json()) as { caseId: string }).caseId).toBe(caseId);
    expect(await interrupt()).toBe(0);
  });
});
