// Local start runs every check country:check runs, as the synth does; a function's cold start re-checks only the
// structure. A pack whose only problems are texts starts locally as a preview (missing texts in the default
// language); the synth and a cold start still refuse it. Any other problem refuses local start too, with a short
// list one problem a line.
// First: the portal's jobs log at INFO when it starts, and this test is not about logs.
import '../../bench/quietHandlers.js';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireCheckedCountryPack } from '#composition/checkedPack.js';
import { loadPackIndex } from '#composition/packIndex.js';
import { type LocalPortal, startLocalPortal } from '#local/runtime/localPortal.js';

const packsDir = mkdtempSync(join(tmpdir(), 'clean-portal-packs-'));
const dataDir = mkdtempSync(join(tmpdir(), 'clean-portal-data-'));
afterAll(() => {
  rmSync(packsDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const copyKr = (as: string) => cpSync(resolve('countries', 'kr'), join(packsDir, as), { recursive: true });
const editStrings = (code: string, language: string, edit: (strings: Record<string, string>) => void) => {
  const file = join(packsDir, code, 'i18n', `${language}.json`);
  const strings = JSON.parse(readFileSync(file, 'utf8'));
  edit(strings);
  writeFileSync(file, JSON.stringify(strings, null, 2));
};
const start = (country: string) =>
  startLocalPortal({ port: 0, country, dataDir, packsDir, sweepEveryMs: 0, publishStatsEveryMs: 0, anchorAuditEveryMs: 0 });

describe('the pack check at start', { timeout: 120_000 }, () => {
  it('starts a pack missing texts as a preview, each missing text in the default language; the synth and a cold start refuse it', async () => {
    copyKr('kr');
    const page = join(packsDir, 'kr', 'pages', 'en', 'how-it-works.md');
    writeFileSync(page, `${readFileSync(page, 'utf8')}\n\nTODO: ask the legal team.\n`);
    const korean = JSON.parse(readFileSync(join(packsDir, 'kr', 'i18n', 'ko.json'), 'utf8'));
    editStrings('kr', 'en', (s) => {
      delete s['nav.track'];
      delete s['nav.home'];
    });

    expect(() => loadPackIndex({ COUNTRY: 'kr', COUNTRY_PACKS_DIR: packsDir })).toThrow(/country pack "kr" is invalid: 2 problem\(s\)/);
    expect(() => requireCheckedCountryPack({ COUNTRY: 'kr', COUNTRY_PACKS_DIR: packsDir })).toThrow(/3 problem\(s\)/);

    let portal: LocalPortal | undefined;
    try {
      portal = await start('kr');
      expect(portal.packPreview).toEqual([
        'preview: 2 texts missing in en (i18n/en.json), shown in ko: nav.track, nav.home',
        'preview: 1 other text problem(s): unfinished (TODO) texts, pages or placeholders',
        'preview: run npm run country:check -- kr for the list; a deployment refuses the pack until it passes',
      ]);
      const config = (await (await fetch(`${portal.url}/api/config?lang=en`)).json()) as { strings: Record<string, string> };
      expect(config.strings['nav.track']).toBe(korean['nav.track']);
      expect(config.strings['nav.report']).toBe('Make a report');
      // The trainer's pack is left as it is: the preview lives under the data directory.
      expect(JSON.parse(readFileSync(join(packsDir, 'kr', 'i18n', 'en.json'), 'utf8'))['nav.track']).toBeUndefined();
    } finally {
      await portal?.stop();
    }
  });

  it('refuses a pack with a problem other than texts, naming the first problems one a line', async () => {
    copyKr('ke');
    const country = join(packsDir, 'ke', 'country.json');
    writeFileSync(country, readFileSync(country, 'utf8').replace('"code": "kr"', '"code": "ke"').replace('"Asia/Seoul"', '"Asia/Nowhere"'));
    editStrings('ke', 'en', (s) => delete s['nav.track']);
    const refused = start('ke');
    await expect(refused).rejects.toThrow(
      'country pack "ke" is invalid: 1 problem(s) to fix before it can start:\n' +
        '  countries/ke/country.json $.timezone: "Asia/Nowhere" is not an IANA time zone such as "Asia/Seoul"',
    );
  });
});
