// Public statistics (GET /stats/public): counts per organization × category, suppression below 5 cases, medians of
// closed cases only, and the snapshot use cases over an in-memory store.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '#contract/caseLife.js';
import type { CaseSummarySource, DeletedCaseCount, DeletedCaseSource, PublicStatisticsSnapshots } from '#core/ports.js';
import { type CaseSummary, PublicStatisticsTally, publicStatistics } from '#core/publicStatistics.js';
import { PUBLIC_STATS_MINIMUM_CASES } from '#contract/limits.js';
import { getPublicStatistics, publishPublicStatistics } from '#core/statisticsSnapshot.js';
import { type PublicStatistics, publicStatisticsResponse } from '#schemas/publicStats.js';
import { FixedClock, TEST_NOW } from './support/memoryPorts.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-01-05T09:00:00.000Z');
const NOW = new Date(TEST_NOW);
const at = (days: number) => new Date(T0 + days * DAY).toISOString();

function aCase(over: Partial<CaseSummary> & { closedAfterDays?: number } = {}): CaseSummary {
  const { closedAfterDays, ...rest } = over;
  const closed = closedAfterDays !== undefined;
  return {
    organizationId: 'kr-molit',
    category: 'budget-waste',
    status: closed ? 'closed' : 'received',
    createdAt: at(0),
    closedAt: closed ? at(closedAfterDays) : null,
    ...rest,
  };
}
const times = (n: number, make: (i: number) => CaseSummary) => Array.from({ length: n }, (_, i) => make(i));
const zeros = () => Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;

describe('publicStatistics', () => {
  it('is 5, as the contract says ("suppressed below 5 cases")', () => {
    expect(PUBLIC_STATS_MINIMUM_CASES).toBe(5);
  });

  it('counts a row by status, with every status present, and gives the median days to close', () => {
    const records = [
      aCase({ status: 'received' }),
      aCase({ status: 'acknowledged' }),
      aCase({ status: 'investigating' }),
      ...[2, 4, 6, 8, 30.5].map((d) => aCase({ closedAfterDays: d })),
    ];
    const stats = publicStatistics(records, NOW);
    expect(publicStatisticsResponse.parse(stats)).toEqual(stats);
    const byStatus = { ...zeros(), received: 1, acknowledged: 1, investigating: 1, closed: 5 };
    expect(stats).toEqual({
      asOf: TEST_NOW,
      minimumCases: 5,
      organizations: [
        {
          organizationId: 'kr-molit',
          suppressed: false,
          total: 8,
          byStatus,
          medianDaysToClose: 6,
          categories: [{ category: 'budget-waste', suppressed: false, total: 8, byStatus, medianDaysToClose: 6 }],
        },
      ],
    });
  });

  it('suppresses a row of 4 cases and shows one of 5, exactly at the threshold', () => {
    const records = [
      ...times(4, () => aCase({ organizationId: 'kr-moef', category: 'corruption' })),
      ...times(5, () => aCase({ organizationId: 'kr-mohw', category: 'corruption' })),
    ];
    const [moef, mohw] = publicStatistics(records, NOW).organizations;
    expect(moef).toEqual({ organizationId: 'kr-moef', suppressed: true, categories: [{ category: 'corruption', suppressed: true }] });
    expect(mohw).toMatchObject({
      organizationId: 'kr-mohw',
      suppressed: false,
      total: 5,
      categories: [{ category: 'corruption', suppressed: false, total: 5 }],
    });
  });

  it('shows counts but no median while fewer than 5 of a row’s cases are closed', () => {
    const four = publicStatistics([...times(4, (i) => aCase({ closedAfterDays: i + 1 })), aCase()], NOW).organizations[0]!;
    expect(four.categories[0]).toMatchObject({
      suppressed: false,
      total: 5,
      byStatus: { closed: 4, received: 1 },
      medianDaysToClose: null,
    });
    const five = publicStatistics(
      times(5, (i) => aCase({ closedAfterDays: i + 1 })),
      NOW,
    ).organizations[0]!;
    expect(five.categories[0]).toMatchObject({ suppressed: false, total: 5, medianDaysToClose: 3 });
  });

  it('takes the median of closed cases only, the mean of the middle two for an even count, to one decimal', () => {
    const records = [
      // Open cases filed long ago do not pull the median.
      ...times(5, () => aCase({ status: 'in_review', createdAt: at(-400) })),
      ...[1, 2, 3.2, 10, 11, 50].map((d) => aCase({ closedAfterDays: d })),
    ];
    expect(publicStatistics(records, NOW).organizations[0]!.categories[0]).toMatchObject({ total: 11, medianDaysToClose: 6.6 });
  });

  it('suppresses an organization’s own line when any of its category rows is suppressed, so nothing can be subtracted', () => {
    const records = [...times(9, () => aCase({ category: 'corruption' })), ...times(2, () => aCase({ category: 'budget-waste' }))];
    const [molit] = publicStatistics(records, NOW).organizations;
    // 11 − 9 would give the hidden row away.
    expect(molit).toEqual({
      organizationId: 'kr-molit',
      suppressed: true,
      categories: [
        { category: 'budget-waste', suppressed: true },
        { category: 'corruption', suppressed: false, total: 9, byStatus: { ...zeros(), received: 9 }, medianDaysToClose: null },
      ],
    });
  });

  it('shows an organization’s line as the sum of its rows, with the median over all its closed cases', () => {
    const records = [
      ...[1, 2, 3].map((d) => aCase({ category: 'corruption', closedAfterDays: d })),
      ...times(2, () => aCase({ category: 'corruption' })),
      ...[10, 20, 30].map((d) => aCase({ category: 'budget-waste', closedAfterDays: d })),
      ...times(2, () => aCase({ category: 'budget-waste', status: 'acknowledged' })),
    ];
    const [molit] = publicStatistics(records, NOW).organizations;
    expect(molit).toMatchObject({
      suppressed: false,
      total: 10,
      byStatus: { ...zeros(), received: 2, acknowledged: 2, closed: 6 },
      // 1, 2, 3, 10, 20, 30: neither row has 5 closed cases, the organization has 6.
      medianDaysToClose: 6.5,
      categories: [
        { category: 'budget-waste', total: 5, medianDaysToClose: null },
        { category: 'corruption', total: 5, medianDaysToClose: null },
      ],
    });
  });

  it('lists organizations and categories by id, only those with cases, and is empty without cases', () => {
    const records = ['kr-mof', 'kr-acrc', 'kr-molit'].flatMap((organizationId) =>
      ['public-interest', 'corruption'].map((category) => aCase({ organizationId, category })),
    );
    const stats = publicStatistics(records, NOW);
    expect(stats.organizations.map((o) => o.organizationId)).toEqual(['kr-acrc', 'kr-mof', 'kr-molit']);
    expect(stats.organizations[0]!.categories.map((c) => c.category)).toEqual(['corruption', 'public-interest']);
    expect(publicStatistics([], NOW)).toEqual({ asOf: TEST_NOW, minimumCases: 5, organizations: [] });
  });

  it('gives the same answer whether the cases come in one page or many', () => {
    const records = times(23, (i) =>
      aCase({ organizationId: `org-${i % 3}`, category: `c-${i % 2}`, ...(i % 4 ? {} : { closedAfterDays: i }) }),
    );
    const paged = new PublicStatisticsTally();
    for (let i = 0; i < records.length; i += 4) paged.add(records.slice(i, i + 4));
    expect(paged.result(NOW)).toEqual(publicStatistics(records, NOW));
  });

  const statusArb = fc.constantFrom(...CASE_STATUSES);
  const caseArb = fc
    .record({
      organizationId: fc.constantFrom('a', 'b', 'c'),
      category: fc.constantFrom('x', 'y', 'z'),
      status: statusArb,
      filed: fc.integer({ min: 0, max: 300 }),
      took: fc.integer({ min: 0, max: 200 }),
    })
    .map(({ organizationId, category, status, filed, took }) => ({
      organizationId,
      category,
      status,
      createdAt: at(filed),
      closedAt: status === 'closed' ? at(filed + took) : null,
    }));

  it('never reveals a count of a suppressed row, neither on it nor by subtraction (property)', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 80 }), (records) => {
        const stats = publicStatistics(records, NOW);
        expect(publicStatisticsResponse.parse(stats)).toEqual(stats);
        let visible = 0;
        for (const organization of stats.organizations) {
          const mine = records.filter((r) => r.organizationId === organization.organizationId);
          for (const row of organization.categories) {
            const actual = mine.filter((r) => r.category === row.category).length;
            expect(actual).toBeGreaterThan(0);
            if (row.suppressed) {
              // Nothing but the key and the flag.
              expect(Object.keys(row).sort()).toEqual(['category', 'suppressed']);
              expect(actual).toBeLessThan(PUBLIC_STATS_MINIMUM_CASES);
            } else {
              expect(row.total).toBe(actual);
              expect(row.total).toBeGreaterThanOrEqual(PUBLIC_STATS_MINIMUM_CASES);
              expect(Object.values(row.byStatus).reduce((a, b) => a + b, 0)).toBe(row.total);
              visible += row.total;
            }
          }
          if (organization.suppressed) {
            expect(Object.keys(organization).sort()).toEqual(['categories', 'organizationId', 'suppressed']);
          } else {
            // Shown only when no row is hidden: its total is then the sum of what is already visible.
            expect(organization.categories.every((c) => !c.suppressed)).toBe(true);
            expect(organization.total).toBe(mine.length);
            expect(organization.total).toBe(organization.categories.reduce((sum, c) => sum + (c.suppressed ? 0 : c.total), 0));
          }
        }
        expect(visible).toBeLessThanOrEqual(records.length);
        // Every case is in exactly one listed row.
        expect(stats.organizations.reduce((n, o) => n + o.categories.length, 0)).toBe(
          new Set(records.map((r) => `${r.organizationId}/${r.category}`)).size,
        );
      }),
    );
  });

  it('gives a median only with 5 closed cases, between the fastest and slowest of them (property)', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 60 }), (records) => {
        for (const organization of publicStatistics(records, NOW).organizations) {
          for (const row of organization.categories) {
            if (row.suppressed) continue;
            const closed = records
              .filter((r) => r.organizationId === organization.organizationId && r.category === row.category && r.status === 'closed')
              .map((r) => (Date.parse(r.closedAt!) - Date.parse(r.createdAt)) / DAY);
            if (closed.length < PUBLIC_STATS_MINIMUM_CASES) expect(row.medianDaysToClose).toBeNull();
            else {
              expect(row.medianDaysToClose).toBeGreaterThanOrEqual(Math.min(...closed));
              expect(row.medianDaysToClose).toBeLessThanOrEqual(Math.max(...closed));
            }
          }
        }
      }),
    );
  });

  it('rejects a suppressed row carrying a count (the publisher validates before it writes)', () => {
    const leaky = {
      asOf: TEST_NOW,
      minimumCases: 5,
      organizations: [{ organizationId: 'a', suppressed: true, categories: [{ category: 'x', suppressed: true, total: 3 }] }],
    };
    expect(publicStatisticsResponse.safeParse(leaky).success).toBe(false);
    const small = {
      asOf: TEST_NOW,
      minimumCases: 5,
      organizations: [
        {
          organizationId: 'a',
          suppressed: true,
          categories: [{ category: 'x', suppressed: false, total: 3, byStatus: {}, medianDaysToClose: null }],
        },
      ],
    };
    expect(publicStatisticsResponse.safeParse(small).success).toBe(false);
  });
});

/** The snapshot and the case summaries in memory, with the DynamoDB adapter's semantics (newer snapshot wins). */
class MemoryStatistics implements CaseSummarySource, DeletedCaseSource, PublicStatisticsSnapshots {
  snapshot: PublicStatistics | null = null;
  constructor(readonly pages: CaseSummary[][]) {}
  deleted: DeletedCaseCount[] = [];
  async *caseSummaries() {
    for (const page of this.pages) yield structuredClone(page);
  }
  async *deletedCaseTallies() {
    yield structuredClone(this.deleted);
  }
  async loadSnapshot() {
    return structuredClone(this.snapshot);
  }
  async saveSnapshot(statistics: PublicStatistics & { asOf: string }) {
    if (this.snapshot?.asOf && this.snapshot.asOf > statistics.asOf) return 'superseded' as const;
    this.snapshot = structuredClone(statistics);
    return 'saved' as const;
  }
}

describe('the snapshot', () => {
  it('answers an empty list with asOf null before the first publication', async () => {
    expect(await getPublicStatistics({ store: new MemoryStatistics([]) })).toEqual({ asOf: null, minimumCases: 5, organizations: [] });
  });

  it('publishes what the pages of cases add up to, as of the clock, and then answers it', async () => {
    const store = new MemoryStatistics([times(3, () => aCase()), times(3, () => aCase()), []]);
    const result = await publishPublicStatistics({ store, clock: new FixedClock(TEST_NOW) });
    expect(result).toEqual({ asOf: TEST_NOW, cases: 6, deleted: 0, organizations: 1, outcome: 'saved' });
    const answer = await getPublicStatistics({ store });
    expect(answer).toEqual(publicStatistics(store.pages.flat(), NOW));
    expect(answer.organizations[0]).toMatchObject({ suppressed: false, total: 6 });
  });

  it('counts deleted cases from their aggregates, as the closed cases they were, median included', async () => {
    const stored = times(3, () => aCase({ closedAfterDays: 10 }));
    const store = new MemoryStatistics([stored]);
    const { organizationId, category } = stored[0]!;
    store.deleted = [
      { organizationId, category, daysToClose: 4, cases: 2 },
      { organizationId, category, daysToClose: 30, cases: 1 },
    ];
    const result = await publishPublicStatistics({ store, clock: new FixedClock(TEST_NOW) });
    expect(result).toMatchObject({ cases: 3, deleted: 3 });
    const alive = [
      ...stored,
      ...times(2, () => aCase({ organizationId, category, closedAfterDays: 4 })),
      aCase({ organizationId, category, closedAfterDays: 30 }),
    ];
    const { asOf: _, ...expected } = publicStatistics(alive, NOW);
    const { asOf: __, ...answer } = (await getPublicStatistics({ store })) as PublicStatistics;
    expect(answer).toEqual(expected);
    expect(answer.organizations[0]).toMatchObject({ total: 6, medianDaysToClose: 10 });
  });

  it('never replaces a newer snapshot with an older one', async () => {
    const store = new MemoryStatistics([times(5, () => aCase())]);
    await publishPublicStatistics({ store, clock: new FixedClock(TEST_NOW) });
    const late = await publishPublicStatistics({ store, clock: new FixedClock('2026-10-15T02:00:00.000Z') });
    expect(late.outcome).toBe('superseded');
    expect((await getPublicStatistics({ store })).asOf).toBe(TEST_NOW);
  });
});
