// Rewards and protection in the browser (issue 15): the reporter saves the signed receipt from the code screen,
// checks it on "Verify a receipt" (offline once the page is open; a changed byte or another key fails), applies for protection from
// the status page, the deciding body opens and decides it in the console, and the reporter reads the decision. In
// English, then in Korean; axe checks every page on the way.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalReceiptSigner } from '#adapters/localReceiptSigner.js';
import { signFilingReceipt } from '#core/filingReceipt.js';
import { filingReceiptClaims } from '#schemas/receipt.js';
import { bearer, signIn } from '../integration/support/testPortal.js';
import { agencySignIn } from './support/agency.js';
import { seriousViolations } from './support/axe.js';
import { chooseLanguage, followCase, submitAndReadCode, trackWithCode, writeReport } from './support/citizen.js';
import { type Words, organizationName, wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';
import { fileThroughApi } from './support/statusPage.js';

let e2e: E2ESession;
const scratch = mkdtempSync(join(tmpdir(), 'clean-portal-e2e-receipt-'));
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const en = wordsIn('en');
const ko = wordsIn('ko');

/** The status page's application form, filled with what kr's law requires, and sent. */
async function applyForProtection(page: Page, words: Words, statement: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name: words('apply.heading') }).waitFor();
  await page.getByRole('radio', { name: words('apply.kind.protection'), exact: true }).check();
  await page.getByLabel(words('apply.name')).fill('Park Ji-woo');
  await page.getByLabel(words('apply.dateOfBirth')).fill('1990-07-14');
  await page.getByLabel(words('apply.address')).fill('11 Doum 6-ro, Sejong');
  await page.getByLabel(words('apply.phone')).fill('010-5555-0199');
  await page.getByLabel(words('apply.statement')).fill(statement);
  await page.getByRole('button', { name: words('apply.submit') }).click();
  await page.getByText(words('apply.sent')).waitFor();
  await page.getByRole('heading', { level: 3, name: words('apply.kind.protection') }).waitFor();
}

describe('rewards and protection, as people walk them', () => {
  it('saves and verifies a receipt, applies for protection, and reads the decision (English)', { timeout: 180_000 }, async () => {
    const { portal } = e2e;
    const { context, page, problems } = await e2e.newPage();
    await page.goto('/');
    await chooseLanguage(page, en, 'en');
    await writeReport(page, en, 'en', {
      category: 'budget-waste',
      organizationId: 'kr-molit',
      search: 'land',
      title: 'Subsidy paid for a road never built',
      description: 'The district office paid the full subsidy in March; the site is still an empty field.',
      files: [{ name: 'site.txt', mimeType: 'text/plain', buffer: Buffer.from('Photo log of the empty site\n') }],
    });
    const code = await submitAndReadCode(page, en);

    // The code screen offers the receipt: saved as a file, with the authorship secret; printable on its own.
    await page.getByRole('heading', { level: 2, name: en('receipt.heading') }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: en('receipt.save') }).click()]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(saved).toMatchObject({ type: 'clean-portal-filing-receipt', authorshipSecret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(saved)).not.toContain(code.replace(/-/g, ''));
    // Headless Chromium's print dialog would hold the page: the test stands in for it.
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByRole('button', { name: en('receipt.print') }).click();
    await page.locator('.receipt-sheet').waitFor({ state: 'attached' });
    expect(await page.locator('.receipt-sheet').textContent()).toContain(organizationName('kr-molit', 'en'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.receipt-sheet').isVisible()).toBe(true);
    expect(await page.locator('#tracking-code').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // "Verify a receipt", offline once open: the saved file verifies, authorship included; one changed byte fails.
    const verifier = await context.newPage();
    await verifier.goto('/#/verify');
    await verifier.getByRole('heading', { level: 1, name: en('verify.heading') }).waitFor();
    await verifier
      .getByRole('button', { name: en('verify.submit') })
      .and(verifier.locator(':enabled'))
      .waitFor();
    await context.setOffline(true);
    const file = (name: string, body: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) });
    await verifier.getByLabel(en('verify.file')).setInputFiles(file('receipt.json', saved));
    await verifier.getByText(en('verify.valid')).waitFor();
    await verifier.getByText(en('verify.authorship.proved')).waitFor();
    expect(await verifier.locator('.verify-result').textContent()).toContain(organizationName('kr-molit', 'en'));
    expect(await seriousViolations(verifier)).toEqual([]);
    const at = saved.receipt.lastIndexOf('.') - 4;
    const changed = saved.receipt.slice(0, at) + (saved.receipt[at] === 'A' ? 'B' : 'A') + saved.receipt.slice(at + 1);
    await verifier.getByLabel(en('verify.file')).setInputFiles(file('changed.json', { ...saved, receipt: changed }));
    await verifier.getByText(en('verify.problem.bad-signature')).waitFor();
    // The same claims signed by a key of the forger's own.
    const forgerKey = join(scratch, 'forger.jwk');
    writeFileSync(forgerKey, JSON.stringify(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' })));
    const claims = filingReceiptClaims.parse(JSON.parse(Buffer.from(saved.receipt.split('.')[1], 'base64url').toString('utf8')));
    const forged = await signFilingReceipt(new LocalReceiptSigner(forgerKey), claims);
    await verifier.getByLabel(en('verify.file')).setInputFiles(file('forged.json', { ...saved, receipt: forged }));
    await verifier.getByText(en('verify.problem.unknown-key')).waitFor();
    await verifier.getByLabel(en('verify.paste')).fill(saved.receipt);
    await verifier.getByRole('button', { name: en('verify.submit') }).click();
    await verifier.getByText(en('verify.authorship.none')).waitFor();
    await context.setOffline(false);
    await verifier.close();

    // The status page: the receipt again, and the application, saying who will and will not see the identity.
    await followCase(page, en);
    await page.getByRole('heading', { level: 2, name: en('receipt.heading') }).waitFor();
    const intro = en('apply.intro', { body: organizationName('kr-acrc', 'en'), organization: organizationName('kr-molit', 'en') });
    await page.getByText(intro).waitFor();
    // Asking without the details the law requires names each missing field.
    await page.getByRole('button', { name: en('apply.submit') }).click();
    expect(await page.getByLabel(en('apply.phone')).getAttribute('aria-invalid')).toBe('true');
    await applyForProtection(page, en, 'After my report I was moved to a remote post.');
    expect(await seriousViolations(page)).toEqual([]);

    // The handling organization's console shows nothing of it.
    const molit = bearer(await signIn(portal, 'supervisor@kr-molit'));
    const caseId = (await portal.api('POST', '/track', { trackingCode: code })).body.caseId as string;
    expect((await portal.api('GET', `/cases/${caseId}`, undefined, molit)).text).not.toContain('Park Ji-woo');

    // The deciding body opens it in the console, asks, and decides with reasons.
    const agency = await context.newPage();
    await agency.goto('/agency.html');
    await agencySignIn(agency, en, 'oversight@kr-acrc', portal.demoPassword);
    await agency.getByRole('link', { name: en('agency.applications') }).click();
    await agency.getByRole('link', { name: caseId }).click();
    await agency.getByText('Park Ji-woo').waitFor();
    expect(await seriousViolations(agency)).toEqual([]);
    await agency.getByLabel(en('agency.application.message')).fill('Which post were you moved to?');
    await agency.getByRole('button', { name: en('common.send') }).click();
    await agency.getByText(en('agency.action.messageSent')).waitFor();
    await agency.getByLabel(en('agency.action.newStatus')).selectOption('granted');
    await agency.getByLabel(en('agency.application.reasons')).fill('The ministry must restore your post within 30 days.');
    await agency.getByRole('button', { name: en('agency.action.save') }).click();
    await agency.getByText(en('apply.status.granted')).first().waitFor();
    await agency.getByText(en('agency.case.auditVerified')).waitFor();
    expect(await seriousViolations(agency)).toEqual([]);

    // The reporter, back with the code, reads the question and the decision.
    await page.goto('/');
    await trackWithCode(page, en, code);
    await page.getByText('The ministry must restore your post within 30 days.').waitFor();
    await page.getByText('Which post were you moved to?').waitFor();
    expect(await page.locator('.application .status').textContent()).toBe(en('apply.status.granted'));
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('walks the application in Korean, and shows the refusal with its reasons', { timeout: 120_000 }, async () => {
    const { portal } = e2e;
    const filed = await fileThroughApi(portal, { category: 'budget-waste', organizationId: 'kr-molit', language: 'ko' });
    const { page, problems } = await e2e.newPage({ locale: 'ko-KR' });
    await page.goto('/');
    await chooseLanguage(page, ko, 'ko');
    await trackWithCode(page, ko, filed.code);
    await applyForProtection(page, ko, '신고 후 원거리 부서로 전보되었습니다.');
    expect(await seriousViolations(page)).toEqual([]);

    const acrc = bearer(await signIn(portal, 'oversight@kr-acrc'));
    const applicationId = `${filed.caseId}-protection`;
    expect((await portal.api('PATCH', `/applications/${applicationId}`, { status: 'in_review' }, acrc)).status).toBe(200);
    const refused = await portal.api(
      'PATCH',
      `/applications/${applicationId}`,
      { status: 'refused', decisionNote: '전보는 신고 이전에 결정되었습니다.' },
      acrc,
    );
    expect(refused.status).toBe(200);

    await page.goto('/');
    await trackWithCode(page, ko, filed.code);
    await page.getByText('전보는 신고 이전에 결정되었습니다.').waitFor();
    expect(await page.locator('.application .status').textContent()).toBe(ko('apply.status.refused'));
    // A decided application takes no second one of its kind: the form offers only the reward now.
    expect(await page.getByRole('radio', { name: ko('apply.kind.protection'), exact: true }).count()).toBe(0);
    await page.getByRole('radio', { name: ko('apply.kind.reward'), exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
