// Tests own their world: whatever the caller's shell holds (DEMO_PASSWORD, PORT, AWS_PROFILE, …), the tests see
// none of it, and children they spawn get only what they are given. test/integration/hostileShell.test.ts runs vitest
// itself under such a shell.
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import * as handlerEnvironments from '#runtime/config.js';
import { localEnvironment } from '#local/runtime/settings.js';
import config from '../../vitest.config.js';
import { KNOWN_VALUES, childEnvironment, enterTestWorld, isCallerSetting, testWorldEnvironment } from '../support/testWorld.js';

const HOSTILE_SHELL = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: '/home/newcomer',
  DEMO_PASSWORD: 'hunter2-x',
  PORT: '4999',
  COUNTRY: 'mn',
  COUNTRY_PACKS_DIR: '/home/newcomer/packs',
  DATA_DIR: '/home/newcomer/.data',
  AWS_REGION: 'eu-north-1',
  AWS_PROFILE: 'work',
  AWS_ENDPOINT_URL: 'http://localhost:4566',
  CDK_CONTEXT_JSON: '{"x":1}',
  LOG_LEVEL: 'DEBUG',
  POWERTOOLS_LOG_LEVEL: 'DEBUG',
  NODE_ENV: 'production',
  CI: 'true',
  TZ: 'Pacific/Kiritimati',
  LANG: 'mn_MN.UTF-8',
  LC_ALL: 'mn_MN.UTF-8',
  USER_POOL_ID: 'eu-north-1_abc',
};

/** Every variable name a zod environment schema reads (objects, and the local-or-AWS unions behind a pipe). */
function variablesOf(schema: ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
  if (def.type === 'object') return Object.keys(def.shape).filter((name) => /^[A-Z][A-Z0-9_]*$/.test(name));
  if (def.type === 'pipe') return [...variablesOf(def.in), ...variablesOf(def.out)];
  if (def.type === 'union') return (def.options as ZodType[]).flatMap(variablesOf);
  return [];
}

describe('the test world', () => {
  it('keeps none of the caller’s settings, keeps PATH and HOME, and sets UTC, one locale and test mode', () => {
    const world = testWorldEnvironment(HOSTILE_SHELL);
    expect(world).toEqual({ PATH: HOSTILE_SHELL.PATH, HOME: HOSTILE_SHELL.HOME, ...KNOWN_VALUES });
    expect(world).toMatchObject({ TZ: 'UTC', LANG: 'C.UTF-8', NODE_ENV: 'test' });
  });

  it('holds back every variable the handlers and local mode read', () => {
    const read = [
      ...(Object.values(handlerEnvironments) as unknown[])
        .filter((value): value is ZodType => typeof value === 'object' && value !== null && '_zod' in value)
        .flatMap(variablesOf),
      ...variablesOf(localEnvironment),
    ];
    expect(read).toEqual(expect.arrayContaining(['DEMO_PASSWORD', 'PORT', 'TABLE_NAME', 'LOCAL_AUTH_DIR', 'AWS_REGION']));
    for (const name of read) expect(isCallerSetting(name), name).toBe(true);
  });

  it('is entered in place, as the global setup does with vitest’s own environment', () => {
    const env: NodeJS.ProcessEnv = { ...HOSTILE_SHELL };
    enterTestWorld(env);
    expect(env).toEqual({ PATH: HOSTILE_SHELL.PATH, HOME: HOSTILE_SHELL.HOME, ...KNOWN_VALUES });
  });

  it('gives a spawned child the essentials and its own settings, never the worker’s (a running portal’s TABLE_NAME)', () => {
    const worker = { ...HOSTILE_SHELL, TMPDIR: '/tmp/run', TABLE_NAME: 'clean-portal', VITEST_POOL_ID: '1' };
    expect(childEnvironment({ PORT: '3001' }, worker)).toEqual({
      PATH: HOSTILE_SHELL.PATH,
      HOME: HOSTILE_SHELL.HOME,
      TMPDIR: '/tmp/run',
      ...KNOWN_VALUES,
      PORT: '3001',
    });
  });

  it('is what this test runs in', () => {
    for (const name of Object.keys(process.env).filter(isCallerSetting)) {
      expect(KNOWN_VALUES[name] ?? null, name).toBe(process.env[name]);
    }
  });

  it('is entered first by every project of the vitest config, and its known values override vitest’s own', () => {
    expect(config.test?.env).toEqual(KNOWN_VALUES);
    const projects = (config.test?.projects ?? [config]) as { test?: { globalSetup?: string | string[] } }[];
    const setupsOf = (test?: { globalSetup?: string | string[] }) => [test?.globalSetup ?? []].flat();
    for (const project of projects) {
      const setups = [...setupsOf(config.test as never), ...setupsOf(project.test)];
      expect(setups[0]).toBe('test/support/testWorldSetup.ts');
    }
  });
});
