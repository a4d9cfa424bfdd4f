// `npm run country:texts` as a trainer runs it: a language's texts out to a CSV file and back, and a file with a
// mistake refused by line with nothing written. The command gets an environment of its own, never the caller's.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnvironment } from '../support/testWorld.js';

const packs = mkdtempSync(join(tmpdir(), 'clean-portal-texts-'));
afterAll(() => rmSync(packs, { recursive: true, force: true }));

async function texts(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [resolve('node_modules/tsx/dist/cli.mjs'), resolve('local/cli/countryTexts.ts'), ...args],
      { env: childEnvironment({ COUNTRY_PACKS_DIR: packs, NO_COLOR: '1' }), cwd: packs },
    );
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run country:texts', { timeout: 60_000 }, () => {
  it('exports a language to CSV and imports it back; refuses a file with a mistake and writes nothing', async () => {
    cpSync(resolve('countries', 'mn'), join(packs, 'mn'), { recursive: true });
    const strings = join(packs, 'mn', 'i18n', 'en.json');
    const original = readFileSync(strings, 'utf8');

    const exported = await texts('mn', 'export', 'en');
    expect(exported.status).toBe(0);
    const csv = join(packs, 'texts-mn-en.csv');
    expect(exported.stdout).toContain(`in ${csv}`);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFkey,source (mn),translation (en)\r\n')).toBe(true);

    const edited = text.replace(/^nav\.home,(.*),Home\r$/m, 'nav.home,$1,Start\r');
    writeFileSync(csv, edited);
    expect((await texts('mn', 'import', 'en', csv)).status).toBe(0);
    expect(JSON.parse(readFileSync(strings, 'utf8'))).toEqual({ ...JSON.parse(original), 'nav.home': 'Start' });
    expect(Object.keys(JSON.parse(readFileSync(strings, 'utf8')))).toEqual(Object.keys(JSON.parse(original)));

    const before = readFileSync(strings, 'utf8');
    const lines = edited.split('\r\n');
    const at = lines.findIndex((l) => l.startsWith('wizard.step,'));
    lines[at] = 'wizard.step,x,Step {step}';
    writeFileSync(csv, lines.join('\r\n'));
    const refused = await texts('mn', 'import', 'en', csv);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${csv}: line ${at + 1}: "wizard.step": placeholders differ: {total} is missing\n`);
    expect(refused.stderr).toContain('✗ nothing written: 1 problem(s)');
    expect(readFileSync(strings, 'utf8')).toBe(before);
  });
});
