// Assignment in the console (issue 16): a supervisor assigns a case to a handler, the handler finds it first under
// "Assigned to me", steps aside for a conflict of interest, and the supervisor sees it back unassigned and cannot give
// it to them again. axe checks each screen the journey passes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileReport } from '../integration/support/testPortal.js';
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

describe('assignment in the console', () => {
  it('assigns, finds it under “Assigned to me”, steps aside, and the supervisor sees it back', { timeout: 180_000 }, async () => {
    const { portal } = e2e;
    const { caseId } = await fileReport(portal, {
      category: 'code-of-conduct',
      organizationId: 'kr-molit',
      title: 'Overtime paid for a holiday',
    });

    // The supervisor assigns it to the handler.
    const boss = await e2e.newPage();
    await boss.page.goto('/agency.html');
    await agencySignIn(boss.page, words, 'supervisor@kr-molit', portal.demoPassword);
    await openCase(boss.page, caseId);
    expect(await boss.page.locator('[data-assignee]').textContent()).toBe(words('agency.assign.nobody'));
    await boss.page.getByLabel(words('agency.assign.to')).selectOption('handler@kr-molit');
    await boss.page.getByRole('button', { name: words('agency.assign.submit'), exact: true }).click();
    await boss.page.getByText(words('agency.assign.done')).waitFor();
    expect(await boss.page.locator('[data-assignee]').textContent()).toBe('handler@kr-molit');
    expect(await seriousViolations(boss.page)).toEqual([]);

    // The handler sees it first, above the queue.
    const handler = await e2e.newPage();
    await handler.page.goto('/agency.html');
    await agencySignIn(handler.page, words, 'handler@kr-molit', portal.demoPassword);
    const mine = handler.page.getByRole('region', { name: words('agency.assign.mine') });
    await mine.getByRole('link', { name: caseId }).waitFor();
    expect(await seriousViolations(handler.page)).toEqual([]);
    await mine.getByRole('link', { name: caseId }).click();
    await handler.page.locator('[data-case-loaded]').waitFor();

    // A conflict of interest: a reason is required, then the case goes back.
    await handler.page.getByRole('button', { name: words('agency.assign.conflictSubmit') }).click();
    expect(await handler.page.getByLabel(words('agency.assign.conflictReason')).getAttribute('aria-invalid')).toBe('true');
    await handler.page.getByLabel(words('agency.assign.conflictReason')).fill('The official named is my cousin.');
    await handler.page.getByRole('button', { name: words('agency.assign.conflictSubmit') }).click();
    await handler.page.getByText(words('agency.assign.conflictDone')).waitFor();
    expect(await handler.page.locator('[data-assignee]').textContent()).toBe(words('agency.assign.nobody'));
    expect(await handler.page.getByRole('button', { name: words('agency.assign.conflictSubmit') }).count()).toBe(0);
    expect(await seriousViolations(handler.page)).toEqual([]);

    // The supervisor's queue, searched for the unassigned cases, holds it; the handler is no longer offered.
    await boss.page.goto('/agency.html#/queue');
    await boss.page.locator('[data-queue-loaded]').waitFor();
    await boss.page.getByLabel(words('agency.assign.assignee')).selectOption('none');
    await boss.page.getByRole('button', { name: words('agency.filter.apply') }).click();
    const row = boss.page.getByRole('row').filter({ has: boss.page.getByRole('link', { name: caseId }) });
    await row.waitFor();
    expect(await seriousViolations(boss.page)).toEqual([]);
    await openCase(boss.page, caseId);
    const offered = await boss.page.getByLabel(words('agency.assign.to')).locator('option').allTextContents();
    expect(offered.some((o) => o.startsWith('handler@kr-molit'))).toBe(false);
    expect(offered.some((o) => o.startsWith('supervisor@kr-molit'))).toBe(true);
    expect(await boss.page.getByText('handler@kr-molit').first().isVisible()).toBe(true);

    expect(boss.problems).toEqual([]);
    expect(handler.problems).toEqual([]);
  });
});
