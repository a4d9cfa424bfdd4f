// Local start runs every check country:check runs, as the synth does; a function's cold start re-checks only the
// structure. A pack with an unfinished page therefore stops `npm start` but would not stop a bundled function.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPackIndex } from '#composition/packIndex.js';
import { startLocalPortal } from '#local/runtime/localPortal.js';

const packsDir = mkdtempSync(join(tmpdir(), 'clean-portal-packs-'));
const dataDir = mkdtempSync(join(tmpdir(), 'clean-portal-data-'));
afterAll(() => {
  rmSync(packsDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the pack check at start', () => {
  it('refuses to start local mode on a pack with an unfinished page, which the cold-start check lets through', async () => {
    cpSync(resolve('countries', 'kr'), join(packsDir, 'kr'), { recursive: true });
    const file = join(packsDir, 'kr', 'pages', 'en', 'how-it-works.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nTODO: ask the legal team.\n`);

    expect(() => loadPackIndex({ COUNTRY: 'kr', COUNTRY_PACKS_DIR: packsDir })).not.toThrow();
    await expect(startLocalPortal({ port: 0, country: 'kr', dataDir, packsDir, sweepEveryMs: 0, publishStatsEveryMs: 0 })).rejects.toThrow(
      /country pack "kr" is invalid: .*TODO/,
    );
  });
});
