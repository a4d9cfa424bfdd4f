import { defineConfig } from 'vitest/config';
import { KNOWN_VALUES } from './test/support/testWorld.js';

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'portal', include: ['test/**/*.test.ts'], exclude: ['test/infra/**'] } },
      // The infra files read one portal stack, synthesized by this project's global setup once per run and only when
      // an infra file runs (each file has a worker of its own, so a memo in a module would not be shared).
      {
        extends: true,
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'], globalSetup: ['test/infra/support/portalStackSetup.ts'] },
      },
    ],
    // First the tests' own world (none of the caller's settings: test/support/testWorld.ts), then web/dist for the
    // browser tests, built when it is missing or older than its sources.
    globalSetup: ['test/support/testWorldSetup.ts', 'test/support/webBuildSetup.ts'],
    // A worker whose vitest is gone exits, so that its portals' JVMs go with it.
    setupFiles: ['test/support/workerLifeline.ts'],
    // Also here: vitest reads NODE_ENV for its workers before any global setup runs, and lets this override it.
    env: { ...KNOWN_VALUES },
    // Integration tests start DynamoDB Local (a JVM) per file: give them room, and keep the 2-core machine calm.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    // `npm test` measures the domain core, which is tested without mocks, and holds it where it is: a change that
    // leaves new rules untested fails the run. Other folders are covered by the integration and browser tests.
    coverage: {
      provider: 'v8',
      include: ['functions/core/**'],
      reporter: ['text-summary'],
      thresholds: { lines: 99, statements: 97, functions: 97, branches: 93 },
    },
  },
});
