// The audit trail as it is read: consecutive openings of the case by the same person are one line ("Case opened 5
// times"), whose entries stay one click away. Only the display groups them; the chain keeps every event.
import type { CaseDetailResponse } from '#schemas/agency.js';

export type AuditEntry = CaseDetailResponse['audit'][number];

export type AuditRow = { kind: 'entry'; entry: AuditEntry } | { kind: 'views'; entries: [AuditEntry, AuditEntry, ...AuditEntry[]] };

const VIEWED = 'case.viewed';

/** The entries in order, each run of two or more consecutive views by one actor as one row. */
export function auditRows(entries: readonly AuditEntry[]): AuditRow[] {
  const rows: AuditRow[] = [];
  let run: AuditEntry[] = [];
  const flush = () => {
    const [first, second, ...rest] = run;
    if (first && second) rows.push({ kind: 'views', entries: [first, second, ...rest] });
    else if (first) rows.push({ kind: 'entry', entry: first });
    run = [];
  };
  for (const entry of entries) {
    if (entry.action !== VIEWED || run[0]?.actor !== entry.actor) flush();
    if (entry.action === VIEWED) run.push(entry);
    else rows.push({ kind: 'entry', entry });
  }
  flush();
  return rows;
}

/** "23 Nov 2026, 10:02 – 10:40", in the reader's language; both ends in full where the browser cannot shorten. */
export function formatInstantRange(from: string, to: string, language: string, timeZone: string, single: (at: string) => string): string {
  try {
    const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    return format.formatRange(new Date(from), new Date(to));
  } catch {
    return `${single(from)} – ${single(to)}`;
  }
}
