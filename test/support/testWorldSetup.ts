// vitest global setup, first of all: the tests' own world. It runs in vitest's main process before any worker starts,
// and workers copy that process's environment: scrubbing it here reaches every test (test/support/testWorld.ts).
import { enterTestWorld } from './testWorld.js';

/** Each project of vitest.config.ts lists this setup; the run enters its world once. */
const ENTERED = Symbol.for('clean-portal.testWorld');

export default function setup(): void {
  const state = globalThis as { [ENTERED]?: true };
  if (state[ENTERED]) return;
  state[ENTERED] = true;
  enterTestWorld(process.env);
}
