// POST /intake — a staff member files a report taken by phone, post or a visit: 201 with the tracking code for the
// reporter's slip (docs/assisted-intake.md).
import { fileAssistedReport } from '#core/agency/assistedIntake.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { caller } from '#runtime/agencyRequest.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { logger } from '#runtime/logger.js';
import { parseInput } from '#runtime/parse.js';
import { assistedReportRequest } from '#schemas/intake.js';

const deps = await agencyDeps({ auditTrail: true, receipts: true });

export const handler = jsonHandler(async (body, event) => {
  const user = caller(event);
  const request = parseInput(assistedReportRequest, body, 'The report');
  const filed = await fileAssistedReport(deps, user, request);
  logger.info('assisted report filed', {
    caseId: filed.caseId,
    organizationId: filed.organization.id,
    channel: request.channel,
    by: user.organizationId,
  });
  return json(201, filed);
});
