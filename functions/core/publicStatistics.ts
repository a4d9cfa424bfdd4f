// Public statistics (GET /stats/public): per organization and category, the number of cases in each status and the
// median days to close. Anyone may read them, so small numbers are suppressed: they could help single out a
// reporter ("the one bribery report about the village office this spring").
//
// The rules, each proved by test/unit/publicStatistics.test.ts:
// - A category row (organization × category) with fewer than PUBLIC_STATS_MINIMUM_CASES cases shows no count and no
//   median, only `suppressed: true`.
// - The median days to close counts closed cases only, and needs at least PUBLIC_STATS_MINIMUM_CASES of them: a row
//   with enough cases but fewer closed ones shows its counts with `medianDaysToClose: null` (a median of one or two
//   cases would be those cases' own closing times).
// - An organization's own line (all its categories together) is shown only when it has enough cases AND every one
//   of its category rows is shown. Otherwise its total minus the shown rows would give the hidden rows away by
//   subtraction, so it is suppressed as well. When shown, its counts are the sum of its rows and its median covers
//   all its closed cases.
// - There is no grand total across organizations, for the same reason.
// - Only organizations and categories with at least one case are listed; rows are sorted by id.
//
// A suppressed row still says that the organization has at least one case in that category; that is the contract's
// "suppressed below 5 cases". Hiding that too would mean listing every organization × category of the pack, so
// that none and a few read the same.
import type { PublicCategoryRow, PublicOrganizationRow, PublicStatistics } from '#schemas/publicStats.js';
import { daysBetween, median } from './agency/organizationStats.js';
import { CASE_STATUSES, type CaseStatus } from '#contract/caseLife.js';
import type { DeletedCaseCount } from './ports.js';

const EPOCH = '2000-01-01T00:00:00.000Z';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Fewer cases than this in a row, and the row shows nothing but `suppressed: true`. */
export const PUBLIC_STATS_MINIMUM_CASES = 5;

/** The fields of a case the statistics read; nothing else about a case is ever needed here. */
export interface CaseSummary {
  organizationId: string;
  category: string;
  status: CaseStatus;
  createdAt: string;
  closedAt: string | null;
}

interface Tally {
  total: number;
  byStatus: Record<CaseStatus, number>;
  /** Days from filing to closing, of the closed cases. */
  daysToClose: number[];
}

const newTally = (): Tally => ({
  total: 0,
  byStatus: Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>,
  daysToClose: [],
});

function count(tally: Tally, record: CaseSummary): void {
  tally.total++;
  tally.byStatus[record.status]++;
  if (record.status === 'closed' && record.closedAt) tally.daysToClose.push(daysBetween(record.createdAt, record.closedAt));
}

const roundToTenth = (value: number) => Math.round(value * 10) / 10;

/** The counts a reader may see, or null when the row must be suppressed. */
function shownCounts(tally: Tally) {
  if (tally.total < PUBLIC_STATS_MINIMUM_CASES) return null;
  const middle = tally.daysToClose.length >= PUBLIC_STATS_MINIMUM_CASES ? median(tally.daysToClose) : null;
  return {
    suppressed: false as const,
    total: tally.total,
    byStatus: { ...tally.byStatus },
    medianDaysToClose: middle === null ? null : roundToTenth(middle),
  };
}

/**
 * Counts cases as they come (a page at a time, so the publisher never holds every case at once) and gives the
 * suppressed statistics at the end.
 */
export class PublicStatisticsTally {
  private readonly organizations = new Map<string, { all: Tally; categories: Map<string, Tally> }>();

  add(records: Iterable<CaseSummary>): this {
    for (const record of records) {
      if (!CASE_STATUSES.includes(record.status)) continue;
      const organization = this.organizations.get(record.organizationId) ?? { all: newTally(), categories: new Map() };
      this.organizations.set(record.organizationId, organization);
      const category = organization.categories.get(record.category) ?? newTally();
      organization.categories.set(record.category, category);
      count(organization.all, record);
      count(category, record);
    }
    return this;
  }

  /**
   * Deleted cases, as their aggregates (core/caseDeletion.ts): each was closed when it was deleted, and counts as a
   * closed case of its row, with its days to close, exactly as it did while it was stored.
   */
  addDeleted(counts: Iterable<DeletedCaseCount>): this {
    for (const { organizationId, category, daysToClose, cases } of counts) {
      const closed = {
        organizationId,
        category,
        status: 'closed' as const,
        createdAt: EPOCH,
        closedAt: new Date(Date.parse(EPOCH) + daysToClose * DAY_MS).toISOString(),
      };
      for (let i = 0; i < cases; i++) this.add([closed]);
    }
    return this;
  }

  /** The statistics as of `asOf`, the time the cases were read. */
  result(asOf: Date): PublicStatistics {
    const byId = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const organizations = byId(this.organizations).map(([organizationId, { all, categories }]): PublicOrganizationRow => {
      const rows = byId(categories).map(([category, tally]): PublicCategoryRow => {
        const counts = shownCounts(tally);
        return counts ? { category, ...counts } : { category, suppressed: true };
      });
      const counts = rows.every((row) => !row.suppressed) ? shownCounts(all) : null;
      return counts ? { organizationId, ...counts, categories: rows } : { organizationId, suppressed: true, categories: rows };
    });
    return { asOf: asOf.toISOString(), minimumCases: PUBLIC_STATS_MINIMUM_CASES, organizations };
  }
}

/** The statistics of `records` as of `now`: rows per organization × category, small ones suppressed. */
export function publicStatistics(records: Iterable<CaseSummary>, now: Date): PublicStatistics {
  return new PublicStatisticsTally().add(records).result(now);
}

/** What GET /stats/public answers before the first snapshot is published. */
export function noPublicStatistics(): PublicStatistics {
  return { asOf: null, minimumCases: PUBLIC_STATS_MINIMUM_CASES, organizations: [] };
}
