// The minimal citizen page in a real browser: file a report with an attachment, keep the code, track it, reply.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPortal, startTestPortal } from '../integration/support/testPortal.js';
import { launchBrowser } from './browser.js';

let portal: TestPortal;
let browser: Browser;
let page: Page;
const problems: string[] = [];
// Set SCREENSHOT_DIR to keep a picture of each step.
const shots = process.env.SCREENSHOT_DIR;

async function shot(name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

beforeAll(async () => {
  portal = await startTestPortal();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 412, height: 915 } });
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('the citizen page', () => {
  let code = '';
  const payload = '<img src=x onerror="window.__xss=1">';

  it('files a report with an attachment and shows the tracking code once', async () => {
    await page.goto(portal.url);
    await page.selectOption('#lang', 'en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.waitForSelector('#report-submit:not([disabled])');
    await shot('1-report-form');
    await page.selectOption('#category', 'budget-waste');
    await page.fill('#org-search', 'Land, Infrastructure');
    await page.selectOption('#organizationId', 'kr-molit');
    await page.fill('#title', 'Unused bridge study paid twice');
    await page.fill('#description', 'The same feasibility study was invoiced in 2024 and again in 2025.');
    await page.setInputFiles('#attachment', { name: 'invoices.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.click('#report-submit');
    await page.waitForSelector('#code-result:not([hidden])', { timeout: 20_000 });
    code = (await page.textContent('#code-value'))!.trim();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(await page.textContent('#code-facts')).toContain('Ministry of Land, Infrastructure and Transport');
    expect(await page.evaluate(() => sessionStorage.getItem('cp.pendingCode'))).toBeNull();
    expect(page.url()).not.toContain(code);
    await shot('2-tracking-code');
  });

  it('tracks the report with the code typed lower-case without dashes, and takes a reply', async () => {
    await page.click('#nav-track');
    await page.fill('#track-code', code.replaceAll('-', '').toLowerCase());
    await page.click('#track-submit');
    await page.waitForSelector('#track-result:not([hidden])');
    expect(await page.textContent('#track-attachments')).toContain('invoices.pdf');
    expect(await page.textContent('#track-timeline')).toMatch(/Received/i);
    await page.fill('#reply-body', payload);
    await page.click('#reply-submit');
    await expect.poll(() => page.textContent('#track-messages')).toContain(payload);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(page.url()).not.toContain(code.replaceAll('-', '').toLowerCase());
    await shot('3-status');
  });

  it('shows an information page', async () => {
    await page.click('#nav-pages');
    await page.getByRole('button', { name: /protect/i }).or(page.getByRole('link', { name: /protect/i })).first().click();
    await expect.poll(() => page.textContent('#page-content')).toMatch(/identity/i);
    await shot('4-information');
  });

  it('ran with no script errors and no Content-Security-Policy violations', () => {
    expect(problems).toEqual([]);
  });
});
