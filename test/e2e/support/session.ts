// One portal and one browser for a test file: the local runtime on embedded servers serving the built web app
// (web/dist), and Debian's Chromium with a fresh context per test.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../../integration/support/testPortal.js';
import { launchBrowser } from './browser.js';

export interface E2ESession {
  portal: TestPortal;
  browser: Browser;
  /** A new private window: nothing shared with earlier ones (no storage, no cache). */
  newPage(options?: {
    locale?: string;
    viewport?: { width: number; height: number };
  }): Promise<{ context: BrowserContext; page: Page; problems: string[]; leavePrompts: string[] }>;
  stop(): Promise<void>;
}

export async function startE2E(options: { country?: string } = {}): Promise<E2ESession> {
  const portal = await startTestPortal(options);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await portal.stop();
    throw error;
  }
  return {
    portal,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        locale: options.locale ?? 'en-US',
        viewport: options.viewport ?? { width: 1100, height: 900 },
        baseURL: portal.url,
      });
      const page = await context.newPage();
      // Script errors and CSP refusals end up here; tests expect none.
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        // An API answer of 4xx is logged by Chromium as a failed resource; the page handles those itself.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          problems.push(`console: ${message.text()}`);
      });
      // The browser's "Leave site?" question (beforeunload) is answered "Leave", as a reader who reloads on purpose
      // would, and counted; any other dialog is a problem.
      const leavePrompts: string[] = [];
      page.on('dialog', (dialog) => {
        if (dialog.type() === 'beforeunload') {
          leavePrompts.push(page.url());
          void dialog.accept();
          return;
        }
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      return { context, page, problems, leavePrompts };
    },
    async stop() {
      await browser.close().catch(() => undefined);
      await portal.stop();
    },
  };
}
