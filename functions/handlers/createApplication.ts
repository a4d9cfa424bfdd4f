// POST /track/applications — with the tracking code alone, apply for protection or a reward on one's report; the
// identity given is sealed for the deciding body (docs/applications.md).
import { fileApplication } from '#core/applications/fileApplication.js';
import { citizenDeps } from '#composition/portalDeps.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { logger } from '#runtime/logger.js';
import { parseInput } from '#runtime/parse.js';
import { applyRequest } from '#schemas/application.js';

const deps = await citizenDeps({ auditTrail: true });

export const handler = jsonHandler(async (body) => {
  const application = await fileApplication(deps, parseInput(applyRequest, body, 'The application'));
  logger.info('application filed', { kind: application.kind, decidedBy: application.decidingBody.id });
  return json(201, application);
});
