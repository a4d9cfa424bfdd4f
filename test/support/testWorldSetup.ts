// vitest global setup, first of all: the tests' own world. It runs in vitest's main process before any worker starts,
// and workers copy that process's environment: scrubbing it here reaches every test (test/support/testWorld.ts).
// The run gets a temporary directory of its own (TMPDIR), so that its teardown can find any table server a test left
// running, however it was left, and stop it before vitest exits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopTableServersUnder } from './leftoverTableServers.js';
import { enterTestWorld } from './testWorld.js';

/** Each project of vitest.config.ts lists this setup; the run enters its world once. */
const ENTERED = Symbol.for('clean-portal.testWorld');

export default function setup(): () => Promise<void> {
  const state = globalThis as { [ENTERED]?: true };
  if (state[ENTERED]) return async () => undefined;
  state[ENTERED] = true;
  enterTestWorld(process.env);
  const runDir = mkdtempSync(join(tmpdir(), 'clean-portal-tests-'));
  process.env.TMPDIR = runDir;
  return async () => {
    const leftover = await stopTableServersUnder(runDir);
    if (leftover.length > 0) console.warn(`test teardown: stopped ${leftover.length} table server process(es) a test left running`);
    rmSync(runDir, { recursive: true, force: true });
  };
}
