// POST /applications/{applicationId}/messages — the deciding body writes to the applicant (shown on their status page).
import { messageApplicant } from '#core/applications/workOnApplication.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { caller } from '#runtime/agencyRequest.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { parseInput } from '#runtime/parse.js';
import { agencyMessageRequest } from '#schemas/agency.js';
import { applicationParams } from '#schemas/application.js';

const deps = await agencyDeps({ auditTrail: true });

export const handler = jsonHandler(async (body, event) => {
  const { applicationId } = parseInput(applicationParams, event.pathParameters ?? {}, 'The application address');
  const { body: text } = parseInput(agencyMessageRequest, body, 'The message');
  return json(201, await messageApplicant(deps, caller(event), applicationId, text));
});
