// The citizen flow in another country's pack and language: choose the language, file a report with evidence
// through the wizard, keep the code, come back with it in a fresh window and answer the agency.
import { expect } from 'vitest';
import { agencySignIn, openCase } from './agency.js';
import { chooseLanguage, followCase, trackWithCode, writeReport, type ReportInput } from './citizen.js';
import { wordsIn } from './pack.js';
import type { E2ESession } from './session.js';

export interface PackFlow {
  country: string;
  language: string;
  report: Omit<ReportInput, 'country'>;
  question: string;
  answer: string;
}

export async function runPackFlow(e2e: E2ESession, flow: PackFlow): Promise<void> {
  const { country, language } = flow;
  const words = wordsIn(language, country);
  const citizen = await e2e.newPage();
  const { page } = citizen;
  await page.goto('/');
  await chooseLanguage(page, wordsIn('en', country), language);
  await page.getByRole('heading', { level: 1, name: words('app.title') }).waitFor();
  // Remembered: a reload keeps the language.
  await page.reload();
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });

  await writeReport(page, words, language, { ...flow.report, country });
  await page.getByRole('button', { name: words('report.submit') }).click();
  await page.getByRole('heading', { level: 1, name: words('code.heading') }).waitFor();
  const code = (await page.locator('#tracking-code').textContent())!.trim();
  await followCase(page, words);
  expect(await page.locator('.case-facts .status').textContent()).toBe(words('status.received'));
  const caseId = (await page.locator('.case-facts dd[translate="no"]').textContent())!.trim();
  const routedTo = (await page.locator('.case-facts dd').nth(2).textContent())!.trim();

  // The organization the pack routed it to asks a question, in the same language.
  const staff = (await e2e.newPage()).page;
  await staff.goto('/agency.html');
  await chooseLanguage(staff, wordsIn('en', country), language);
  const config = (await (await fetch(`${e2e.portal.url}/api/config?lang=${language}`)).json()) as {
    organizations: { id: string; name: string }[];
  };
  const organizationId = config.organizations.find((o) => o.name === routedTo)!.id;
  await agencySignIn(staff, words, `handler@${organizationId}`, e2e.portal.demoPassword);
  await openCase(staff, caseId);
  await staff.getByLabel(words('agency.action.message')).fill(flow.question);
  await staff.getByRole('button', { name: words('common.send') }).click();
  await staff.getByText(words('agency.action.messageSent')).waitFor();

  const returning = await e2e.newPage();
  const back = returning.page;
  await back.goto('/');
  await chooseLanguage(back, wordsIn('en', country), language);
  await trackWithCode(back, words, code);
  await back.getByText(flow.question).waitFor();
  await back.getByLabel(words('track.reply'), { exact: true }).fill(flow.answer);
  await back.getByRole('button', { name: words('track.replySubmit') }).click();
  await back.getByText(words('track.replySent')).waitFor();
  for (const session of [citizen, returning]) expect(session.problems).toEqual([]);
}
