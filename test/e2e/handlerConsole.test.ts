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

  it('transfers to an organization found by name, after a confirmation that can be declined', { timeout: 120_000 }, async () => {
    const { portal } = e2e;
    // About the head of MOLIT, so routed to the ACRC: MOLIT and the agencies under it are never offered.
    const filed = await fileReport(portal, {
      category: 'code-of-conduct',
      organizationId: 'kr-molit',
      subjectIsHead: true,
      title: 'The minister’s driver paid from the research budget',
    });
    expect(filed.organization.id).toBe('kr-acrc');
    const { page, problems } = await e2e.newPage();
    await page.goto('/agency.html');
    await agencySignIn(page, words, 'supervisor@kr-acrc', portal.demoPassword);
    await openCase(page, filed.caseId);

    const search = page.getByLabel(words('agency.transfer.search'));
    const destinations = page.getByRole('group', { name: words('agency.action.transferTo') }).getByRole('radio');
    await search.fill('ministry of land');
    await page.getByText(words('agency.transfer.none')).waitFor();
    expect(await destinations.count()).toBe(0);
    await search.fill('construction');
    await page.getByText(words('agency.transfer.none')).waitFor();
    await search.fill('anti-corruption');
    await page.getByText(words('agency.transfer.none')).waitFor();
    // Keyboard alone: type, then Tab into the list and choose with Space.
    await search.fill('interior safety');
    await page.getByText(words('agency.transfer.matches', { count: 1 })).waitFor();
    await search.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Ministry of the Interior and Safety').isChecked()).toBe(true);
    await page.getByLabel(words('agency.action.transferReason')).fill('Staff of the ministry are involved.');
    const transfer = page.getByRole('button', { name: words('agency.action.transfer'), exact: true });
    await transfer.click();

    const confirm = page.getByRole('alertdialog', { name: words('agency.transfer.confirmHeading') });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(
      words('agency.transfer.confirmText', { organization: 'Ministry of the Interior and Safety' }),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: words('common.cancel') }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(words('agency.action.transfer'));
    const token = await signIn(portal, 'supervisor@kr-acrc');
    expect((await portal.api('GET', `/cases/${filed.caseId}`, undefined, bearer(token))).body.organization.id).toBe('kr-acrc');

    await transfer.click();
    await confirm.getByRole('button', { name: words('agency.transfer.confirm') }).click();
    await page.getByText(words('agency.action.transferDone')).waitFor();
    await page.locator('[data-queue-loaded]').waitFor();
    expect(await page.getByRole('link', { name: filed.caseId }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('closes a case only once the close is confirmed, and shows the answer without opening the case again', {
    timeout: 120_000,
  }, async () => {
    const { portal } = e2e;
    const { caseId } = await acknowledgedCase('Overtime for a holiday never worked');
    const { page, problems } = await e2e.newPage();
    await page.goto('/agency.html');
    await agencySignIn(page, words, 'handler@kr-molit', portal.demoPassword);
    await openCase(page, caseId);
    await page.getByLabel(words('agency.action.newStatus')).selectOption('closed');
    await page.getByLabel(words('agency.case.resolution')).selectOption('substantiated');
    await page.getByLabel(words('agency.action.publicNote')).fill('The overtime was paid back.');
    const close = page.getByRole('button', { name: words('agency.action.close'), exact: true });
    await close.click();
    const confirm = page.getByRole('alertdialog', { name: words('agency.close.confirmHeading') });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(words('agency.close.confirmText', { resolution: words('resolution.substantiated') }));
    expect(await seriousViolations(page)).toEqual([]);
    // Escape declines: nothing changed, and what was typed is still there.
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    const token = await signIn(portal, 'handler@kr-molit');
    expect((await portal.api('GET', `/cases/${caseId}`, undefined, bearer(token))).body.status).toBe('acknowledged');
    expect(await page.getByLabel(words('agency.action.publicNote')).inputValue()).toBe('The overtime was paid back.');

    await close.click();
    await confirm.getByRole('button', { name: words('agency.close.confirm') }).click();
    await page.getByText(words('agency.action.saved')).waitFor();
    expect(await page.locator('.case-facts dd strong').first().textContent()).toBe(words('status.closed'));
    // The trail ends with the close: the console showed PATCH's answer instead of reading (and so opening) the case again.
    const actions = await page.locator('.audit-table tbody tr td:last-child').allTextContents();
    expect(actions.at(-1)).toContain(words('audit.case.status_changed'));
    expect(problems).toEqual([]);
  });

  it('shows repeated openings of a case as one line of the audit trail, whose entries stay one click away', {
    timeout: 120_000,
  }, async () => {
    const { portal } = e2e;
    const { caseId } = await acknowledgedCase('Conference fees paid to a relative');
    const token = await signIn(portal, 'handler@kr-molit');
    for (let i = 0; i < 3; i++) expect((await portal.api('GET', `/cases/${caseId}`, undefined, bearer(token))).status).toBe(200);

    const { page, problems } = await e2e.newPage();
    await page.goto('/agency.html');
    await agencySignIn(page, words, 'handler@kr-molit', portal.demoPassword);
    await openCase(page, caseId);
    // Filed, acknowledged, then four openings by the same handler (three through the API, this one): one line.
    const trail = page.locator('.audit-table tbody tr');
    expect(await trail.count()).toBe(3);
    const views = page.locator('.audit-table tr.audit-group');
    expect(await views.locator('th').textContent()).toBe('2–5');
    expect(await views.textContent()).toContain(words('agency.audit.viewedTimes', { count: 4 }));
    const each = views.getByRole('button', { name: words('agency.audit.showEach') });
    expect(await each.getAttribute('aria-expanded')).toBe('false');
    await each.click();
    expect(
      await page.locator('.audit-table tbody tr[data-seq]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-seq'))),
    ).toEqual(['0', '1', '2', '3', '4', '5']);
    const hide = views.getByRole('button', { name: words('agency.audit.hideEach') });
    expect(await hide.getAttribute('aria-expanded')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    // The chain the lines stand for still verifies.
    await page.getByText(words('agency.case.auditVerified')).waitFor();
    expect(problems).toEqual([]);
  });

  describe('a session running out, on a controlled clock', () => {
    it('warns two minutes before the end, and "Stay signed in" keeps the message being typed', { timeout: 120_000 }, async () => {
      const { portal } = e2e;
      const { caseId } = await acknowledgedCase('Travel claims for trips never made');
      const { page, problems } = await e2e.newPage();
      await page.clock.install();
      await page.goto('/agency.html');
      await agencySignIn(page, words, 'handler@kr-molit', portal.demoPassword);
      await openCase(page, caseId);
      const message = page.getByLabel(words('agency.action.message'));
      await message.fill('Please send the June claim forms.');

      // A local token lasts 15 minutes, and the console stops using it 10 seconds early: the warning comes at 12:50.
      const warning = page.getByRole('dialog', { name: words('agency.session.warningHeading') });
      await page.clock.fastForward('12:30');
      expect(await warning.count()).toBe(0);
      await page.clock.fastForward('00:30');
      await warning.waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      // Escape puts it aside; the header keeps the offer.
      await page.keyboard.press('Escape');
      await warning.waitFor({ state: 'detached' });
      await page
        .getByRole('banner')
        .getByRole('button', { name: words('agency.session.stay') })
        .click();
      await warning.getByLabel(words('agency.password')).fill(portal.demoPassword);
      await warning.getByRole('button', { name: words('agency.session.stay') }).click();
      await warning.waitFor({ state: 'detached' });

      // Signed in again in place: the text is still there, with the cursor in it.
      expect(await message.inputValue()).toBe('Please send the June claim forms.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(await message.getAttribute('id'));
      // Past where the first session ended, the new one goes on.
      await page.clock.fastForward('05:00');
      expect(await page.getByRole('button', { name: words('agency.signOut') }).count()).toBe(1);
      await page.getByRole('button', { name: words('common.send') }).click();
      await page.getByText(words('agency.action.messageSent')).waitFor();
      expect(problems).toEqual([]);
    });

    it('keeps what was typed across a new sign-in once it has ended, and forgets it once sent or signed out', {
      timeout: 120_000,
    }, async () => {
      const { portal } = e2e;
      const { caseId } = await acknowledgedCase('Cash taken for faster permits');
      const { page, problems } = await e2e.newPage();
      await page.clock.install();
      await page.goto('/agency.html');
      await agencySignIn(page, words, 'handler@kr-molit', portal.demoPassword);
      await openCase(page, caseId);
      const message = page.getByLabel(words('agency.action.message'));
      const note = page.getByLabel(words('agency.action.internalNote'));
      await message.fill('Was the money handed over in cash?');
      await note.fill('Compare with the permit register.');

      await page.clock.fastForward('15:00');
      const notice = page.getByRole('status').filter({ hasText: words('agency.error.expired') });
      await notice.waitFor();
      expect(await notice.textContent()).toContain(words('agency.session.draftsKept'));
      expect(await seriousViolations(page)).toEqual([]);
      // Signing in again lands on the same case, with the text back.
      await page.getByLabel(words('agency.username')).fill('handler@kr-molit');
      await page.getByLabel(words('agency.password')).fill(portal.demoPassword);
      await page.getByRole('button', { name: words('agency.signIn') }).click();
      await page.locator('[data-case-loaded]').waitFor();
      expect(await message.inputValue()).toBe('Was the money handed over in cash?');
      expect(await note.inputValue()).toBe('Compare with the permit register.');

      // Sent, the message is no longer kept; the note, not saved, still is.
      await page.getByRole('button', { name: words('common.send') }).click();
      await page.getByText(words('agency.action.messageSent')).waitFor();
      await page.getByRole('link', { name: words('agency.case.back') }).click();
      await openCase(page, caseId);
      expect(await message.inputValue()).toBe('');
      expect(await note.inputValue()).toBe('Compare with the permit register.');

      // Signing out leaves nothing typed behind in the tab.
      await page.getByRole('button', { name: words('agency.signOut') }).click();
      await agencySignIn(page, words, 'handler@kr-molit', portal.demoPassword);
      await openCase(page, caseId);
      expect(await note.inputValue()).toBe('');
      expect(problems).toEqual([]);
    });
  });
});
