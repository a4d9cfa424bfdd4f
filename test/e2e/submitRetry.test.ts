// Unbreakable submission: the server commits the report but the answer never reaches the phone. Trying again
// from the same page, or after a reload, gives the same case and the same tracking code, never a second case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../integration/support/testPortal.js';
import { followCase, readCode, submitAndReadCode, writeReport } from './support/citizen.js';
import { wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const words = wordsIn('en');
const report = (title: string) => ({
  category: 'budget-waste',
  organizationId: 'kr-mof',
  search: 'oceans',
  title,
  description: 'A harbour contract was paid twice.',
  files: [{ name: 'invoice.txt', mimeType: 'text/plain', buffer: Buffer.from('invoice 2026-114, paid twice\n') }],
});

async function queueTitles(organizationId: string): Promise<string[]> {
  const token = await signIn(e2e.portal, `handler@${organizationId}`);
  const queue = await e2e.portal.api('GET', '/cases?limit=100', undefined, bearer(token));
  return queue.body.items.map((i: { title: string }) => i.title);
}

describe('a submission whose answer is lost', () => {
  it('is retried from the same page: the same case and code, and one case in the queue', async () => {
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await writeReport(page, words, 'en', report('Harbour contract paid twice'));

    // The first POST /reports reaches the server and commits; the browser sees the connection fail.
    const committed: { trackingCode: string; caseId: string }[] = [];
    let attempts = 0;
    await page.route('**/api/reports', async (route) => {
      attempts += 1;
      const response = await route.fetch();
      if (attempts === 1) {
        committed.push(await response.json());
        await route.abort('connectionreset');
      } else {
        await route.fulfill({ response });
      }
    });
    await page.getByRole('button', { name: words('report.submit') }).click();
    await page.getByText(words('report.retry'), { exact: false }).waitFor();
    expect(committed).toHaveLength(1);

    await page.getByRole('button', { name: words('report.attachment.retry') }).click();
    const shown = await readCode(page, words);
    expect(attempts).toBe(2);
    expect(shown).toBe(committed[0]!.trackingCode);
    expect(await page.getByText(committed[0]!.caseId).count()).toBe(1);
    expect((await queueTitles('kr-mof')).filter((t) => t === 'Harbour contract paid twice')).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('is retried after the page was reloaded: the draft and code survive in this tab only', async () => {
    const { page, context } = await e2e.newPage();
    await page.goto('/');
    await writeReport(page, words, 'en', report('Second harbour contract paid twice'));
    let committedCode = '';
    await page.route('**/api/reports', async (route) => {
      const response = await route.fetch();
      committedCode = ((await response.json()) as { trackingCode: string }).trackingCode;
      await route.abort('timedout');
    });
    await page.getByRole('button', { name: words('report.submit') }).click();
    await page.getByText(words('report.retry'), { exact: false }).waitFor();
    await page.unroute('**/api/reports');

    await page.reload();
    // The review step again, content frozen (no "Change" links) until the report is confirmed.
    await page.getByRole('heading', { level: 1, name: words('wizard.steps.review') }).waitFor();
    expect(await page.getByRole('button', { name: new RegExp(`^${words('report.review.edit')}`) }).count()).toBe(0);
    const shown = await submitAndReadCode(page, words);
    expect(shown).toBe(committedCode);
    expect((await queueTitles('kr-mof')).filter((t) => t === 'Second harbour contract paid twice')).toHaveLength(1);

    // Nothing of the report stays behind once the code is marked saved; no cookie was ever set.
    await followCase(page, words);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await context.cookies()).toEqual([]);
  });
});
