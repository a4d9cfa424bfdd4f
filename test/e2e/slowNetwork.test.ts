// On a slow phone connection (Slow 3G) the citizen pages still load, take a report with an attachment and hand
// over the tracking code. How long that takes is measured by `npm run bench`, not asserted here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCode, writeReport } from './support/citizen.js';
import { emulateSlow3G } from './support/network.js';
import { wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const words = wordsIn('en');

describe('on Slow 3G', () => {
  it('a report with an attachment goes through and the code is shown', { timeout: 180_000 }, async () => {
    const { page, problems } = await e2e.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(60_000);
    await emulateSlow3G(page);
    await page.goto('/', { timeout: 60_000 });
    await page.getByRole('heading', { level: 1, name: words('app.title') }).waitFor();
    await writeReport(page, words, 'en', {
      category: 'budget-waste',
      organizationId: 'kr-mof',
      search: 'fisheries',
      title: 'Boat fuel subsidy paid to a scrapped boat',
      description: 'A fuel subsidy is still paid for a boat scrapped last year.',
      files: [{ name: 'registry.txt', mimeType: 'text/plain', buffer: Buffer.from('Boat 12-345, deregistered 2025-08-01\n'.repeat(200)) }],
    });
    await page.getByRole('button', { name: words('report.submit') }).click();
    expect(await readCode(page, words)).toMatch(/^[0-9A-Z]{4}-/);
    expect(problems).toEqual([]);
  });
});
