// The whistleblower's status page as the tests read it, and reports filed straight through the API when a test is
// about coming back to a case rather than about the wizard.
import type { Page } from 'playwright-core';
import { aReport, proposedCode, type TestPortal } from '../../integration/support/testPortal.js';

/** Files a report and returns its tracking code and the answer. */
export async function fileThroughApi(
  portal: TestPortal,
  overrides: Record<string, unknown>,
): Promise<{ code: string; caseId: string; organizationId: string }> {
  const code = proposedCode();
  const answer = await portal.api('POST', '/reports', aReport({ trackingCode: code, ...overrides }));
  if (answer.status !== 201) throw new Error(`POST /reports answered ${answer.status}: ${answer.text}`);
  return { code, caseId: answer.body.caseId, organizationId: answer.body.organization.id };
}

/** The text of the status facts' entry with this label ("Submitted", "Handled by", …). */
export async function factText(page: Page, label: string): Promise<string> {
  const term = page.locator('.case-facts dt').filter({ hasText: label });
  return ((await term.locator('xpath=following-sibling::dd[1]').textContent()) ?? '').trim();
}
