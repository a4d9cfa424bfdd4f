// `npm run country:check -- <code>` as a trainer runs it: the exit status says pass or fail, and each problem
// is one line naming the file, the JSON path and what is wrong.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const packs = mkdtempSync(join(tmpdir(), 'clean-portal-cli-'));
afterAll(() => rmSync(packs, { recursive: true, force: true }));

async function check(code: string, packsDir = resolve('countries')): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [resolve('node_modules/tsx/dist/cli.mjs'), 'local/cli/countryCheck.ts', code],
      {
        env: { ...process.env, COUNTRY_PACKS_DIR: packsDir },
      },
    );
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run country:check', { timeout: 60_000 }, () => {
  it('passes a good pack with status 0 and a one-line summary', async () => {
    const result = await check('kr');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^✓ country pack "kr": 73 organizations, 7 categories, 11 routing rules, languages ko, en\n$/);
  });

  it('fails a broken pack with status 1, one line per problem', async () => {
    cpSync(resolve('countries', 'kr'), join(packs, 'kr'), { recursive: true });
    const edit = (language: string, change: (strings: Record<string, string>) => void) => {
      const file = join(packs, 'kr', 'i18n', `${language}.json`);
      const strings = JSON.parse(readFileSync(file, 'utf8'));
      change(strings);
      writeFileSync(file, JSON.stringify(strings));
    };
    edit('ko', (s) => delete s['nav.home']);
    // English is compared with Korean, the pack's default language.
    edit('en', (s) => (s['wizard.step'] = 'Step {step}'));
    const result = await check('kr', packs);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('countries/kr/i18n/ko.json $["nav.home"]: missing translation\n');
    expect(result.stderr).toContain('countries/kr/i18n/en.json $["wizard.step"]: placeholders differ: {total} is missing\n');
    expect(result.stderr).toContain('✗ country pack "kr": 2 problem(s)');
  });

  it('says so with status 2 when there is no such pack', async () => {
    const result = await check('zz');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/there is no country pack "zz"/);
  });
});
