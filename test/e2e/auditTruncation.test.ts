// The agency console when a case's audit chain was cut after an anchor (security issue #21): the verdict says so in
// words, as an alert, next to the trail that is left, and the page stays accessible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorName } from '#core/auditAnchor.js';
import { bearer, fileReport, signIn } from '../integration/support/testPortal.js';
import { cutAuditChain } from '../support/auditTampering.js';
import { agencySignIn, openCase } from './support/agency.js';
import { seriousViolations } from './support/axe.js';
import { wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

describe('a cut audit chain in the agency console', () => {
  it('shows the cut as an alert, in words, beside what is left of the trail', { timeout: 120_000 }, async () => {
    const { portal } = e2e;
    const { caseId } = await fileReport(portal, {
      category: 'code-of-conduct',
      organizationId: 'kr-molit',
      title: 'Overtime claimed twice',
    });
    const token = await signIn(portal, 'handler@kr-molit');
    // Events #0 (filed) to #3 (three views), anchored; then #2 and #3 deleted and the head rolled back to #1.
    for (let i = 0; i < 3; i++)
      expect((await portal.api('GET', `/cases/${caseId}`, undefined, bearer(token))).body.auditVerified).toBe(true);
    const anchor = await portal.anchorAudit();
    await cutAuditChain(portal.dataDir, caseId as string, 2);

    const words = wordsIn('en');
    const { page, problems } = await e2e.newPage();
    await page.goto('/agency.html');
    await agencySignIn(page, words, 'handler@kr-molit', portal.demoPassword);
    await openCase(page, caseId as string);

    const alert = page.getByRole('alert').filter({ hasText: words('agency.case.auditBroken') });
    await alert.waitFor();
    const said = await alert.innerText();
    expect(said).toContain(words('agency.case.auditBroken'));
    const cut = new RegExp(`the chain was cut: ${anchorName(anchor.anchoredAt)} recorded event #3, the case now ends at #(\\d+)`, 'i').exec(
      said,
    );
    expect(cut, said).not.toBeNull();
    // The trail shown is what is left, the view that found the cut included (repeated openings shown one by one).
    const showEach = page.getByRole('button', { name: words('agency.audit.showEach') });
    while ((await showEach.count()) > 0) await showEach.first().click();
    expect(await page.locator('.audit-table tbody tr[data-seq]').count()).toBe(Number(cut![1]) + 1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
