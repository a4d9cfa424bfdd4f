import { describe, expect, it } from 'vitest';
import { type AuditEntry, auditRows, formatInstantRange } from '../../../web/src/agency/auditRows.js';

let seq = 0;
const event = (actor: string, action: string, minute: number): AuditEntry => ({
  seq: seq++,
  at: new Date(Date.UTC(2026, 10, 23, 1, minute)).toISOString(),
  actor,
  action,
  details: {},
  hash: `h${seq}`,
  previousHash: `h${seq - 1}`,
});
const shape = (entries: AuditEntry[]) =>
  auditRows(entries).map((row) => (row.kind === 'entry' ? row.entry.seq : row.entries.map((e) => e.seq)));

describe('auditRows', () => {
  it('makes one row of consecutive views by one person, and leaves every other event on its own row', () => {
    seq = 0;
    const trail = [
      event('whistleblower', 'report.received', 0),
      event('handler@kr-molit', 'case.viewed', 2),
      event('handler@kr-molit', 'case.viewed', 10),
      event('handler@kr-molit', 'case.viewed', 40),
      event('handler@kr-molit', 'case.note_added', 41),
      event('handler@kr-molit', 'case.viewed', 42),
      event('supervisor@kr-molit', 'case.viewed', 43),
      event('supervisor@kr-molit', 'case.viewed', 44),
      event('handler@kr-molit', 'case.viewed', 45),
    ];
    expect(shape(trail)).toEqual([0, [1, 2, 3], 4, 5, [6, 7], 8]);
  });

  it('keeps every event, in order, inside its rows', () => {
    seq = 0;
    const trail = ['a', 'a', 'b', 'a', 'a', 'a'].map((actor, i) => event(actor, 'case.viewed', i));
    const rows = auditRows(trail);
    expect(rows.flatMap((row) => (row.kind === 'entry' ? [row.entry] : row.entries))).toEqual(trail);
    expect(auditRows([])).toEqual([]);
  });
});

describe('formatInstantRange', () => {
  it('writes the span once, in the reader’s language and the country’s zone', () => {
    const span = formatInstantRange('2026-11-23T01:02:00Z', '2026-11-23T01:40:00Z', 'en', 'Asia/Seoul', (at) => at);
    expect(span).toContain('10:02');
    expect(span).toContain('10:40');
    expect(span.match(/2026/g)).toHaveLength(1);
  });

  it('falls back to both ends written in full where the zone is unknown', () => {
    expect(formatInstantRange('2026-11-23T01:02:00Z', '2026-11-23T01:40:00Z', 'en', 'Nowhere/None', (at) => at.slice(11, 16))).toBe(
      '01:02 – 01:40',
    );
  });
});
