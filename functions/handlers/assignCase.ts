// POST /cases/{caseId}/assignment — a supervisor names the staff member responsible for a case.
import { assignCase } from '#core/agency/assignCase.js';
import { caller } from '#runtime/agencyRequest.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { logger } from '#runtime/logger.js';
import { parseInput } from '#runtime/parse.js';
import { assignmentRequest, caseParams } from '#schemas/agency.js';

const deps = await agencyDeps({ auditTrail: true });

export const handler = jsonHandler(async (body, event) => {
  const user = caller(event);
  const { caseId } = parseInput(caseParams, event.pathParameters ?? {}, 'The case address');
  const detail = await assignCase(deps, user, caseId, parseInput(assignmentRequest, body, 'The assignment'));
  logger.info('case assigned', { caseId, organizationId: detail.organization.id });
  return json(200, detail);
});
