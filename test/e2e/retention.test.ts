// Retention in the browser (issue 14): the reporter's status page says when a closed case is deleted (and, while it
// is open, how long a closed case is kept); a supervisor places a legal hold on a closed case from the console, the
// case and the queue show it, and lifts it again. Each step is checked against the API, and axe checks the pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../integration/support/testPortal.js';
import { agencySignIn } from './support/agency.js';
import { seriousViolations } from './support/axe.js';
import { chooseLanguage, trackWithCode } from './support/citizen.js';
import { wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';
import { factText, fileThroughApi } from './support/statusPage.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const en = wordsIn('en');

describe('retention as people see it', () => {
  it('tells the reporter how long a case is kept, then the date it is deleted once closed', { timeout: 120_000 }, async () => {
    const { portal } = e2e;
    const filed = await fileThroughApi(portal, { category: 'code-of-conduct', organizationId: 'kr-molit' });
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await chooseLanguage(page, en, 'en');
    await trackWithCode(page, en, filed.code);
    await page.locator('.case-facts').waitFor();
    expect(await factText(page, en('track.retentionYears'))).toBe('10');

    const handler = bearer(await signIn(portal, 'handler@kr-molit'));
    const agency = (body: unknown) => portal.api('PATCH', `/cases/${filed.caseId}`, body, handler);
    expect((await agency({ status: 'acknowledged' })).status).toBe(200);
    const closed = await agency({ status: 'closed', resolution: 'unsubstantiated' });
    expect(closed.status).toBe(200);
    // Coming back with the code (the status page keeps no code across a reload).
    await page.goto('/');
    await trackWithCode(page, en, filed.code);
    await page.locator('.case-facts .delete-after').waitFor();
    // The pack's ten years from closure, in the page's own date format.
    const deleteAfter = new Date(closed.body.deleteAfter as string);
    expect(deleteAfter.getUTCFullYear() - new Date().getUTCFullYear()).toBe(10);
    expect(await factText(page, en('track.deleteAfter'))).toContain(String(deleteAfter.getUTCFullYear()));
    expect(await page.locator('.retention-years').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('lets a supervisor place a legal hold on a closed case with a reason, shows it, and lift it', { timeout: 120_000 }, async () => {
    const { portal } = e2e;
    const filed = await fileThroughApi(portal, { category: 'code-of-conduct', organizationId: 'kr-molit' });
    const handler = bearer(await signIn(portal, 'handler@kr-molit'));
    for (const body of [{ status: 'acknowledged' }, { status: 'closed', resolution: 'referred' }]) {
      expect((await portal.api('PATCH', `/cases/${filed.caseId}`, body, handler)).status).toBe(200);
    }

    const { page, problems } = await e2e.newPage();
    await page.goto('/agency.html');
    await agencySignIn(page, en, 'supervisor@kr-molit', portal.demoPassword);
    await page.getByLabel(en('agency.find.label')).fill(filed.caseId);
    await page.getByRole('button', { name: en('agency.find.submit') }).click();
    await page.locator('[data-case-loaded]').waitFor();

    // A reason is required: said at the field.
    const place = page.getByRole('button', { name: en('agency.hold.place') });
    await place.click();
    expect(await page.getByLabel(en('agency.hold.reason')).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel(en('agency.hold.reason')).fill('Court order 2026-77: keep all records.');
    await place.click();
    await page.getByText(en('agency.hold.placed')).waitFor();
    await page.locator('.case-facts .badge-held').waitFor();
    await page.getByText('Legal hold placed: Court order 2026-77: keep all records.').waitFor();
    const supervisor = bearer(await signIn(portal, 'supervisor@kr-molit'));
    const held = await portal.api('GET', `/cases/${filed.caseId}`, undefined, supervisor);
    expect(held.body.legalHold).toMatchObject({ placedBy: 'supervisor@kr-molit' });
    expect(await seriousViolations(page)).toEqual([]);

    // The queue marks it.
    const queue = await portal.api('GET', '/cases?status=closed&limit=100', undefined, supervisor);
    expect(queue.body.items.find((i: { caseId: string }) => i.caseId === filed.caseId)).toMatchObject({ held: true });

    // Lifting asks for a reason too, and the badge goes.
    await page.getByLabel(en('agency.hold.reason')).fill('Proceedings ended.');
    await page.getByRole('button', { name: en('agency.hold.lift') }).click();
    await page.getByText(en('agency.hold.lifted')).waitFor();
    expect(await page.locator('.case-facts .badge-held').count()).toBe(0);
    expect((await portal.api('GET', `/cases/${filed.caseId}`, undefined, supervisor)).body.legalHold).toBeNull();
    expect(problems).toEqual([]);
  });

  it('offers a handler no hold', { timeout: 120_000 }, async () => {
    const { portal } = e2e;
    const filed = await fileThroughApi(portal, { category: 'code-of-conduct', organizationId: 'kr-molit' });
    const { page, problems } = await e2e.newPage();
    await page.goto('/agency.html');
    await agencySignIn(page, en, 'handler@kr-molit', portal.demoPassword);
    await page.getByLabel(en('agency.find.label')).fill(filed.caseId);
    await page.getByRole('button', { name: en('agency.find.submit') }).click();
    await page.locator('[data-case-loaded]').waitFor();
    expect(await page.getByRole('button', { name: en('agency.hold.place') }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
