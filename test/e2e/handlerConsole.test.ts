// The agency console as a handler works in it (issue #23, "The handler"): a note saved alone leaves the case where it
// was, the session warns before it ends and keeps what was typed, and the queue, the transfer and the close say what
// they do. Each journey runs in the browser against the local runtime, and axe checks the states it passes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, fileReport, signIn } from '../integration/support/testPortal.js';
import { agencySignIn, openCase } from './support/agency.js';
import { seriousViolations } from './support/axe.js';
import { wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const words = wordsIn('en');

/** A kr-molit case, acknowledged by its handler through the API: "Receipt confirmed" in the reporter's words. */
async function acknowledgedCase(title: string): Promise<{ caseId: string; trackingCode: string }> {
  const { portal } = e2e;
  const filed = await fileReport(portal, { category: 'code-of-conduct', organizationId: 'kr-molit', title });
  const token = await signIn(portal, 'handler@kr-molit');
  const moved = await portal.api('PATCH', `/cases/${filed.caseId}`, { status: 'acknowledged' }, bearer(token));
  expect(moved.status).toBe(200);
  return { caseId: filed.caseId, trackingCode: filed.trackingCode };
}

describe('the handler’s console', () => {
  it('saves an internal note alone without moving the case', { timeout: 120_000 }, async () => {
    const { portal } = e2e;
    const { caseId, trackingCode } = await acknowledgedCase('Meal vouchers resold');
    const before = await portal.api('POST', '/track', { trackingCode });

    const { page, problems } = await e2e.newPage();
    await page.goto('/agency.html');
    await agencySignIn(page, words, 'handler@kr-molit', portal.demoPassword);
    await openCase(page, caseId);
    // The form starts at "no change".
    const keep = words('agency.action.keepStatus', { status: words('status.acknowledged') });
    expect(await page.getByLabel(words('agency.action.newStatus')).locator('option:checked').textContent()).toBe(keep);
    await page.getByLabel(words('agency.action.internalNote')).fill('Ask payroll for the voucher ledger.');
    await page.getByRole('button', { name: words('agency.action.save'), exact: true }).click();
    await page.getByText(words('agency.action.saved')).waitFor();

    expect(await page.locator('.case-facts dd strong').first().textContent()).toBe(words('status.acknowledged'));
    await page.getByText('Ask payroll for the voucher ledger.').waitFor();
    // The reporter sees nothing new: no status move, no timeline entry.
    const after = await portal.api('POST', '/track', { trackingCode });
    expect(after.body.status).toBe('acknowledged');
    expect(after.body.timeline).toEqual(before.body.timeline);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('finds a case by its number and marks the cases with unread replies', { timeout: 120_000 }, async () => {
    const { portal } = e2e;
    const { caseId, trackingCode } = await acknowledgedCase('Fuel cards used on weekends');
    const replied = await portal.api('POST', '/track/messages', { trackingCode, body: 'The cards of the second garage too.' });
    expect(replied.status).toBe(201);

    const { page, problems } = await e2e.newPage();
    await page.goto('/agency.html');
    await agencySignIn(page, words, 'handler@kr-molit', portal.demoPassword);
    const unread = words('agency.unreadReplies', { count: 1 });
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: caseId }) });
    expect(await row.getByText(unread).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // Not a number: said at the field, which keeps what was typed.
    const finder = page.getByLabel(words('agency.find.label'));
    await finder.fill('7KQ2');
    await page.getByRole('button', { name: words('agency.find.submit') }).click();
    await page.getByText(words('agency.find.invalid', { length: 20 })).waitFor();
    expect(await finder.getAttribute('aria-invalid')).toBe('true');
    // Read out on the phone: lower case, in groups.
    await finder.fill(` ${caseId.toLowerCase().replace(/(.{4})/g, '$1 ')}`);
    await page.getByRole('button', { name: words('agency.find.submit') }).click();
    await page.locator('[data-case-loaded]').waitFor();
    await page.getByText('The cards of the second garage too.').waitFor();

    // Opened, the case is read: the mark is gone.
    await page.getByRole('link', { name: words('agency.case.back') }).click();
    await page.locator('[data-queue-loaded]').waitFor();
    await row.waitFor();
    expect(await row.getByText(unread).count()).toBe(0);

    // A number of no case in this queue (another organization's, or none at all) has one answer.
    const elsewhere = await fileReport(portal, { category: 'code-of-conduct', organizationId: 'kr-moef', title: 'Not ours' });
    await page.getByLabel(words('agency.find.label')).fill(elsewhere.caseId);
    await page.getByRole('button', { name: words('agency.find.submit') }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: words('agency.case.notFound') })
      .waitFor();
    expect(await page.getByText('Not ours').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('labels the report’s facts and the reporter’s contact for staff, not with the reporter’s own questions', {
    timeout: 120_000,
  }, async () => {
    const { portal } = e2e;
    const filed = await fileReport(portal, {
      category: 'code-of-conduct',
      organizationId: 'kr-molit',
      title: 'Site visits billed twice',
      anonymity: 'confidential',
      contact: { name: 'Park Ji-won', email: 'jiwon@example.org', phone: '010-1234-5678' },
    });
    const { page, problems } = await e2e.newPage();
    await page.goto('/agency.html');
    await agencySignIn(page, words, 'handler@kr-molit', portal.demoPassword);
    await openCase(page, filed.caseId);
    const fact = async (label: string) =>
      (await page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]').textContent())?.trim();
    expect(await fact(words('agency.contact.name'))).toBe('Park Ji-won');
    expect(await fact(words('agency.contact.email'))).toBe('jiwon@example.org');
    expect(await fact(words('agency.contact.phone'))).toBe('010-1234-5678');
    expect(await fact(words('agency.case.occurredOn'))).toBeTruthy();
    expect(await fact(words('agency.case.location'))).toBe('Sejong');
    expect(await fact(words('agency.case.subjectIsHead'))).toBe(words('common.no'));
    for (const question of ['report.contact.name', 'report.occurredOn', 'report.location', 'report.subjectIsHead.question'] as const)
      expect(await page.getByText(words(question), { exact: true }).count(), question).toBe(0);
    expect(problems).toEqual([]);
  });
});
