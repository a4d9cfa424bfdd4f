// Chrome DevTools' "Slow 3G" profile: 2 s round trips, 50 KB/s each way (400 kbit/s).
import type { Page } from 'playwright-core';

export const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 };

export async function emulateSlow3G(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
}
