// POST /uploads: one presigned S3 POST per file, under incoming/, whose policy pins the exact size and type.
import { LIMITS } from '#contract/limits.js';
import type { UploadsRequest } from '#schemas/uploads.js';

import { declaredUploadProblem } from '#contract/attachmentTypes.js';
import type { CitizenDeps } from './deps.js';
import { payloadTooLarge, unsupportedMediaType } from './errors.js';
import { newId } from './ids.js';
import { issueUploadToken } from './uploadToken.js';

/** How long the browser has to send the file. */
export const UPLOAD_WINDOW_SECONDS = 15 * 60;
/** How long an upload id stays good for a submission (incoming/ expires after a day). */
export const UPLOAD_ID_LIFETIME_SECONDS = 24 * 60 * 60;

export async function issueUploads(deps: Pick<CitizenDeps, 'evidence' | 'pepper' | 'clock' | 'random'>, request: UploadsRequest) {
  for (const file of request.files) {
    if (file.size > LIMITS.attachmentBytes) throw payloadTooLarge(`"${file.name}" is larger than 25 MiB.`);
    const problem = declaredUploadProblem(file.name, file.contentType);
    if (problem) throw unsupportedMediaType(`"${file.name}": ${problem}.`);
  }
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + UPLOAD_WINDOW_SECONDS * 1000).toISOString();
  const uploads = await Promise.all(
    request.files.map(async (file) => {
      const key = `incoming/${newId(deps.random)}`;
      const post = await deps.evidence.presignUpload(key, file.size, file.contentType, UPLOAD_WINDOW_SECONDS);
      const uploadId = issueUploadToken(deps.pepper, {
        key,
        name: file.name,
        size: file.size,
        contentType: file.contentType,
        expires: Math.floor(now.getTime() / 1000) + UPLOAD_ID_LIFETIME_SECONDS,
      });
      return { uploadId, url: post.url, fields: post.fields, expiresAt };
    }),
  );
  return { uploads };
}
