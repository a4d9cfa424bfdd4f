// Stored text is shown as text, never run (invariant 8): a report whose title and description are script
// payloads appears literally in the agency console, and so does a message with one on the citizen's status page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposedCode } from '../integration/support/testPortal.js';
import { agencySignIn, openCase } from './support/agency.js';
import { trackWithCode } from './support/citizen.js';
import { wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const words = wordsIn('en');
const TITLE = '<img src=x onerror="window.__xss=\'title\';alert(1)">';
const DESCRIPTION =
  '<script>window.__xss="description";alert(2)</script>\n<svg onload="window.__xss=\'svg\'"></svg> [link](javascript:window.__xss=1)';
const MESSAGE = '<iframe srcdoc="<script>parent.__xss=\'message\'</script>"></iframe><b onmouseover="window.__xss=1">bold?</b>';

describe('script payloads', () => {
  it('show as text in the agency console and on the status page, and run nothing', { timeout: 90_000 }, async () => {
    const trackingCode = proposedCode();
    const filed = await e2e.portal.api('POST', '/reports', {
      category: 'code-of-conduct',
      organizationId: 'kr-mpm',
      language: 'en',
      title: TITLE,
      description: DESCRIPTION,
      location: '<b>Sejong</b>',
      subjectIsHead: false,
      anonymity: 'confidential',
      contact: { name: '<script>alert(3)</script>' },
      uploadIds: [],
      trackingCode,
    });
    expect(filed.status).toBe(201);

    const { page, problems } = await e2e.newPage();
    await page.goto('/agency.html');
    await agencySignIn(page, words, 'handler@kr-mpm', e2e.portal.demoPassword);
    // In the queue already: the title is a table cell's text.
    expect(await page.getByText(TITLE, { exact: true }).count()).toBe(1);
    await openCase(page, filed.body.caseId);
    expect(await page.getByText(TITLE, { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator('.user-text', { hasText: '<script>window.__xss="description"' }).count()).toBeGreaterThan(0);
    expect(await page.getByText('<script>alert(3)</script>').count()).toBe(1);
    await page.getByLabel(words('agency.action.message')).fill(MESSAGE);
    await page.getByRole('button', { name: words('common.send') }).click();
    await page.getByText(words('agency.action.messageSent')).waitFor();
    await page.locator('.messages li', { hasText: 'bold?' }).hover();

    // No element the payloads describe exists; none of them ran.
    expect(await page.locator('main img, main script, main svg, main iframe, main b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

    const citizen = await e2e.newPage();
    await citizen.page.goto('/');
    await trackWithCode(citizen.page, words, trackingCode);
    await citizen.page.locator('.messages li', { hasText: 'bold?' }).hover();
    expect(await citizen.page.getByText(MESSAGE, { exact: true }).count()).toBe(1);
    expect(await citizen.page.locator('main iframe, main b').count()).toBe(0);
    expect(await citizen.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

    expect(problems).toEqual([]);
    expect(citizen.problems).toEqual([]);
  });
});
