// POST /cases/{caseId}/hold — place or lift a legal hold on a case (supervisor and oversight).
import { setLegalHold } from '#core/agency/legalHold.js';
import { caller } from '#runtime/agencyRequest.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { logger } from '#runtime/logger.js';
import { parseInput } from '#runtime/parse.js';
import { caseParams, legalHoldRequest } from '#schemas/agency.js';

const deps = await agencyDeps({ auditTrail: true });

export const handler = jsonHandler(async (body, event) => {
  const user = caller(event);
  const { caseId } = parseInput(caseParams, event.pathParameters ?? {}, 'The case address');
  const detail = await setLegalHold(deps, user, caseId, parseInput(legalHoldRequest, body, 'The legal hold'));
  logger.info(detail.legalHold ? 'legal hold placed' : 'legal hold lifted', { caseId, by: user.organizationId });
  return json(200, detail);
});
