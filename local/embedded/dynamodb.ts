// Starts AWS's own DynamoDB Local (the jar shipped in the pinned `amplify-dynamodb-simulator` package) as a
// child process. Chosen over dynalite because submissions rely on TransactWriteItems.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort, waitForPort } from './ports.js';

export interface EmbeddedServer {
  endpoint: string;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

function emulatorDir(): string {
  return join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
}

/** Starts DynamoDB Local persisting under `dataDir` (or in memory when `dataDir` is null). */
export async function startDynamoDb(dataDir: string | null, port?: number): Promise<EmbeddedServer> {
  const dir = emulatorDir();
  const chosenPort = port ?? (await freePort());
  const storage = dataDir === null ? ['-inMemory'] : (mkdirSync(dataDir, { recursive: true }), ['-dbPath', dataDir]);
  const child: ChildProcess = spawn(
    'java',
    [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-Xmx512m',
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(chosenPort),
      '-sharedDb',
      '-disableTelemetry',
      ...storage,
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.once('error', () => undefined);

  const ready = await Promise.race([
    waitForPort(chosenPort, 60_000).then(() => true),
    exited.then(() => false),
  ]);
  if (!ready) {
    throw new Error(`DynamoDB Local did not start (is Java 17+ installed?):\n${output}`);
  }
  return {
    endpoint: `http://127.0.0.1:${chosenPort}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
