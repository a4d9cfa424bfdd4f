// The whole conversation through the browser, once in English and once in Korean: a citizen files a report with
// an attachment and tracks it; agency staff sign in, acknowledge it and ask a question; the whistleblower
// answers with the code alone; the agency reads the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencySignIn, openCase } from './support/agency.js';
import { chooseLanguage, followCase, trackWithCode, writeReport } from './support/citizen.js';
import { organizationName, wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const CASES = [
  {
    language: 'en',
    search: 'personnel',
    title: 'Interview questions sold to a candidate',
    description: 'A staff member sold the interview questions for 3,000,000 won before the exam.',
    question: 'Which exam round was this, and who else knew?',
    answer: 'The spring round. Two other candidates knew.',
  },
  {
    language: 'ko',
    search: '인사',
    title: '면접 문제 유출',
    description: '직원이 시험 전에 면접 문제를 300만 원에 팔았습니다.',
    question: '어느 회차 시험이었고, 또 누가 알고 있었나요?',
    answer: '봄 회차입니다. 다른 응시자 두 명도 알고 있었습니다.',
  },
];

describe.each(CASES)('report, triage and answer in $language', ({ language, search, title, description, question, answer }) => {
  it('goes from citizen to agency and back through the web app', { timeout: 120_000 }, async () => {
    const words = wordsIn(language);
    const citizen = await e2e.newPage();
    const { page } = citizen;
    await page.goto('/');
    if (language !== 'en') await chooseLanguage(page, wordsIn('en'), language);
    await page.getByRole('heading', { level: 1, name: words('app.title') }).waitFor();

    await writeReport(page, words, language, {
      category: 'code-of-conduct',
      organizationId: 'kr-mpm',
      search,
      title,
      description,
      files: [{ name: 'receipt.png', mimeType: 'image/png', buffer: tinyPng() }],
    });
    await page.getByRole('button', { name: words('report.submit') }).click();
    await page.getByRole('heading', { level: 1, name: words('code.heading') }).waitFor();
    const code = (await page.locator('#tracking-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(await page.getByText(organizationName('kr-mpm', language)).count()).toBeGreaterThan(0);
    await followCase(page, words);
    expect(await page.locator('.case-facts .status').textContent()).toBe(words('status.received'));
    expect(await page.getByText('receipt.png').count()).toBe(1);
    const caseId = (await page.locator('.case-facts dd[translate="no"]').textContent())!.trim();
    // The code is never in the address bar.
    expect(page.url()).not.toContain(code.replace(/-/g, ''));
    expect(page.url()).not.toContain(code);

    // Agency staff, in the same language.
    const agency = await e2e.newPage({ locale: language === 'en' ? 'en-US' : 'ko-KR' });
    const staff = agency.page;
    await staff.goto('/agency.html');
    await agencySignIn(staff, words, 'handler@kr-mpm', e2e.portal.demoPassword);
    await openCase(staff, caseId);
    expect(await staff.getByText(title, { exact: true }).count()).toBeGreaterThan(0);
    await staff.getByRole('button', { name: words('agency.action.acknowledge') }).click();
    await staff.getByText(words('agency.action.saved')).waitFor();
    await staff.getByLabel(words('agency.action.message')).fill(question);
    await staff.getByRole('button', { name: words('common.send') }).click();
    await staff.getByText(words('agency.action.messageSent')).waitFor();

    // The whistleblower comes back with the code alone (a fresh window: nothing remembered).
    const returning = await e2e.newPage({ locale: language === 'en' ? 'en-US' : 'ko-KR' });
    const back = returning.page;
    await back.goto('/');
    await trackWithCode(back, words, code.toLowerCase().replace(/-/g, ''));
    expect(await back.locator('.case-facts .status').textContent()).toBe(words('status.acknowledged'));
    await back.getByText(question).waitFor();
    await back.getByLabel(words('track.reply'), { exact: true }).fill(answer);
    await back.getByRole('button', { name: words('track.replySubmit') }).click();
    await back.getByText(words('track.replySent')).waitFor();
    await back.locator('.messages li', { hasText: answer }).waitFor();

    // The agency reads the answer.
    await staff.reload();
    await staff.locator('[data-case-loaded]').waitFor();
    await staff.getByText(answer).waitFor();

    for (const session of [citizen, agency, returning]) expect(session.problems).toEqual([]);
  });
});

/** A valid 1×1 PNG: real image bytes, as the server checks types by content. */
function tinyPng(): Buffer {
  return Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
}
