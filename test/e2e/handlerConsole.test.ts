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
});
