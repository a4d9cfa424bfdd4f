// Data minimisation (issue 14): when a reporter did something (filed, wrote, added evidence) is stored to the hour,
// never finer. An exact time is what lets someone match a case against an employer's proxy log or a building's badge
// records; the deadlines, counted in whole days, need no more than the hour. Staff actions keep their exact times:
// they are the agency's accountability, not the reporter's trace.

export const REPORTER_TIME_PRECISION_MS = 60 * 60 * 1000;

/** The start of the hour `now` falls in: what is stored and shown as the time of a reporter's action. */
export function reporterTime(now: Date): Date {
  return new Date(Math.floor(now.getTime() / REPORTER_TIME_PRECISION_MS) * REPORTER_TIME_PRECISION_MS);
}

/**
 * Where a filing's deadlines count from: the end of the hour it arrived in, so that the stored hour gives the
 * agency at least the pack's whole days, and the deadlines reveal no finer time than the hour either.
 */
export function deadlinesStart(now: Date): Date {
  return new Date(reporterTime(now).getTime() + REPORTER_TIME_PRECISION_MS);
}

/** A TTL (epoch seconds) tied to a reporter's upload, moved to the end of its hour so it does not date the upload. */
export function reporterExpiry(epochSeconds: number): number {
  const hour = REPORTER_TIME_PRECISION_MS / 1000;
  return Math.ceil(epochSeconds / hour) * hour;
}
