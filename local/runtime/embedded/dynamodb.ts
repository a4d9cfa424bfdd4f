// Starts AWS's own DynamoDB Local (the jar shipped in the pinned `amplify-dynamodb-simulator` package) as a
// child process. Chosen over dynalite because submissions rely on TransactWriteItems. The JVM runs under a small
// guardian process (guardian.mjs) that ends it when this process ends, however it ends: a JVM outliving a killed
// portal would hold the data files and be joined by a second one at the next start.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitForPort } from './ports.js';

export interface EmbeddedServer {
  endpoint: string;
  /** For a server in its own process: its pid and its guardian's (the data dir's lock records them). */
  processes?: { server: number; guardian: number };
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const GUARDIAN = join(dirname(fileURLToPath(import.meta.url)), 'guardian.mjs');
/** How long DynamoDB Local gets to stop on SIGTERM before SIGKILL. */
const GRACE_MS = 5_000;

function emulatorDir(): string {
  return join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
}

/** Starts DynamoDB Local persisting under `dataDir` (or in memory when `dataDir` is null). */
export async function startDynamoDb(dataDir: string | null, port?: number): Promise<EmbeddedServer> {
  const dir = emulatorDir();
  const chosenPort = port ?? (await freePort());
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  const storage = dataDir === null ? ['-inMemory'] : ['-dbPath', dataDir];
  const java = [
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-Xmx512m',
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
    '-port',
    String(chosenPort),
    '-sharedDb',
    '-disableTelemetry',
    ...storage,
  ];
  // stdin is the lifeline: it closes when this process ends. Its own process group, so a terminal's Ctrl-C reaches
  // only the portal, which then stops the table server after the last request.
  const guardian: ChildProcess = spawn(process.execPath, [GUARDIAN, String(GRACE_MS), 'java', ...java], {
    cwd: dir,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
    windowsHide: true,
  });
  let output = '';
  let serverPid: number | null = null;
  let firstLine = '';
  const pidKnown = new Promise<number | null>((resolvePid) => {
    guardian.stdout!.on('data', (chunk: Buffer) => {
      if (serverPid !== null) {
        output = (output + chunk.toString()).slice(-4000);
        return;
      }
      firstLine += chunk.toString();
      const end = firstLine.indexOf('\n');
      if (end === -1) return;
      output = firstLine.slice(end + 1);
      try {
        serverPid = (JSON.parse(firstLine.slice(0, end)) as { pid: number }).pid;
      } catch {
        serverPid = -1;
      }
      resolvePid(serverPid > 0 ? serverPid : null);
    });
    guardian.once('exit', () => resolvePid(null));
  });
  guardian.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => guardian.once('exit', (code) => resolve(code)));
  guardian.once('error', () => undefined);
  guardian.stdin!.on('error', () => undefined);

  const ready = await Promise.race([waitForPort(chosenPort, 60_000).then(() => true), exited.then(() => false)]).catch(() => false);
  const pid = await pidKnown;
  if (!ready || pid === null) {
    guardian.stdin!.end();
    throw new Error(`DynamoDB Local did not start (is Java 17+ installed?):\n${output}`);
  }
  return {
    endpoint: `http://127.0.0.1:${chosenPort}`,
    processes: { server: pid, guardian: guardian.pid! },
    async stop() {
      if (guardian.exitCode !== null || guardian.signalCode !== null) return;
      // The same path as a dying portal: the guardian sees stdin close and stops the JVM.
      guardian.stdin!.end();
      const timer = setTimeout(() => {
        guardian.kill('SIGKILL');
        killQuietly(pid);
      }, GRACE_MS + 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
