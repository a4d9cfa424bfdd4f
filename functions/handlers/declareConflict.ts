// POST /cases/{caseId}/conflict — the assigned staff member declares a conflict of interest and steps aside.
import { declareConflict } from '#core/agency/declareConflict.js';
import { caller } from '#runtime/agencyRequest.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { logger } from '#runtime/logger.js';
import { parseInput } from '#runtime/parse.js';
import { caseParams, conflictDeclaration } from '#schemas/agency.js';

const deps = await agencyDeps({ auditTrail: true });

export const handler = jsonHandler(async (body, event) => {
  const user = caller(event);
  const { caseId } = parseInput(caseParams, event.pathParameters ?? {}, 'The case address');
  const detail = await declareConflict(deps, user, caseId, parseInput(conflictDeclaration, body, 'The declaration'));
  logger.info('conflict of interest declared', { caseId, organizationId: detail.organization.id });
  return json(200, detail);
});
