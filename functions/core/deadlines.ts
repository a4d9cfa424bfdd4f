// Deadlines come from the country pack (for example 7 days to acknowledge and 60 to respond in Korea).
export interface DeadlinePolicy {
  acknowledgeDays: number;
  respondDays: number;
}

export interface CaseDeadlines {
  acknowledgeBy: string;
  respondBy: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days counted from the moment the report arrived, as ISO-8601 UTC instants. */
export function computeDeadlines(receivedAt: Date, policy: DeadlinePolicy): CaseDeadlines {
  const start = receivedAt.getTime();
  return {
    acknowledgeBy: new Date(start + policy.acknowledgeDays * DAY_MS).toISOString(),
    respondBy: new Date(start + policy.respondDays * DAY_MS).toISOString(),
  };
}
