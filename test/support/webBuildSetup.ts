// vitest global setup: the browser tests need the built web app (web/dist). `npm test` and `npm start` build it;
// this rebuilds it only when a source the bundle is made of is newer than the build, so a lone
// `npx vitest run test/e2e` after an edit still tests the current code.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SOURCES = [
  'web/src',
  'web/build',
  'web/public',
  'web/index.html',
  'web/agency.html',
  'web/vite.config.ts',
  'functions/core',
  'functions/schemas',
];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export default function setup(): void {
  const built = join(ROOT, 'web', 'dist', 'index.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  if (builtAt > 0 && SOURCES.every((source) => newest(join(ROOT, source)) <= builtAt)) return;
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'web', 'vite.config.ts')],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}
