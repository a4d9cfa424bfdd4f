// The reporter returning to a closed case with their code: they re-read the report they sent (never their contact
// details), see how the case ended and why they can no longer reply, find their own messages labelled "You", and
// read every organization in the language they switch to, not the one they filed in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../integration/support/testPortal.js';
import { seriousViolations } from './support/axe.js';
import { chooseLanguage, trackWithCode } from './support/citizen.js';
import { organizationName, wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';
import { factText, fileThroughApi } from './support/statusPage.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const en = wordsIn('en');
const ko = wordsIn('ko');
const contact = { name: 'Han Ji-woo', email: 'jiwoo@example.org' };
const description = 'The bridge study was invoiced twice, once in March and again in May, by the same contractor.';
const question = 'Which office sent the second invoice?';
const answer = 'The regional office in Sejong sent it.';

describe('a reporter coming back to a closed case', () => {
  it('re-reads the report, sees the outcome and why there is no reply box, and reads names in Korean after switching', {
    timeout: 120_000,
  }, async () => {
    const { portal } = e2e;
    const filed = await fileThroughApi(portal, {
      language: 'en',
      category: 'budget-waste',
      title: 'Bridge study paid twice',
      description,
      anonymity: 'confidential',
      contact,
    });
    const handler = bearer(await signIn(portal, `handler@${filed.organizationId}`));
    const agency = (method: string, path: string, body: unknown) => portal.api(method, `/cases/${filed.caseId}${path}`, body, handler);
    expect((await agency('PATCH', '', { status: 'acknowledged' })).status).toBe(200);
    expect((await agency('POST', '/messages', { body: question })).status).toBe(201);
    expect((await portal.api('POST', '/track/messages', { trackingCode: filed.code, body: answer })).status).toBe(201);
    const closing = { status: 'closed', resolution: 'substantiated', publicNote: 'The second payment has been recovered.' };
    expect((await agency('PATCH', '', closing)).status).toBe(200);

    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await chooseLanguage(page, en, 'en');
    await trackWithCode(page, en, filed.code);

    // The report as it was sent.
    await page.getByText(description).waitFor({ timeout: 5_000 });
    await page.getByRole('heading', { level: 2, name: en('track.filed.heading') }).waitFor();
    const shown = await page.locator('main').innerText();
    for (const hidden of [contact.name, contact.email]) expect(shown).not.toContain(hidden);
    // Their own messages as "You", the agency's as the agency.
    expect(await page.locator('.messages li.from-whistleblower .message-meta').innerText()).toMatch(
      new RegExp(`^${en('track.fromYou')}, `),
    );
    expect(await page.locator('.messages li.from-agency .message-meta').innerText()).toMatch(new RegExp(`^${en('from.agency')}, `));
    // How it ended, and why the reply box is gone.
    await page.getByText(en('track.outcome.substantiated')).waitFor();
    expect(await page.locator('.case-outcome .resolution').innerText()).toBe(en('resolution.substantiated'));
    await page.getByText(en('track.closed.noReply')).waitFor();
    expect(await page.getByRole('textbox', { name: en('track.reply'), exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: en('track.replySubmit') }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Switching language names the organizations and the report's type in it, not in the language of filing.
    await chooseLanguage(page, en, 'ko');
    const molit = organizationName(filed.organizationId, 'ko');
    await page.locator('.case-facts dd', { hasText: molit }).waitFor({ timeout: 5_000 });
    expect(await factText(page, ko('track.organization'))).toBe(molit);
    expect(await page.locator('.filed-report').innerText()).toContain(molit);
    expect(await page.locator('.messages li.from-whistleblower .message-meta').innerText()).toMatch(
      new RegExp(`^${ko('track.fromYou')}, `),
    );
    await page.getByText(ko('track.outcome.substantiated')).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
