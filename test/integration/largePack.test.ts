// A country the size of Korea's Clean Portal: 1,042 organizations. The pack passes the checker, every
// organization routes, and the portal serves /config and takes reports with it. (How big /config is and how
// long it takes are measured by `npm run bench`.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_PACK_ORGANIZATIONS, writeLargePack } from '../../bench/largePack.js';
import { checkCountryPackDirectory } from '#local/cli/countryCheckReport.js';
import { aReport, startTestPortal, type TestPortal } from './support/testPortal.js';

const packs = mkdtempSync(join(tmpdir(), 'clean-portal-large-'));
let portal: TestPortal;
beforeAll(async () => {
  writeLargePack(packs, 'zz');
  portal = await startTestPortal({ country: 'zz', packsDir: packs });
});
afterAll(async () => {
  await portal?.stop();
  rmSync(packs, { recursive: true, force: true });
});

describe('a pack of 1,042 organizations', () => {
  it('passes country:check, routing every category × organization × head-or-not', () => {
    const { pack, problems } = checkCountryPackDirectory(packs, 'zz');
    expect(problems).toEqual([]);
    expect(pack!.organizations).toHaveLength(LARGE_PACK_ORGANIZATIONS);
  });

  it('is served whole by /config, in each language, with the other language\u2019s names for search', async () => {
    for (const lang of ['ko', 'en']) {
      const config = await portal.api('GET', `/config?lang=${lang}`);
      expect(config.status).toBe(200);
      expect(config.body.organizations).toHaveLength(LARGE_PACK_ORGANIZATIONS);
      expect(config.body.organizations.at(-1).otherNames).toHaveLength(1);
    }
  });

  it('routes reports about its last organization, and about that organization\u2019s head', async () => {
    const last: string = (await portal.api('GET', '/config?lang=en')).body.organizations.at(-1).id;
    expect(last).toMatch(/^zz-/);
    const budget = await portal.api('POST', '/reports', aReport({ category: 'budget-waste', organizationId: last }));
    expect(budget.status, budget.text).toBe(201);
    expect(budget.body.organization.id).toBe(last);
    const head = await portal.api('POST', '/reports', aReport({ category: 'budget-waste', organizationId: last, subjectIsHead: true }));
    expect(head.body.organization.id).toBe('kr-acrc');
  });
});
