// GET /cases/{caseId}/attachments/{attachmentId} — a download link valid for five minutes.
import { attachmentLink } from '#core/agency/attachmentLink.js';
import { caller } from '#runtime/agencyRequest.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { httpHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { parseInput } from '#runtime/parse.js';
import { attachmentParams } from '#schemas/agency.js';

const deps = await agencyDeps({ auditTrail: true });

export const handler = httpHandler(async (event) => {
  const user = caller(event);
  const { caseId, attachmentId } = parseInput(attachmentParams, event.pathParameters ?? {}, 'The attachment address');
  return json(200, await attachmentLink(deps, user, caseId, attachmentId));
});
