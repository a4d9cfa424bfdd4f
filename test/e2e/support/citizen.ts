// A citizen's steps through the web app, found by label and role as a screen-reader user would find them.
import type { Page } from 'playwright-core';
import { categoryName, organizationName, type Words } from './pack.js';

export interface ReportInput {
  /** The country pack the portal runs; kr unless said. */
  country?: string;
  category: string;
  organizationId: string;
  /** What the citizen types to find the organization. */
  search: string;
  title: string;
  description: string;
  files?: { name: string; mimeType: string; buffer: Buffer }[];
  confidentialEmail?: string;
}

export async function chooseLanguage(page: Page, words: Words, language: string): Promise<void> {
  await page.getByLabel(words('lang.label')).selectOption(language);
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
}

/** From the home page to the review step, answering every question. */
export async function writeReport(page: Page, words: Words, language: string, report: ReportInput): Promise<void> {
  await page
    .getByRole('link', { name: words('nav.report') })
    .first()
    .click();
  await page.getByLabel(categoryName(report.category, language, report.country)).check();
  await page.getByRole('button', { name: words('wizard.next') }).click();
  await page.getByLabel(words('report.organizationSearch')).fill(report.search);
  await page.getByLabel(organizationName(report.organizationId, language, report.country), { exact: true }).check();
  await page.getByRole('button', { name: words('wizard.next') }).click();
  await page.getByLabel(words('report.title')).fill(report.title);
  await page.getByLabel(words('report.description')).fill(report.description);
  await page.getByRole('button', { name: words('wizard.next') }).click();
  await page.getByLabel(words('report.subjectIsHead.no')).check();
  if (report.confidentialEmail) {
    await page.getByLabel(words('report.anonymity.confidential'), { exact: true }).check();
    await page.getByLabel(words('report.contact.email')).fill(report.confidentialEmail);
  } else {
    await page.getByLabel(words('report.anonymity.anonymous'), { exact: true }).check();
  }
  await page.getByRole('button', { name: words('wizard.next') }).click();
  if (report.files?.length) {
    await page.getByLabel(words('report.attachment.add')).setInputFiles(report.files);
    for (const file of report.files) {
      await page.locator('.file-done', { hasText: file.name }).waitFor();
    }
  }
  await page.getByRole('button', { name: words('wizard.next') }).click();
  await page.getByRole('heading', { level: 1, name: words('wizard.steps.review') }).waitFor();
}

/** Submits from the review step and returns the tracking code shown. */
export async function submitAndReadCode(page: Page, words: Words): Promise<string> {
  await page.getByRole('button', { name: words('report.submit') }).click();
  return readCode(page, words);
}

export async function readCode(page: Page, words: Words): Promise<string> {
  await page.getByRole('heading', { level: 1, name: words('code.heading') }).waitFor();
  return (await page.locator('#tracking-code').textContent())!.trim();
}

/** From the tracking-code screen to the case's status page. */
export async function followCase(page: Page, words: Words): Promise<void> {
  await page.getByLabel(words('code.saved')).check();
  await page.getByRole('button', { name: words('code.track') }).click();
  await page.getByRole('heading', { level: 2, name: words('track.messages') }).waitFor();
}

/** Opens the status page with the code typed in, as a returning whistleblower does. */
export async function trackWithCode(page: Page, words: Words, code: string): Promise<void> {
  await page
    .getByRole('link', { name: words('nav.track') })
    .first()
    .click();
  await page.getByLabel(words('track.code'), { exact: true }).fill(code);
  await page.getByRole('button', { name: words('track.submit') }).click();
  await page.getByRole('heading', { level: 2, name: words('track.messages') }).waitFor();
}
