// The filing answer (tracking code included) stays in this tab's sessionStorage from the moment it arrives until the
// reporter ticks "I have saved my tracking code": a pull-to-refresh or an accidental reload on the code screen shows
// the code again instead of losing it for good, and until then the browser asks before the tab is closed or left. It
// dies with the tab, as the draft does, and never leaves the browser.
import type * as z from 'zod';
import { submitReportResponse } from '#schemas/report.js';
import { authorshipSecret } from '#schemas/receipt.js';
import { readJson, writeItem } from '../shared/storage.js';

const KEPT_KEY = 'cp.filedReport';

/** The filing answer, with the authorship secret this browser committed to (docs/receipts.md) until it is saved. */
const filedReport = submitReportResponse.extend({ authorshipSecret: authorshipSecret.optional() });
export type FiledReport = z.infer<typeof filedReport>;

export function keepFiledReport(filed: FiledReport | null): void {
  writeItem('sessionStorage', KEPT_KEY, filed ? JSON.stringify(filed) : null);
}

export function keptFiledReport(): FiledReport | null {
  const read = filedReport.safeParse(readJson('sessionStorage', KEPT_KEY));
  return read.success ? read.data : null;
}

/** The browser's own "Leave site?" question; its words are the browser's, in the reader's language. */
export function askBeforeLeaving(event: BeforeUnloadEvent): void {
  event.preventDefault();
  event.returnValue = '';
}
