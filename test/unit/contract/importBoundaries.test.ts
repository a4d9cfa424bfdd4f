// The never-rules of the layout, written as lint rules (biome.json, `noRestrictedImports` per folder) and run by
// `npm test` (`npm run lint`). Here they are shown to catch what they are for: imports planted where they must never
// be, linted with the project's own configuration in a scratch copy of the layout.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'clean-portal-boundaries-'));
  // The project's rules as they are (its comments are whole lines), minus the git ignore file the scratch copy lacks.
  const withoutComments = readFileSync(join(ROOT, 'biome.jsonc'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const config = JSON.parse(withoutComments);
  config.vcs = { enabled: false };
  delete config.$schema;
  writeFileSync(join(scratch, 'biome.json'), JSON.stringify(config));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Lints one planted file; answers the messages of the restricted imports found (none: the import is allowed). */
function lint(path: string, source: string): string[] {
  const file = join(scratch, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  try {
    const run = spawnSync(BIOME, ['lint', '--colors=off', '--max-diagnostics=50', path], { cwd: scratch, encoding: 'utf8' });
    const output = run.stdout + run.stderr;
    return output.includes('lint/style/noRestrictedImports')
      ? [...output.matchAll(/^\s+× (.+)$/gm)].map((m) => m[1]!).filter((m) => !m.startsWith('Some errors'))
      : [];
  } finally {
    rmSync(file);
  }
}

const importing = (specifier: string) => `import { x } from '${specifier}';\nexport const y = x;\n`;

describe('the import boundaries', () => {
  it('keep web/ to the contract and the schemas', () => {
    expect(lint('web/src/citizen/planted.ts', importing('../../../functions/core/caseStateMachine.js'))).toEqual([
      'The web app imports only the shared contract (#contract/*) and the schemas (#schemas/*).',
    ]);
    expect(lint('web/src/citizen/planted.ts', importing('#core/caseStateMachine.js'))).toHaveLength(1);
    expect(lint('web/src/citizen/planted.ts', importing('#contract/caseLife.js'))).toEqual([]);
    expect(lint('web/src/citizen/planted.ts', importing('#schemas/track.js'))).toEqual([]);
  });

  it('keep lib/ from local/ and from function internals', () => {
    expect(lint('lib/planted.ts', importing('../local/runtime/localPortal.js'))).toEqual([
      'The stack takes production facts from the contract (#contract/*) only: no function internals, nothing from local/.',
    ]);
    expect(lint('lib/planted.ts', importing('#local/runtime/routeMatch.js'))).toHaveLength(1);
    expect(lint('lib/planted.ts', importing('#runtime/middleware/jsonBody.js'))).toHaveLength(1);
    expect(lint('lib/planted.ts', importing('#contract/routes.js'))).toEqual([]);
  });

  it('keep core pure: no adapter, runtime, handler, AWS SDK or middy', () => {
    for (const specifier of [
      '#adapters/dynamoCaseStore.js',
      '../runtime/logger.js',
      '#composition/portalDeps.js',
      '@aws-sdk/client-s3',
      '@middy/core',
    ]) {
      expect(lint('functions/core/planted.ts', importing(specifier)), specifier).toHaveLength(1);
    }
    expect(lint('functions/core/planted.ts', importing('#contract/limits.js'))).toEqual([]);
  });

  it('keep the contract a leaf, importing nothing of ours', () => {
    expect(lint('functions/contract/planted.ts', importing('#core/errors.js'))).toHaveLength(1);
    expect(lint('functions/contract/planted.ts', importing('../schemas/common.js'))).toHaveLength(1);
    expect(lint('functions/contract/planted.ts', importing('./limits.js'))).toEqual([]);
  });
});
