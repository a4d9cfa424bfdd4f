// GET /cases/{caseId}/attachments/{attachmentId}: a download link valid for five minutes, recorded in the audit.
import { notFound } from '../errors.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import type { AgencyDeps } from './deps.js';
import { recordChange } from './recordChange.js';

export const DOWNLOAD_LINK_SECONDS = 300;

export async function attachmentLink(
  deps: AgencyDeps,
  user: AgencyUser,
  caseId: string,
  attachmentId: string,
): Promise<{ url: string; expiresAt: string }> {
  const now = deps.clock.now();
  const { folder } = await recordChange(deps, user, caseId, (f) => {
    if (!f.attachments.some((a) => a.id === attachmentId)) throw notFound('This case has no such attachment.');
    return {
      record: f.case,
      audit: { at: now.toISOString(), actor: user.username, action: 'attachment.downloaded', details: { attachmentId } },
    };
  });
  const attachment = folder.attachments.find((a) => a.id === attachmentId)!;
  const name = await deps.sealer.open(attachment.sealedName, folder.case.caseId);
  return {
    url: await deps.evidence.presignDownload(attachment.key, name, attachment.contentType, DOWNLOAD_LINK_SECONDS),
    expiresAt: new Date(now.getTime() + DOWNLOAD_LINK_SECONDS * 1000).toISOString(),
  };
}
