// POST /cases/{caseId}/export — the case file as one signed ZIP, by a five-minute link (supervisor and oversight).
import { exportCase } from '#core/agency/exportCase.js';
import { caller } from '#runtime/agencyRequest.js';
import { caseExportDeps } from '#composition/portalDeps.js';
import { httpHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { logger } from '#runtime/logger.js';
import { parseInput } from '#runtime/parse.js';
import { caseParams } from '#schemas/agency.js';

const deps = await caseExportDeps();

export const handler = httpHandler(async (event) => {
  const user = caller(event);
  const { caseId } = parseInput(caseParams, event.pathParameters ?? {}, 'The case address');
  const answer = await exportCase(deps, user, caseId);
  logger.info('case exported', { caseId, exportId: answer.exportId, by: user.organizationId });
  return json(200, answer);
});
