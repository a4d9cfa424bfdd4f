// Turns uploads into evidence (invariant 6): each upload must be one the server issued, must have arrived, must
// have the declared size (at most 25 MiB) and its bytes must be of the declared type. Then it is copied, with its
// metadata stripped where the format allows, under evidence/<caseId>/.
import { sha256Hex } from './filingReceipt.js';
import { LIMITS } from '#contract/limits.js';
import { SNIFF_BYTES, contentMatchesType } from './attachmentType.js';
import type { CitizenDeps } from './deps.js';
import { DomainError, payloadTooLarge, unsupportedMediaType, validationFailed } from './errors.js';
import { newId } from './ids.js';
import { canStripMetadata, stripMetadata } from './metadataStrip.js';
import type { AttachmentRecord, UploadClaim } from './ports.js';
import { reporterExpiry, reporterTime } from './reporterTime.js';
import { type DeclaredUpload, verifyUploadToken } from './uploadToken.js';

type IntakeDeps = Pick<CitizenDeps, 'evidence' | 'sealer' | 'pepper' | 'clock' | 'random'>;

export interface CheckedUpload {
  declared: DeclaredUpload;
  size: number;
}

/** A claim outlives its upload id by a day, so a claim is never forgotten while the id could still be used. */
const CLAIM_KEPT_AFTER_ID_EXPIRY_SECONDS = 24 * 60 * 60;

/** The claims that make these uploads this write's alone (see UploadClaim). */
export function uploadClaims(uploads: CheckedUpload[]): UploadClaim[] {
  // The claim names the case: its TTL goes to the end of the hour, so it does not date the upload (core/reporterTime.ts).
  return uploads.map((u) => ({
    key: u.declared.key,
    forgetAfter: reporterExpiry(u.declared.expires + CLAIM_KEPT_AFTER_ID_EXPIRY_SECONDS),
  }));
}

/** Another submission took one of these uploads first: nothing was written. */
export function uploadTaken(pathPrefix: string, count: number): DomainError {
  return new DomainError(
    'CONFLICT',
    'An attached file was already sent with another report or message. Remove it and attach it again.',
    Array.from({ length: count }, (_, i) => ({
      path: `${pathPrefix}.${i}`,
      message: 'this upload may already belong to another submission',
    })),
  );
}

export class UploadMissingError extends DomainError {
  constructor(path: string) {
    super('VALIDATION_FAILED', 'An attachment was not received; upload it again.', [
      { path, message: 'no file was uploaded for this upload id' },
    ]);
  }
}

/** Checks every upload; throws a typed 4xx error naming the first one that fails. */
export async function checkUploads(deps: IntakeDeps, uploadIds: string[], pathPrefix: string): Promise<CheckedUpload[]> {
  const now = deps.clock.now();
  const declared = uploadIds.map((id, i) => {
    const upload = verifyUploadToken(deps.pepper, id, now);
    if (!upload) {
      throw validationFailed('An upload id is unknown or has expired.', [
        { path: `${pathPrefix}.${i}`, message: 'not an upload id this portal issued, or it has expired' },
      ]);
    }
    return upload;
  });
  return Promise.all(
    declared.map(async (upload, i) => {
      const path = `${pathPrefix}.${i}`;
      const found = await deps.evidence.inspect(upload.key, SNIFF_BYTES);
      if (!found) throw new UploadMissingError(path);
      // Each refusal names the upload by its path, so the reporter's page can say which file to change.
      if (found.size > LIMITS.attachmentBytes) {
        throw payloadTooLarge('An attachment is larger than 25 MiB.', [{ path, message: `${found.size} bytes; at most 25 MiB` }]);
      }
      if (found.size !== upload.size) {
        throw validationFailed('An attachment does not have the size that was declared.', [
          { path, message: `declared ${upload.size} bytes, received ${found.size}` },
        ]);
      }
      if (!contentMatchesType(upload.contentType, found.head)) {
        throw unsupportedMediaType(`An attachment's content is not a ${upload.contentType} file.`, [
          { path, message: `the file's content is not ${upload.contentType}` },
        ]);
      }
      return { declared: upload, size: found.size };
    }),
  );
}

/** Where a case's evidence objects live: every key under it belongs to that case alone. */
export const evidencePrefix = (caseId: string) => `evidence/${caseId}/`;

/** Copies checked uploads under evidence/<caseId>/ and returns their records (not yet stored). */
export async function promoteUploads(
  deps: IntakeDeps,
  caseId: string,
  uploads: CheckedUpload[],
  addedBy: AttachmentRecord['addedBy'],
): Promise<AttachmentRecord[]> {
  // A reporter's evidence is dated to the hour (core/reporterTime.ts).
  const now = deps.clock.now();
  const at = (addedBy === 'whistleblower' ? reporterTime(now) : now).toISOString();
  const records: AttachmentRecord[] = [];
  const written: string[] = [];
  try {
    for (const upload of uploads) {
      const id = newId(deps.random);
      const key = `${evidencePrefix(caseId)}${id}`;
      const { contentType } = upload.declared;
      let size = upload.size;
      let sha256: string;
      if (canStripMetadata(contentType)) {
        const stripped = stripMetadata(contentType, await deps.evidence.read(upload.declared.key));
        size = stripped.length;
        sha256 = sha256Hex(stripped);
        await deps.evidence.write(key, stripped, contentType);
      } else {
        ({ sha256 } = await deps.evidence.copy(upload.declared.key, key, contentType));
      }
      written.push(key);
      records.push({
        caseId,
        id,
        at,
        sealedName: await deps.sealer.seal(upload.declared.name, caseId),
        size,
        contentType,
        key,
        addedBy,
        sha256,
      });
    }
  } catch (error) {
    await deps.evidence.remove(written);
    throw error;
  }
  return records;
}
