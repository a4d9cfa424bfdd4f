// PATCH /applications/{applicationId} — the deciding body takes an application into review, grants or refuses it;
// the decision and its reasons go to the reporter's status page.
import { decideApplication } from '#core/applications/workOnApplication.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { caller } from '#runtime/agencyRequest.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { logger } from '#runtime/logger.js';
import { parseInput } from '#runtime/parse.js';
import { applicationParams, decideApplicationRequest } from '#schemas/application.js';

const deps = await agencyDeps({ auditTrail: true });

export const handler = jsonHandler(async (body, event) => {
  const user = caller(event);
  const { applicationId } = parseInput(applicationParams, event.pathParameters ?? {}, 'The application address');
  const detail = await decideApplication(deps, user, applicationId, parseInput(decideApplicationRequest, body, 'The decision'));
  logger.info('application status changed', { caseId: detail.caseId, kind: detail.kind, status: detail.status });
  return json(200, detail);
});
