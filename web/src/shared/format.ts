// Dates, sizes and tracking codes as people read them, in the page's language.

/** Deadlines are legal dates in the country's time zone; other instants in the reader's own. */
export function formatDate(value: string | null | undefined, language: string, timeZone?: string, withTime = false): string {
  if (!value) return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  const style: Intl.DateTimeFormatOptions = withTime && !dateOnly ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' };
  for (const zone of dateOnly ? ['UTC'] : timeZone ? [timeZone, undefined] : [undefined]) {
    try {
      return new Intl.DateTimeFormat(language, { ...style, ...(zone ? { timeZone: zone } : {}) }).format(date);
    } catch {
      // An unknown zone or language: try the next, then fall back to ISO.
    }
  }
  return date.toISOString().slice(0, 10);
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
