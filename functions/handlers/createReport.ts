// POST /reports — file a report: 201 with the tracking code, or 200 for an idempotent retry.
import { submitReport } from '#core/submitReport.js';
import { citizenDeps } from '#composition/portalDeps.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { logger } from '#runtime/logger.js';
import { parseInput } from '#runtime/parse.js';
import { submitReportRequest } from '#schemas/report.js';

const deps = await citizenDeps({ auditTrail: true, receipts: true });

export const handler = jsonHandler(async (body) => {
  const outcome = await submitReport(deps, parseInput(submitReportRequest, body, 'The report'));
  logger.info(outcome.created ? 'report filed' : 'report retry answered', {
    caseId: outcome.body.caseId,
    organizationId: outcome.body.organization.id,
  });
  return json(outcome.created ? 201 : 200, outcome.body);
});
