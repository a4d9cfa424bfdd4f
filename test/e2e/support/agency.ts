// Agency staff's steps through the console, by label and role.
import type { Page } from 'playwright-core';
import type { Words } from './pack.js';

export async function agencySignIn(page: Page, words: Words, username: string, password: string): Promise<void> {
  await page.getByLabel(words('agency.username')).fill(username);
  await page.getByLabel(words('agency.password')).fill(password);
  await page.getByRole('button', { name: words('agency.signIn') }).click();
  // The console marks the queue once its first page has arrived.
  await page.locator('[data-queue-loaded]').waitFor();
}

/** From the queue, the case by its number. */
export async function openCase(page: Page, caseId: string): Promise<void> {
  await page.getByRole('link', { name: caseId }).click();
  await page.locator('[data-case-loaded]').waitFor();
}
