// GET /cases/{caseId} — open a case; the opening is recorded in its audit trail.
import { viewCase } from '#core/agency/viewCase.js';
import { caller } from '#runtime/agencyRequest.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { httpHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { logger } from '#runtime/logger.js';
import { parseInput } from '#runtime/parse.js';
import { caseParams } from '#schemas/agency.js';

const deps = await agencyDeps({ auditTrail: true });

export const handler = httpHandler(async (event) => {
  const user = caller(event);
  const { caseId } = parseInput(caseParams, event.pathParameters ?? {}, 'The case address');
  const detail = await viewCase(deps, user, caseId);
  logger.info('case viewed', { caseId, organizationId: user.organizationId, role: user.role });
  return json(200, detail);
});
