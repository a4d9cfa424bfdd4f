// The web app's build: it keeps the citizen JavaScript under budget (and fails when it is not), and writes pages
// that run under the strict Content-Security-Policy — no inline script or style.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnvironment } from '../support/testWorld.js';

const VITE = resolve('node_modules/vite/bin/vite.js');
const CONFIG = resolve('web/vite.config.ts');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function build(env: Record<string, string> = {}): Promise<{ out: string; code: number; stdout: string; stderr: string }> {
  const out = mkdtempSync(join(tmpdir(), 'clean-portal-web-'));
  dirs.push(out);
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [VITE, 'build', '--config', CONFIG, '--outDir', out, '--emptyOutDir'],
      {
        env: childEnvironment(env),
      },
    );
    return { out, code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { out, code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run build:web', () => {
  it('builds both pages within the citizen budget, with no inline script or style', { timeout: 120_000 }, async () => {
    const result = await build();
    expect(result.code, result.stderr).toBe(0);
    const measured = /citizen JavaScript: (\d+) B gzipped of a 80000 B budget/.exec(result.stdout);
    expect(measured, result.stdout).not.toBeNull();
    expect(Number(measured![1])).toBeLessThanOrEqual(80_000);
    for (const page of ['index.html', 'agency.html']) {
      const html = readFileSync(join(result.out, page), 'utf8');
      // Every script is an external module file; no inline code, handlers or style attributes.
      expect(html.match(/<script\b[^>]*>/g)?.every((tag) => / src="\/assets\/[^"]+\.js"/.test(tag))).toBe(true);
      expect(html).not.toMatch(/<script\b[^>]*>\s*[^<\s]/);
      expect(html).not.toMatch(/\son[a-z]+=|\sstyle=|<style/i);
    }
    const assets = readdirSync(join(result.out, 'assets'));
    expect(assets.some((f) => f.startsWith('agency-') && f.endsWith('.js'))).toBe(true);
    expect(assets.some((f) => f.startsWith('citizen-') && f.endsWith('.js'))).toBe(true);
  });

  it('fails when the citizen JavaScript passes the budget, and says by how much', { timeout: 120_000 }, async () => {
    const result = await build({ CITIZEN_JS_BUDGET_BYTES: '10000' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/over budget: citizen JavaScript: \d+ B gzipped of a 10000 B budget/);
  });
});
