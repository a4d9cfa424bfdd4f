// Assisted intake in the browser (docs/assisted-intake.md): a handler of one ministry takes a report by phone in the
// console, gets the slip with the code (printing shows the slip alone), the code tracks on the citizen's side, and
// the receiving ministry's queue and case view say it came by phone. axe checks each state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencySignIn, openCase } from './support/agency.js';
import { seriousViolations } from './support/axe.js';
import { chooseLanguage, trackWithCode } from './support/citizen.js';
import { categoryName, organizationName, wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const en = wordsIn('en');
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

describe('assisted intake in the console', () => {
  it('a handler takes a phone report, hands over the slip, and the code tracks it', { timeout: 180_000 }, async () => {
    const { portal } = e2e;
    const { page, problems } = await e2e.newPage();
    await page.goto('/agency.html');
    await agencySignIn(page, en, 'handler@kr-moef', portal.demoPassword);
    await page.getByRole('link', { name: en('agency.intake.nav') }).click();
    await page.getByRole('heading', { level: 1, name: en('agency.intake.heading') }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Sent empty: the summary names what is missing, and nothing is filed.
    await page.getByRole('button', { name: en('agency.intake.submit') }).click();
    await page.getByText(en('validation.summary')).waitFor();
    expect(await page.getByLabel(en('report.title')).getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel(en('agency.intake.channel.phone'), { exact: true }).check();
    await page.getByLabel(categoryName('budget-waste', 'en'), { exact: true }).check();
    await page.getByLabel(en('agency.transfer.search')).fill('land');
    await page.getByLabel(organizationName('kr-molit', 'en'), { exact: true }).check();
    await page.getByLabel(en('report.title')).fill('Bridge inspection paid, never done');
    await page
      .getByLabel(en('agency.intake.description'))
      .fill('The caller says the inspection of the river bridge was paid in May and nobody came.');
    await page.getByLabel(en('report.anonymity.anonymous'), { exact: true }).check();
    await page.getByRole('button', { name: en('agency.intake.submit') }).click();

    // The slip: the code in groups of four, each character named for reading it aloud, the deadlines.
    await page.getByText(en('agency.intake.filed')).waitFor();
    const code = (await page.locator('#intake-code').textContent())!.trim();
    expect(code).toMatch(CODE);
    const spelled = await page.locator('.slip-spelled li').allTextContents();
    expect(spelled).toHaveLength(4);
    expect(spelled[0]).toContain(code.slice(0, 4));
    const slip = (await page.locator('.intake-slip').textContent())!;
    expect(slip).toContain(organizationName('kr-molit', 'en'));
    expect(slip).toContain(en('nav.track'));
    expect(slip).toContain(`${new URL(portal.url).origin}/`);
    expect(slip).not.toContain('handler@kr-moef');
    expect(await seriousViolations(page)).toEqual([]);

    // Print: the slip alone. Headless Chromium's print dialog would hold the page: the test stands in for it.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByRole('button', { name: en('agency.intake.print') }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#intake-code').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: en('agency.intake.print') }).isVisible()).toBe(false);
    expect(await page.getByText(en('agency.intake.filed')).isVisible()).toBe(false);
    expect(await page.locator('.signed-in').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.signed-in').isVisible()).toBe(true);

    // The reporter, at home, types the code from the slip.
    const citizen = await e2e.newPage();
    await citizen.page.goto('/');
    await trackWithCode(citizen.page, en, code);
    const status = (await citizen.page.locator('main').textContent())!;
    expect(status).toContain(en('status.received'));
    expect(status).toContain(organizationName('kr-molit', 'en'));
    expect(await seriousViolations(citizen.page)).toEqual([]);

    // The receiving ministry's handler sees it came by phone.
    const molit = await e2e.newPage();
    await molit.page.goto('/agency.html');
    await agencySignIn(molit.page, en, 'handler@kr-molit', portal.demoPassword);
    const row = molit.page.getByRole('row').filter({ hasText: 'Bridge inspection paid, never done' });
    await row.getByText(en('agency.intake.channel.phone')).waitFor();
    const caseId = (await row.getByRole('link').textContent())!.trim();
    await openCase(molit.page, caseId);
    const facts = (await molit.page.locator('.case-facts').textContent())!;
    expect(facts).toContain(`${en('agency.intake.arrivedBy')}${en('agency.intake.channel.phone')}`);
    expect(await seriousViolations(molit.page)).toEqual([]);

    // Another report starts from an empty form; the code is gone from the screen.
    await page.getByRole('button', { name: en('agency.intake.another') }).click();
    expect(await page.getByLabel(en('report.title')).inputValue()).toBe('');
    expect(await page.locator('#intake-code').count()).toBe(0);

    expect(problems).toEqual([]);
    expect(citizen.problems).toEqual([]);
    expect(molit.problems).toEqual([]);
  });

  it('takes a confidential report in person in Korean; the slip follows the language the reporter needs', {
    timeout: 180_000,
  }, async () => {
    const ko = wordsIn('ko');
    const { portal } = e2e;
    const { page, problems } = await e2e.newPage({ locale: 'ko-KR' });
    await page.goto('/agency.html');
    await page.locator('html[lang="ko"]').waitFor({ state: 'attached' });
    await agencySignIn(page, ko, 'supervisor@kr-molit', portal.demoPassword);
    await page.getByRole('link', { name: ko('agency.intake.nav') }).click();
    await page.getByLabel(ko('agency.intake.channel.visit'), { exact: true }).check();
    await page.getByLabel(categoryName('code-of-conduct', 'ko'), { exact: true }).check();
    await page.getByLabel(ko('agency.intake.organizationUnsure'), { exact: true }).check();
    await page.getByLabel(ko('report.title')).fill('민원실 직원의 금품 요구');
    await page.getByLabel(ko('agency.intake.description')).fill('방문자가 민원 서류를 빨리 처리해 주는 대가로 돈을 요구받았다고 말했다.');
    await page.getByLabel(ko('report.anonymity.confidential'), { exact: true }).check();
    // Confidential with no way to reach the reporter: refused at the field, in Korean.
    await page.getByRole('button', { name: ko('agency.intake.submit') }).click();
    await page.getByText(ko('validation.contact')).first().waitFor();
    await page.getByLabel(ko('agency.contact.phone')).fill('010-2345-6789');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: ko('agency.intake.submit') }).click();
    await page.getByText(ko('agency.intake.filed')).waitFor();

    const code = (await page.locator('#intake-code').textContent())!.trim();
    const spelled = (await page.locator('.slip-spelled').textContent())!;
    const letters = [...code.replace(/-/g, '')].filter((c) => /[A-Z]/.test(c));
    // 16 characters with no letter among them: about one code in 10^8.
    expect(letters.length).toBeGreaterThan(0);
    expect(spelled).toContain(ko('agency.intake.spell.letter', { letter: letters[0]! }));
    expect(spelled).not.toMatch(/ as in /);
    expect(await seriousViolations(page)).toEqual([]);

    // The reporter reads English: the console's language changes, the slip and its code stay.
    await chooseLanguage(page, ko, 'en');
    await page.getByText(en('agency.intake.filed')).waitFor();
    expect((await page.locator('#intake-code').textContent())!.trim()).toBe(code);
    expect(await page.locator('.intake-slip').textContent()).toContain(en('agency.intake.spelled'));

    const citizen = await e2e.newPage();
    await citizen.page.goto('/');
    await trackWithCode(citizen.page, en, code);
    expect(problems).toEqual([]);
    expect(citizen.problems).toEqual([]);
  });
});
