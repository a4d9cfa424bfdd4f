// The signed case export (docs/case-export.md): POST /cases/{caseId}/export's answer, and the bundle's manifest that
// the export signs and `npm run export:verify` checks. Shared by the use case (functions/core/agency/exportCase.ts),
// the checker (functions/core/caseExport/manifest.ts) and the console.
import * as z from 'zod';
import { isoInstant } from './common.js';

export const EXPORT_FORMAT = 'clean-portal-case-export/1';
/** The JWS `typ` of a manifest signature: a filing receipt (typ JWT) never passes for one, nor the reverse. */
export const EXPORT_SIGNATURE_TYPE = 'cp-export+jws';

const sha256Digest = z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits (a SHA-256 digest)');

/** A path inside the bundle: forward slashes, no empty, dot or dot-dot segment, no leading slash. */
export const bundlePath = z
  .string()
  .min(1)
  .refine((path) => path.split('/').every((s) => s !== '' && s !== '.' && s !== '..') && !path.includes('\\'), 'a relative path');

export const manifestFile = z.strictObject({ path: bundlePath, size: z.number().int().nonnegative(), sha256: sha256Digest });
export type ManifestFile = z.infer<typeof manifestFile>;

/** manifest.json: every other file of the bundle but the manifest's own signature (manifest.jws). */
export const caseExportManifest = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  caseId: z.string().min(1),
  exportId: z.string().min(1),
  exportedAt: isoInstant,
  /** The username of the supervisor or oversight officer who exported it. */
  exportedBy: z.string().min(1),
  files: z.array(manifestFile),
});
export type CaseExportManifest = z.infer<typeof caseExportManifest>;

/** POST /cases/{caseId}/export: where to download the ZIP (a link valid for five minutes at most). */
export const caseExportResponse = z.object({
  exportId: z.string(),
  url: z.string(),
  expiresAt: isoInstant,
  fileName: z.string(),
  /** SHA-256 of manifest.json: what the recipient can be told out of band to compare. */
  manifestSha256: sha256Digest,
});
export type CaseExportResponse = z.infer<typeof caseExportResponse>;
