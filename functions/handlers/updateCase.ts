// PATCH /cases/{caseId} — change a case's status, with a public note, an internal note, or a resolution.
import { changeStatus } from '#core/agency/changeStatus.js';
import { caller } from '#runtime/agencyRequest.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { logger } from '#runtime/logger.js';
import { parseInput } from '#runtime/parse.js';
import { caseParams, updateCaseRequest } from '#schemas/agency.js';

const deps = await agencyDeps({ auditTrail: true });

export const handler = jsonHandler(async (body, event) => {
  const user = caller(event);
  const { caseId } = parseInput(caseParams, event.pathParameters ?? {}, 'The case address');
  const detail = await changeStatus(deps, user, caseId, parseInput(updateCaseRequest, body, 'The change'));
  logger.info('case updated', { caseId, organizationId: user.organizationId, status: detail.status });
  return json(200, detail);
});
