// Dates read as each pack says its languages write them: the pack's locale (Serbian in Latin script), its pattern
// where browsers lack a language's dates, a numeric date where it gives none, and its clock.
import { describe, expect, it } from 'vitest';
import { adoptDateConventions, formatDate } from '../../../web/src/shared/format.js';

describe('formatDate', () => {
  it("writes Serbian in the pack's script: Latin under sr-Latn", () => {
    adoptDateConventions('sr', { locale: 'sr-Latn', clock: '24h' });
    expect(formatDate('2026-12-17', 'sr')).toBe('17. decembar 2026.');
  });

  it("follows the pack's pattern, the day taken in the given time zone", () => {
    adoptDateConventions('mn', { locale: 'mn', dateFormat: 'YYYY.MM.DD', clock: '24h' });
    expect(formatDate('2026-12-17', 'mn')).toBe('2026.12.17');
    // 20:30 UTC on the 16th is the 17th in Ulaanbaatar.
    expect(formatDate('2026-12-16T20:30:00.000Z', 'mn', 'Asia/Ulaanbaatar')).toBe('2026.12.17');
    expect(formatDate('2026-12-16T20:30:00.000Z', 'mn', 'Asia/Ulaanbaatar', true)).toBe('2026.12.17 04:30');
    adoptDateConventions('sq', { locale: 'sq', dateFormat: 'D.M.YYYY', clock: '24h' });
    expect(formatDate('2026-03-05', 'sq')).toBe('5.3.2026');
  });

  it('writes times on the clock of the country', () => {
    adoptDateConventions('en', { locale: 'en', clock: '24h' });
    expect(formatDate('2026-12-17T13:05:00.000Z', 'en', 'UTC', true)).toBe('Dec 17, 2026, 13:05');
    adoptDateConventions('en', { locale: 'en', clock: '12h' });
    expect(formatDate('2026-12-17T13:05:00.000Z', 'en', 'UTC', true)).toMatch(/^Dec 17, 2026, 1:05\sPM$/);
  });

  it('writes a numeric date where the pack gives no pattern and the browser has no dates for the locale', () => {
    adoptDateConventions('tlh', { locale: 'tlh', clock: '24h' });
    expect(formatDate('2026-12-17', 'tlh')).toBe('2026-12-17');
    expect(formatDate('2026-12-17T13:05:00.000Z', 'tlh', 'UTC', true)).toBe('2026-12-17 13:05');
  });

  it('uses the language itself before any conventions arrive, and survives an unknown zone', () => {
    expect(formatDate('2026-12-17', 'ko')).toBe('2026년 12월 17일');
    expect(formatDate('2026-12-17T13:05:00.000Z', 'ko', 'Mars/Olympus')).toMatch(/^2026년 12월 1[78]일$/);
    expect(formatDate('', 'ko')).toBe('');
    expect(formatDate('not a date', 'ko')).toBe('not a date');
  });
});
