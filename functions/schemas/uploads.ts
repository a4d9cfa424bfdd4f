// POST /uploads: the citizen asks for presigned S3 POSTs, one per file, before submitting.
import * as z from 'zod';
import { LIMITS } from '#contract/limits.js';
import { isoInstant } from './common.js';

export const uploadsRequest = z.strictObject({
  files: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(LIMITS.fileName),
        size: z.int().min(1),
        contentType: z.string().min(1).max(LIMITS.contentType),
      }),
    )
    .min(1)
    .max(LIMITS.attachmentsPerSubmission),
});
export type UploadsRequest = z.infer<typeof uploadsRequest>;

export const uploadsResponse = z.object({
  uploads: z.array(z.object({ uploadId: z.string(), url: z.string(), fields: z.record(z.string(), z.string()), expiresAt: isoInstant })),
});
