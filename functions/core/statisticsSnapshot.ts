// The public statistics snapshot. GET /stats/public needs no sign-in, so it must not read every case per request
// (that would let anyone run up the bill, or slow the table down, at will): a scheduled job computes the statistics
// and writes one snapshot; the endpoint reads that one item.
import type { PublicStatistics } from '#schemas/publicStats.js';
import type { CaseSummarySource, Clock, DeletedCaseSource, PublicStatisticsSnapshots } from './ports.js';
import { PublicStatisticsTally, noPublicStatistics } from './publicStatistics.js';

export interface PublishResult {
  asOf: string;
  /** Cases read. */
  cases: number;
  /** Deleted cases counted from their aggregates. */
  deleted: number;
  organizations: number;
  /** `superseded`: an overlapping run stored a newer snapshot first, which stays. */
  outcome: 'saved' | 'superseded';
}

/** Reads every case's summary a page at a time, computes the statistics and stores them as the snapshot. */
export async function publishPublicStatistics(deps: {
  store: CaseSummarySource & DeletedCaseSource & PublicStatisticsSnapshots;
  clock: Clock;
}): Promise<PublishResult> {
  // As of when the reading starts: a case filed during the scan may or may not be in it.
  const asOf = deps.clock.now();
  const tally = new PublicStatisticsTally();
  let cases = 0;
  for await (const page of deps.store.caseSummaries()) {
    tally.add(page);
    cases += page.length;
  }
  // The cases retention deleted still count: their aggregates were kept when they went (core/caseDeletion.ts).
  let deleted = 0;
  for await (const page of deps.store.deletedCaseTallies()) {
    tally.addDeleted(page);
    deleted += page.reduce((sum, count) => sum + count.cases, 0);
  }
  const statistics = tally.result(asOf);
  const outcome = await deps.store.saveSnapshot({ ...statistics, asOf: asOf.toISOString() });
  return { asOf: asOf.toISOString(), cases, deleted, organizations: statistics.organizations.length, outcome };
}

/**
 * The latest snapshot. Before the first one is published the answer is an empty list with `asOf: null`, not a 404:
 * the resource exists and its honest content is "nothing published yet" (a fresh deployment, or the hour before the
 * first scheduled run); a 404 would read as a wrong address to clients and caches, and the web app would have to
 * tell the two apart.
 */
export async function getPublicStatistics(deps: { store: PublicStatisticsSnapshots }): Promise<PublicStatistics> {
  return (await deps.store.loadSnapshot()) ?? noPublicStatistics();
}
