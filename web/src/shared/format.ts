// Dates, sizes and tracking codes as people read them, in the page's language and as its pack says dates read.
import type { ConfigResponse } from '#schemas/config.js';

export type DateConventions = ConfigResponse['formats'];

/**
 * The pack's conventions for each language the page has loaded (GET /config answers them with the strings). Kept
 * here, not passed along, so that every `formatDate(…, language)` on the page follows them: there is one pack per
 * page, and a language reads the same wherever a date appears.
 */
const conventions = new Map<string, DateConventions>();

export function adoptDateConventions(language: string, formats: DateConventions): void {
  conventions.set(language, formats);
}

const knownLocales = new Map<string, boolean>();

/**
 * Whether the browser has this locale's dates. Chromium lacks some (Mongolian, Albanian): it writes their dates in
 * its own default language, or with the root locale's month numbers ("2026 M12 17").
 */
function browserKnowsDates(locale: string): boolean {
  let known = knownLocales.get(locale);
  if (known === undefined) {
    const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' })
      .formatToParts(new Date(Date.UTC(2026, 11, 17)))
      .find((part) => part.type === 'month')?.value;
    known = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 && !/^M\d+$/.test(month ?? '');
    knownLocales.set(locale, known);
  }
  return known;
}

/** The day in the zone, written by the pack's pattern: YYYY, MM or M, DD or D. */
function byPattern(pattern: string, date: Date, timeZone: string | undefined): string {
  const parts = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const values: Record<string, string> = {
    YYYY: part('year'),
    MM: part('month').padStart(2, '0'),
    M: part('month'),
    DD: part('day').padStart(2, '0'),
    D: part('day'),
  };
  return pattern.replace(/YYYY|MM|M|DD|D/g, (token) => values[token]!);
}

function usableZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** Deadlines are legal dates in the country's time zone; other instants in the reader's own. */
export function formatDate(value: string | null | undefined, language: string, timeZone?: string, withTime = false): string {
  if (!value) return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  const zone = dateOnly ? 'UTC' : usableZone(timeZone);
  const time = withTime && !dateOnly;
  const { locale, dateFormat, clock } = conventions.get(language) ?? { locale: language, clock: undefined };
  const hourCycle = clock === '24h' ? 'h23' : clock === '12h' ? 'h12' : undefined;
  try {
    const pattern = dateFormat ?? (browserKnowsDates(locale) ? undefined : 'YYYY-MM-DD');
    if (pattern) {
      const day = byPattern(pattern, date, zone);
      return time ? `${day} ${new Intl.DateTimeFormat(locale, { timeStyle: 'short', hourCycle, timeZone: zone }).format(date)}` : day;
    }
    const style: Intl.DateTimeFormatOptions = time ? { dateStyle: 'medium', timeStyle: 'short', hourCycle } : { dateStyle: 'long' };
    return new Intl.DateTimeFormat(locale, { ...style, timeZone: zone }).format(date);
  } catch {
    // A locale the browser cannot even parse.
    return date.toISOString().slice(0, 10);
  }
}

/**
 * When something happened, as the reporter gave it: a day ("1 October 2026"), a month ("October 2026"), either of
 * them "about" (`about` wraps the date in the reader's words).
 */
export function formatOccurred(value: string, approximately: boolean, language: string, about: (date: string) => string): string {
  let date = value;
  if (/^\d{4}-\d{2}$/.test(value)) {
    try {
      date = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(`${value}-01T00:00:00Z`),
      );
    } catch {
      // An unknown language: the month as written.
    }
  } else date = formatDate(value, language);
  return approximately ? about(date) : date;
}

export function formatSize(bytes: number, language: string): string {
  const [value, unit] = bytes >= 1_048_576 ? [bytes / 1_048_576, 'megabyte'] : bytes >= 1024 ? [bytes / 1024, 'kilobyte'] : [bytes, 'byte'];
  try {
    return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'narrow', maximumFractionDigits: 1 }).format(value);
  } catch {
    return `${Math.round(bytes)} B`;
  }
}
