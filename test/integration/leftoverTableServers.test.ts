// The run's backstop (test/support/leftoverTableServers.ts): a DynamoDB Local JVM whose guardian died with it still
// running, so that nothing would ever end it, is found by its data directory under the run's temporary directory and
// stopped by the global teardown. A JVM elsewhere (another run's, another clone's) is left alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDynamoDb } from '#local/runtime/embedded/dynamodb.js';
import { isRunning, signalQuietly } from '#local/runtime/processes.js';
import { stopTableServersUnder, tableServersUnder } from '../support/leftoverTableServers.js';

const runDir = mkdtempSync(join(tmpdir(), 'clean-portal-backstop-'));
const elsewhere = mkdtempSync(join(tmpdir(), 'clean-portal-backstop-other-'));
const started: number[] = [];

afterAll(async () => {
  for (const pid of started) signalQuietly(pid, 'SIGKILL');
  rmSync(runDir, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('the teardown’s backstop', () => {
  it('stops an orphaned table server under the run’s directory, and only that one', { timeout: 120_000 }, async () => {
    const orphan = await startDynamoDb(join(runDir, 'portal', 'dynamodb'));
    const other = await startDynamoDb(join(elsewhere, 'dynamodb'));
    const { server, guardian } = orphan.processes!;
    started.push(server, guardian, ...Object.values(other.processes!));
    // Nothing is left to end the JVM: its guardian is gone, as after a SIGKILL of the whole process group.
    signalQuietly(guardian, 'SIGKILL');
    while (isRunning(guardian)) await new Promise((r) => setTimeout(r, 50));
    expect(tableServersUnder(runDir)).toEqual([server]);

    expect(await stopTableServersUnder(runDir)).toEqual([server]);
    expect(isRunning(server)).toBe(false);
    expect(isRunning(other.processes!.server)).toBe(true);
    await other.stop();
  });
});
