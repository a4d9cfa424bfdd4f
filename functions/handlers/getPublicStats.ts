// GET /stats/public — per organization and category: counts by status and median days to close, rows under 5 cases
// suppressed. Public, so it reads one published snapshot (one GetItem), never the cases themselves; the query
// string is ignored. Nothing in it is personal, so browsers and the edge may keep it for five minutes (the
// snapshot changes hourly).
import { getPublicStatistics } from '#core/statisticsSnapshot.js';
import { httpHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { statisticsDeps } from '#composition/statisticsDeps.js';

const deps = statisticsDeps();
// The answer serialized once per snapshot: a warm function reads the item and sends the same text.
let cached: { asOf: string | null; body: string } | undefined;

export const handler = httpHandler(async () => {
  const statistics = await getPublicStatistics(deps);
  if (cached?.asOf !== statistics.asOf || statistics.asOf === null) cached = { asOf: statistics.asOf, body: JSON.stringify(statistics) };
  return { ...json(200, null, { 'cache-control': 'public, max-age=300' }), body: cached.body };
});
