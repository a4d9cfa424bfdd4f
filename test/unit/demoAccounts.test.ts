// Local mode's demo accounts: every organization's handler and supervisor plus the oversight account, one scrypt
// hash for all, the password generated once (or DEMO_PASSWORD) and kept owner-only; a later DEMO_PASSWORD re-hashes.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalIdentity, readUsers } from '#adapters/localIdentity.js';
import type { PackIndex } from '#core/countryPackIndex.js';
import { loadPackIndex } from '#composition/packIndex.js';
import { demoPasswordFile, ensureDemoAccounts, generateDemoPassword } from '#local/demo/demoAccounts.js';

let index: PackIndex;
beforeAll(() => {
  index = loadPackIndex({ COUNTRY: 'kr', COUNTRY_PACKS_DIR: resolve('countries') });
});
const freshDir = () => join(mkdtempSync(join(tmpdir(), 'cp-demo-')), 'auth');

describe('demo accounts', () => {
  it('generates a password of four groups of five Crockford characters', () => {
    expect(generateDemoPassword()).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    expect(generateDemoPassword()).not.toBe(generateDemoPassword());
  });

  it('creates handler and supervisor for every organization and the oversight account, sharing one hash', async () => {
    const dir = freshDir();
    const demo = await ensureDemoAccounts(dir, index);
    const users = readUsers(dir)!;
    expect(demo).toMatchObject({ created: true, newlyGenerated: true, count: 2 * index.pack.organizations.length + 1 });
    expect(users).toHaveLength(demo.count);
    expect(users.map((u) => u.username)).toEqual(expect.arrayContaining(['handler@kr-molit', 'supervisor@kr-molit', 'oversight@kr-acrc']));
    expect(users.find((u) => u.username === 'oversight@kr-acrc')).toMatchObject({ organizationId: 'kr-acrc', role: 'oversight' });
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
    expect(demo.examples).toEqual([expect.stringMatching(/^handler@kr-/), 'oversight@kr-acrc']);
    expect(readFileSync(demoPasswordFile(dir), 'utf8').trim()).toBe(demo.password);
    expect(statSync(demoPasswordFile(dir)).mode & 0o777).toBe(0o600);
    expect((await new LocalIdentity(dir).signIn('handler@kr-molit', demo.password)).kind).toBe('token');
  });

  it('leaves existing accounts alone on a later start, and shows no new password', async () => {
    const dir = freshDir();
    const first = await ensureDemoAccounts(dir, index);
    const before = readFileSync(join(dir, 'users.json'), 'utf8');
    const again = await ensureDemoAccounts(dir, index);
    expect(again).toMatchObject({ created: false, newlyGenerated: false, password: first.password });
    expect(readFileSync(join(dir, 'users.json'), 'utf8')).toBe(before);
  });

  it('uses DEMO_PASSWORD, and re-hashes every demo account when it is set or changed later', async () => {
    const dir = freshDir();
    const generated = await ensureDemoAccounts(dir, index);
    const changed = await ensureDemoAccounts(dir, index, 'training-day-2026');
    expect(changed).toMatchObject({ created: false, newlyGenerated: false, password: 'training-day-2026' });
    const identity = new LocalIdentity(dir);
    expect((await identity.signIn('supervisor@kr-moef', 'training-day-2026')).kind).toBe('token');
    expect((await identity.signIn('supervisor@kr-molit', generated.password)).kind).toBe('rejected');

    const fromStart = freshDir();
    const set = await ensureDemoAccounts(fromStart, index, 'training-day-2026');
    expect(set).toMatchObject({ created: true, newlyGenerated: false });
    expect(existsSync(join(fromStart, 'users.json'))).toBe(true);
  });
});
