// WCAG 2.1 AA on every page and state a reader meets: axe-core finds no serious or critical violation. The
// citizen flow is also walked with the keyboard alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseLanguage, followCase, readCode } from './support/citizen.js';
import { seriousViolations, type AxeFinding } from './support/axe.js';
import { agencySignIn, openCase } from './support/agency.js';
import { categoryName, organizationName, wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const words = wordsIn('en');

async function scan(page: Page, name: string, found: Record<string, AxeFinding[]>): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length) found[name] = violations;
}

describe('accessibility', () => {
  it('citizen pages in English and Korean, including error states', { timeout: 120_000 }, async () => {
    const found: Record<string, AxeFinding[]> = {};
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await scan(page, 'home', found);

    await page
      .getByRole('link', { name: words('nav.report') })
      .first()
      .click();
    await page.getByRole('button', { name: words('wizard.next') }).click();
    await page.locator('.error-summary').waitFor();
    await scan(page, 'wizard: category, with an error', found);
    await page.getByLabel(categoryName('public-interest', 'en')).check();
    await page.getByRole('button', { name: words('wizard.next') }).click();
    await page.getByLabel(words('report.organizationSearch')).fill('ministry');
    await scan(page, 'wizard: organization search', found);
    await page.getByLabel(organizationName('kr-me', 'en'), { exact: true }).check();
    await page.getByRole('button', { name: words('wizard.next') }).click();
    await page.getByRole('button', { name: words('wizard.next') }).click();
    await page.locator('.error-summary').waitFor();
    await scan(page, 'wizard: details, with errors', found);
    await page.getByLabel(words('report.title')).fill('River dumping at night');
    await page.getByLabel(words('report.description')).fill('Trucks empty barrels into the river after midnight.');
    await page.getByRole('button', { name: words('wizard.next') }).click();
    await page.getByLabel(words('report.subjectIsHead.no')).check();
    await page.getByLabel(words('report.anonymity.confidential'), { exact: true }).check();
    await page.getByRole('button', { name: words('wizard.next') }).click();
    await page.locator('.error-summary').waitFor();
    await scan(page, 'wizard: identity, confidential without contact', found);
    await page.getByLabel(words('report.contact.email')).fill('reporter@example.org');
    await page.getByRole('button', { name: words('wizard.next') }).click();
    await page.getByLabel(words('report.attachment.add')).setInputFiles([
      { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from('barrels\n') },
      { name: 'tool.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') },
    ]);
    await page.locator('.file-done').waitFor();
    await scan(page, 'wizard: evidence, one refused', found);
    await page.getByRole('button', { name: words('wizard.next') }).click();
    await scan(page, 'wizard: review', found);
    await page.getByRole('button', { name: words('report.submit') }).click();
    await readCode(page, words);
    await scan(page, 'tracking code', found);
    await followCase(page, words);
    await scan(page, 'case status', found);

    await page.getByRole('button', { name: words('track.leave') }).click();
    await page.getByRole('button', { name: words('track.submit') }).click();
    await page.locator('.field-error').waitFor();
    await scan(page, 'track: empty code', found);
    await page.getByLabel(words('track.code'), { exact: true }).fill('0000-0000-0000-0000');
    await page.getByRole('button', { name: words('track.submit') }).click();
    await page.getByText(words('track.notFound')).waitFor();
    await scan(page, 'track: unknown code', found);

    for (const id of ['how-it-works', 'protection', 'rewards', 'policies']) {
      await page.goto(`/#/pages/${id}`);
      await page.locator('.info-page h1').waitFor();
      await scan(page, `page ${id}`, found);
    }

    await page.goto('/');
    await chooseLanguage(page, words, 'ko');
    await scan(page, 'home (ko)', found);
    await page.goto('/#/pages/protection');
    await page.locator('.info-page h1').waitFor();
    await scan(page, 'page protection (ko)', found);

    expect(found).toEqual({});
    expect(problems).toEqual([]);
  });

  it('agency console: sign-in, queue, case and statistics', { timeout: 120_000 }, async () => {
    const found: Record<string, AxeFinding[]> = {};
    const filed = await e2e.portal.api('POST', '/reports', {
      category: 'code-of-conduct',
      organizationId: 'kr-mpm',
      language: 'en',
      title: 'Hiring favours',
      description: 'A relative was hired.',
      subjectIsHead: false,
      anonymity: 'confidential',
      contact: { email: 'r@example.org' },
      uploadIds: [],
    });
    expect(filed.status).toBe(201);
    const { page, problems } = await e2e.newPage();
    await page.goto('/agency.html');
    await page.getByLabel(words('agency.username')).waitFor();
    await scan(page, 'agency sign-in', found);
    await page.getByRole('button', { name: words('agency.signIn') }).click();
    await page.locator('.error-summary').waitFor();
    await scan(page, 'agency sign-in with errors', found);
    await agencySignIn(page, words, 'supervisor@kr-mpm', e2e.portal.demoPassword);
    await scan(page, 'agency queue', found);
    await openCase(page, filed.body.caseId);
    await scan(page, 'agency case', found);
    await page.getByRole('link', { name: words('agency.stats') }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await scan(page, 'agency statistics', found);
    expect(found).toEqual({});
    expect(problems).toEqual([]);
  });

  it('the whole citizen flow works with the keyboard alone', { timeout: 120_000 }, async () => {
    const { page } = await e2e.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const tabTo = async (accessibleName: string | RegExp, max = 60) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        const name = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return '';
          const id = el.getAttribute('id');
          const label = id ? document.querySelector(`label[for="${id}"]`)?.textContent : null;
          return (label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
        });
        if (typeof accessibleName === 'string' ? name === accessibleName : accessibleName.test(name)) return;
      }
      throw new Error(`Tab never reached ${String(accessibleName)}`);
    };
    await tabTo(words('nav.report'));
    await page.keyboard.press('Enter');
    await tabTo(categoryName('corruption', 'en')); // the first of the group: Tab enters a radio group there
    await page.keyboard.press('Space');
    await tabTo(words('wizard.next'));
    await page.keyboard.press('Enter');
    // The next step renders after the click: wait for its field, or Tab may walk the old step's controls.
    await page.getByLabel(words('report.organizationSearch')).waitFor();
    await tabTo(words('report.organizationSearch'));
    await page.keyboard.type('fisheries');
    await tabTo(organizationName('kr-mof', 'en'));
    await page.keyboard.press('Space');
    await tabTo(words('wizard.next'));
    await page.keyboard.press('Enter');
    await page.getByLabel(words('report.title'), { exact: true }).waitFor();
    await tabTo(words('report.title'));
    await page.keyboard.type('Fuel cards used privately');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Office fuel cards are used for private trips every weekend.');
    await tabTo(words('wizard.next'));
    await page.keyboard.press('Enter');
    await tabTo(words('report.subjectIsHead'));
    await page.keyboard.press('ArrowDown'); // radio group: arrows move to "No" and select it
    await tabTo(words('report.anonymity.anonymous'));
    await page.keyboard.press('Space');
    await tabTo(words('wizard.next'));
    await page.keyboard.press('Enter');
    await tabTo(words('wizard.next'));
    await page.keyboard.press('Enter');
    await tabTo(words('report.submit'));
    await page.keyboard.press('Enter');
    await readCode(page, words);
    await tabTo(words('code.saved'));
    await page.keyboard.press('Space');
    await tabTo(words('code.track'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: words('track.messages') }).waitFor();
    expect(await page.getByText(words('status.received'), { exact: true }).count()).toBeGreaterThan(0);
  });
});
