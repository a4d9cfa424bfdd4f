// vitest itself run from a newcomer's shell that holds the portal's settings (the README invites DEMO_PASSWORD and
// PORT for `npm start`) and an AWS profile: the tests inside see none of it (test/support/testWorld.ts).
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { childEnvironment } from '../support/testWorld.js';

const VITEST = resolve('node_modules/vitest/vitest.mjs');

describe('a hostile shell', () => {
  it('reaches no test: the test world’s own check passes under it', { timeout: 120_000 }, async () => {
    const shell = childEnvironment({
      DEMO_PASSWORD: 'hunter2-x',
      PORT: '4999',
      COUNTRY: 'mn',
      DATA_DIR: '/nonexistent/data',
      AWS_REGION: 'eu-north-1',
      AWS_PROFILE: 'newcomer',
      LOG_LEVEL: 'DEBUG',
      POWERTOOLS_LOG_LEVEL: 'DEBUG',
      NODE_ENV: 'production',
      TZ: 'Asia/Ulaanbaatar',
      CI: 'true',
    });
    const run = await promisify(execFile)(process.execPath, [VITEST, 'run', 'test/unit/testWorld.test.ts'], { env: shell }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/6 passed/);
  });
});
