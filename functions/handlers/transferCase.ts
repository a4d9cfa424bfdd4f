// POST /cases/{caseId}/transfer — move a case to another organization's queue (supervisor and oversight).
import { transferCase } from '#core/agency/transferCase.js';
import { caller } from '#runtime/agencyRequest.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { logger } from '#runtime/logger.js';
import { parseInput } from '#runtime/parse.js';
import { caseParams, transferRequest } from '#schemas/agency.js';

const deps = await agencyDeps({ auditTrail: true });

export const handler = jsonHandler(async (body, event) => {
  const user = caller(event);
  const { caseId } = parseInput(caseParams, event.pathParameters ?? {}, 'The case address');
  const detail = await transferCase(deps, user, caseId, parseInput(transferRequest, body, 'The transfer'));
  logger.info('case transferred', { caseId, from: user.organizationId, to: detail.organization.id });
  return json(200, detail);
});
