// GET /stats/public: the published statistics snapshot, per organization and category. Public, so a row with too
// few cases carries nothing but `suppressed: true` (functions/core/publicStatistics.ts says why and how).
import * as z from 'zod';
import { PUBLIC_STATS_MINIMUM_CASES } from '#contract/limits.js';
import { caseStatusSchema, isoInstant } from './common.js';

const count = z.number().int().nonnegative();

/** Counts a reader may see: the row has at least `minimumCases` cases. */
const shown = {
  suppressed: z.literal(false),
  total: count.min(PUBLIC_STATS_MINIMUM_CASES),
  byStatus: z.record(caseStatusSchema, count),
  /** Over the row's closed cases; null while fewer than `minimumCases` of them are closed. */
  medianDaysToClose: z.number().nonnegative().nullable(),
};

/**
 * Counts hidden: strict, so a count that slipped in fails validation (the publisher validates the snapshot before
 * it writes it) instead of reaching the public.
 */
const counts = <T extends z.ZodRawShape>(key: T) =>
  z.discriminatedUnion('suppressed', [z.object({ ...key, ...shown }), z.strictObject({ ...key, suppressed: z.literal(true) })]);

export const publicCategoryRow = counts({ category: z.string() });
export type PublicCategoryRow = z.infer<typeof publicCategoryRow>;

/** An organization's own line (all its categories together) with its category rows. */
export const publicOrganizationRow = counts({ organizationId: z.string(), categories: z.array(publicCategoryRow) });
export type PublicOrganizationRow = z.infer<typeof publicOrganizationRow>;

export const publicStatisticsResponse = z.object({
  /** When the snapshot was computed; null before the first one (the list is then empty). */
  asOf: isoInstant.nullable(),
  /** Rows with fewer cases than this are suppressed, and medians need this many closed cases. */
  minimumCases: z.number().int().positive(),
  /** Organizations with at least one case, by id; each with its categories that have at least one case. */
  organizations: z.array(publicOrganizationRow),
});
export type PublicStatistics = z.infer<typeof publicStatisticsResponse>;
