// The case export in the console (docs/case-export.md): a supervisor exports a case file, the browser saves the ZIP,
// which verifies against the published key set, and the manifest's fingerprint stays on screen; the case's audit
// trail shows the export. A handler is not offered the action. axe checks the page.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCaseBundle } from '#local/cli/exportVerifyCommand.js';
import { receiptKeySet } from '#schemas/receipt.js';
import { bearer, signIn } from '../integration/support/testPortal.js';
import { agencySignIn } from './support/agency.js';
import { seriousViolations } from './support/axe.js';
import { wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';
import { fileThroughApi } from './support/statusPage.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const en = wordsIn('en');

describe('exporting a case file from the console', () => {
  it('saves a signed bundle for a supervisor, shows its fingerprint, and offers nothing to a handler', { timeout: 120_000 }, async () => {
    const { portal } = e2e;
    const filed = await fileThroughApi(portal, { category: 'code-of-conduct', organizationId: 'kr-molit' });

    const { page, problems } = await e2e.newPage();
    await page.goto('/agency.html');
    await agencySignIn(page, en, 'supervisor@kr-molit', portal.demoPassword);
    await page.getByLabel(en('agency.find.label')).fill(filed.caseId);
    await page.getByRole('button', { name: en('agency.find.submit') }).click();
    await page.locator('[data-case-loaded]').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: en('agency.export.button') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^case-${filed.caseId}-export-[0-9A-Z]+\\.zip$`));
    await page.getByText(en('agency.export.done')).waitFor();
    const fingerprint = await page.locator('[data-export-fingerprint]').textContent();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);

    const keys = receiptKeySet.parse((await portal.api('GET', '/receipts/keys')).body);
    const verdict = await verifyCaseBundle(new Uint8Array(readFileSync((await download.path())!)), keys);
    expect(verdict).toMatchObject({ valid: true, caseId: filed.caseId });

    // The case was read again: its audit trail shows the export.
    const supervisor = bearer(await signIn(portal, 'supervisor@kr-molit'));
    const detail = await portal.api('GET', `/cases/${filed.caseId}`, undefined, supervisor);
    expect(
      detail.body.audit.some((e: { action: string; actor: string }) => e.action === 'case.exported' && e.actor === 'supervisor@kr-molit'),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);

    const handlerView = await e2e.newPage();
    await handlerView.page.goto('/agency.html');
    await agencySignIn(handlerView.page, en, 'handler@kr-molit', portal.demoPassword);
    await handlerView.page.getByLabel(en('agency.find.label')).fill(filed.caseId);
    await handlerView.page.getByRole('button', { name: en('agency.find.submit') }).click();
    await handlerView.page.locator('[data-case-loaded]').waitFor();
    expect(await handlerView.page.getByRole('button', { name: en('agency.export.button') }).count()).toBe(0);
  });
});
