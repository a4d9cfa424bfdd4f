// The table server (DynamoDB Local's JVM) lives and dies with `npm start` (issue #21, item 10): killed with
// SIGKILL, the portal takes its JVM with it; a second start on the same data dir refuses while the first runs; a
// start after a crash reclaims the data dir, stopping a JVM left running on it, and serves.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/runtime/embedded/ports.js';
import { endsWithWorker } from '../support/childLifetime.js';
import { childEnvironment } from '../support/testWorld.js';

const dataDir = mkdtempSync(join(tmpdir(), 'clean-portal-lifetime-'));
const dbPath = join(dataDir, 'dynamodb');
const children: ChildProcess[] = [];
/** Every pid a test learned of (portals, guardians, JVMs): afterAll makes sure none outlives the file. */
const seenPids = new Set<number>();

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * `npm start`'s portal process, with only the environment it needs (never the caller's settings). Run with tsx as
 * a loader, not through its CLI: the CLI is a second process that relays signals and gives up on a busy machine.
 */
function startPortal(port: number): Started {
  const child = endsWithWorker(
    spawn(process.execPath, ['--import', 'tsx', 'local/runtime/start.ts'], {
      env: childEnvironment({
        PORT: String(port),
        DATA_DIR: dataDir,
        COUNTRY: 'kr',
        LOG_LEVEL: 'WARN',
        DEMO_PASSWORD: 'lifetime-test-password',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  children.push(child);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => output, exited };
}

async function serving(port: number, started: Started): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`the portal exited early:\n${started.output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/config`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the portal did not answer within 90 s:\n${started.output()}`);
}

/** Running (not zombie) JVMs whose command line is DynamoDB Local on this data dir, from /proc. */
function tableServersOnDataDir(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // The JVM itself, not its guardian (a node process whose arguments repeat the JVM's).
        const isJava = basename(argv[0]!) === 'java';
        return (
          isJava &&
          argv.some((a) => a.endsWith('DynamoDBLocal.jar')) &&
          argv.includes(dbPath) &&
          stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The portal's pid, from the file it writes when serving. */
function portalPid(): number {
  const pid = (JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8')) as { pid: number }).pid;
  seenPids.add(pid);
  return pid;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within 20 s: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pid of [...seenPids, ...tableServersOnDataDir()]) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

// Each start is a fresh process with its own JVM: give it room on a busy 2-core machine.
describe.runIf(process.platform === 'linux')('the table server and the data dir', { timeout: 150_000 }, () => {
  it('dies with a portal killed by SIGKILL', async () => {
    const port = await freePort();
    const first = startPortal(port);
    await serving(port, first);
    const jvms = tableServersOnDataDir();
    expect(jvms).toHaveLength(1);
    for (const pid of jvms) seenPids.add(pid);

    expect(portalPid()).toBe(first.child.pid);
    process.kill(portalPid(), 'SIGKILL');
    await first.exited;
    await until(() => tableServersOnDataDir().length === 0, 'the JVM of the killed portal is gone');
  });

  it('is reclaimed by the next start, which serves with one JVM and holds the lock', async () => {
    const port = await freePort();
    const second = startPortal(port);
    await serving(port, second);
    for (const pid of tableServersOnDataDir()) seenPids.add(pid);
    expect(tableServersOnDataDir()).toHaveLength(1);
    const lock = JSON.parse(readFileSync(join(dataDir, 'portal.lock'), 'utf8')) as {
      pid: number;
      tableServer: { pid: number; guardianPid: number };
    };
    expect(lock.pid).toBe(portalPid());
    expect(tableServersOnDataDir()).toEqual([lock.tableServer.pid]);
  });

  it('refuses a second start while the first runs, naming the data dir and the pid', async () => {
    const holder = portalPid();
    const third = startPortal(await freePort());
    expect(await third.exited).toBe(1);
    const refusal = third
      .output()
      .split('\n')
      .find((line) => line.includes('could not start'));
    expect(refusal).toContain(dataDir);
    expect(refusal).toContain(`pid ${holder}`);
    // The first is untouched: still one JVM, still its lock.
    expect(tableServersOnDataDir()).toHaveLength(1);
    expect(running(holder)).toBe(true);
  });

  it('stops a JVM left running by a dead portal (its guardian killed too) before serving again', async () => {
    const lock = JSON.parse(readFileSync(join(dataDir, 'portal.lock'), 'utf8')) as {
      pid: number;
      tableServer: { pid: number; guardianPid: number };
    };
    seenPids.add(lock.tableServer.guardianPid);
    // Nothing is left to end the JVM: it runs on, orphaned, holding the data files.
    process.kill(lock.tableServer.guardianPid, 'SIGKILL');
    process.kill(lock.pid, 'SIGKILL');
    await until(() => !running(lock.pid), 'the portal is dead');
    expect(tableServersOnDataDir()).toEqual([lock.tableServer.pid]);

    const port = await freePort();
    const fourth = startPortal(port);
    await serving(port, fourth);
    for (const pid of tableServersOnDataDir()) seenPids.add(pid);
    expect(running(lock.tableServer.pid)).toBe(false);
    expect(tableServersOnDataDir()).toHaveLength(1);

    // And a clean stop leaves nothing behind: no JVM, no lock.
    fourth.child.kill('SIGINT');
    expect(await fourth.exited).toBe(0);
    expect(tableServersOnDataDir()).toEqual([]);
    expect(existsSync(join(dataDir, 'portal.lock'))).toBe(false);
  });
});
