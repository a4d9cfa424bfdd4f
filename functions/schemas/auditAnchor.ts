// The anchors of the audit heads as stored (functions/core/auditAnchor.ts). Read back with these, so an item someone
// wrote into an anchor partition by hand is judged as an anchor that does not verify, never crashes a case view.
import * as z from 'zod';

const count = z.int().nonnegative();

export const anchorChunkItem = z.object({
  bucket: z.string(),
  anchoredAt: z.string(),
  heads: z.array(z.tuple([z.string(), count, z.string()])),
  /** Absent on anchors the pepper signed before the audit key. */
  macKey: z.string().optional(),
  mac: z.string(),
});

export const anchorRootItem = z.object({
  seq: count,
  anchoredAt: z.string(),
  chunks: z.array(z.object({ bucket: z.string(), digest: z.string(), cases: count })),
  cases: count,
  previousDigest: z.string(),
  macKey: z.string().optional(),
  mac: z.string(),
});
