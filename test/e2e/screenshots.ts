// `npm run screenshots`: every page of the web app, on a phone (citizen) and a laptop (agency), written to
// docs/screenshots/ for the README. It runs the real portal on embedded servers with a fresh data dir.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { agencySignIn, openCase } from './support/agency.js';
import { chooseLanguage, followCase, readCode } from './support/citizen.js';
import { categoryName, organizationName, wordsIn } from './support/pack.js';
import { startE2E } from './support/session.js';

const OUT = resolve(process.env.SCREENSHOT_DIR ?? 'docs/screenshots');
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 860 };
const words = wordsIn('en');

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(`  ${name}.png`);
}

mkdirSync(OUT, { recursive: true });
const e2e = await startE2E();
try {
  const { page } = await e2e.newPage({ viewport: PHONE });
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot(page, 'citizen-home');

  await page
    .getByRole('link', { name: words('nav.report') })
    .first()
    .click();
  await page.getByLabel(categoryName('budget-waste', 'en')).check();
  await shot(page, 'citizen-report-1-type');
  await page.getByRole('button', { name: words('wizard.next') }).click();
  await page.getByLabel(words('report.organizationSearch')).fill('ocean');
  await page.getByLabel(organizationName('kr-mof', 'en'), { exact: true }).check();
  await shot(page, 'citizen-report-2-organization');
  await page.getByRole('button', { name: words('wizard.next') }).click();
  await page.getByRole('button', { name: words('wizard.next') }).click();
  await page.locator('.error-summary').waitFor();
  await shot(page, 'citizen-report-3-details-errors');
  await page.getByLabel(words('report.title')).fill('Harbour dredging paid twice');
  await page
    .getByLabel(words('report.description'))
    .fill('The same dredging work at the harbour was invoiced and paid in March and again in June.');
  await page.getByLabel(words('report.amount')).fill('120000000');
  await page.getByRole('button', { name: words('wizard.next') }).click();
  await page.getByLabel(words('report.subjectIsHead.no')).check();
  await page.getByLabel(words('report.anonymity.confidential'), { exact: true }).check();
  await page.getByLabel(words('report.contact.email')).fill('reporter@example.org');
  await shot(page, 'citizen-report-4-identity');
  await page.getByRole('button', { name: words('wizard.next') }).click();
  await page.getByLabel(words('report.attachment.add')).setInputFiles([
    { name: 'invoice-march.txt', mimeType: 'text/plain', buffer: Buffer.from('Invoice 2026-031: dredging, 120,000,000 KRW\n') },
    { name: 'installer.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') },
  ]);
  await page.locator('.file-done').waitFor();
  await shot(page, 'citizen-report-5-evidence');
  await page.getByRole('button', { name: words('wizard.next') }).click();
  await shot(page, 'citizen-report-6-review');
  await page.getByRole('button', { name: words('report.submit') }).click();
  await readCode(page, words);
  await shot(page, 'citizen-tracking-code');
  await followCase(page, words);
  const caseId = (await page.locator('.case-facts dd[translate="no"]').textContent())!.trim();

  const staff = (await e2e.newPage({ viewport: LAPTOP })).page;
  await staff.goto('/agency.html');
  await staff.getByLabel(words('agency.username')).waitFor();
  await shot(staff, 'agency-sign-in');
  await agencySignIn(staff, words, 'supervisor@kr-mof', e2e.portal.demoPassword);
  await shot(staff, 'agency-queue');
  await openCase(staff, caseId);
  await staff.getByRole('button', { name: words('agency.action.acknowledge') }).click();
  await staff.getByText(words('agency.action.saved')).waitFor();
  await staff.getByLabel(words('agency.action.message')).fill('Thank you. Do you have the June invoice as well?');
  await staff.getByRole('button', { name: words('common.send') }).click();
  await staff.getByText(words('agency.action.messageSent')).waitFor();
  await shot(staff, 'agency-case');
  await staff.getByRole('link', { name: words('agency.stats') }).click();
  await staff.getByRole('heading', { level: 1 }).waitFor();
  await shot(staff, 'agency-statistics');

  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByLabel(words('track.code'), { exact: true }).waitFor();
  await shot(page, 'citizen-track');
  const code = await (async () => {
    // A second report, so the status page shows a conversation.
    const filed = await e2e.portal.api('POST', '/reports', {
      category: 'budget-waste',
      organizationId: 'kr-mof',
      language: 'en',
      title: 'Fuel cards used privately',
      description: 'Office fuel cards are used for private trips.',
      subjectIsHead: false,
      anonymity: 'anonymous',
      contact: null,
      uploadIds: [],
    });
    return filed.body.trackingCode as string;
  })();
  await page.getByLabel(words('track.code'), { exact: true }).fill(code);
  await page.getByRole('button', { name: words('track.submit') }).click();
  await page.getByRole('heading', { level: 2, name: words('track.messages') }).waitFor();
  await page.getByLabel(words('track.reply'), { exact: true }).fill('The trips are every weekend, to the coast.');
  await page.getByRole('button', { name: words('track.replySubmit') }).click();
  await page.getByText(words('track.replySent')).waitFor();
  await shot(page, 'citizen-status');

  await page.goto('/#/pages/protection');
  await page.locator('.info-page h1').waitFor();
  await shot(page, 'citizen-page-protection');
  await page.goto('/#/pages/rewards');
  await page.locator('.info-page h1').waitFor();
  await shot(page, 'citizen-page-rewards');
  await page.goto('/');
  await chooseLanguage(page, words, 'ko');
  await page.getByRole('heading', { level: 1, name: wordsIn('ko')('app.title') }).waitFor();
  await shot(page, 'citizen-home-ko');
} finally {
  await e2e.stop();
}
