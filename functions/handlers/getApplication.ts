// GET /applications/{applicationId} — the deciding body opens an application, identity included; the opening is
// recorded in the application's audit trail.
import { viewApplication } from '#core/applications/workOnApplication.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { caller } from '#runtime/agencyRequest.js';
import { httpHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { logger } from '#runtime/logger.js';
import { parseInput } from '#runtime/parse.js';
import { applicationParams } from '#schemas/application.js';

const deps = await agencyDeps({ auditTrail: true });

export const handler = httpHandler(async (event) => {
  const user = caller(event);
  const { applicationId } = parseInput(applicationParams, event.pathParameters ?? {}, 'The application address');
  const detail = await viewApplication(deps, user, applicationId);
  logger.info('application viewed', { caseId: detail.caseId, kind: detail.kind, organizationId: user.organizationId });
  return json(200, detail);
});
