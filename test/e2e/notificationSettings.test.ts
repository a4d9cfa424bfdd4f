// The console's Notifications screen (issue 16): a member reads what the portal mails about and chooses one mail a
// day; the choice is saved at once, said so, kept by the staff directory, and the screen is axe-clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../integration/support/testPortal.js';
import { agencySignIn } from './support/agency.js';
import { seriousViolations } from './support/axe.js';
import { wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const words = wordsIn('en');

describe('notification settings in the console', () => {
  it('a handler chooses the daily digest, and it is saved', { timeout: 120_000 }, async () => {
    const { portal } = e2e;
    const { page, problems } = await e2e.newPage();
    await page.goto('/agency.html');
    await agencySignIn(page, words, 'handler@kr-molit', portal.demoPassword);
    await page.getByRole('link', { name: words('agency.notify.title'), exact: true }).click();
    await page.getByRole('heading', { name: words('agency.notify.title') }).waitFor();
    await page.getByText(words('agency.notify.intro')).waitFor();
    const digest = page.getByLabel(words('agency.notify.digest'));
    expect(await digest.isChecked()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);

    await digest.check();
    await page.getByText(words('agency.notify.saved')).waitFor();
    const token = await signIn(portal, 'handler@kr-molit');
    expect((await portal.api('GET', '/staff/me', undefined, bearer(token))).body.digest).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
