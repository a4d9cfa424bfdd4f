// POST /intake: a staff member files a report the reporter gave by phone, by post or at a visit (docs/assisted-
// intake.md). It is filed exactly as a web report (submitReport: the pack's routing and deadlines, one atomic write,
// the first audit event), with three differences: the server always makes the tracking code, nothing is uploaded,
// and the first audit event names the staff member and the channel, never the reporter.
import type { AgencyUser } from '#contract/agencyRoles.js';
import type { AssistedReportRequest, AssistedReportResponse } from '#schemas/intake.js';
import type { CitizenDeps } from '../deps.js';
import { submitReport } from '../submitReport.js';

/** Any signed-in staff member may take a report, whatever their role or organization: the pack routes it. */
export async function fileAssistedReport(
  deps: CitizenDeps,
  user: AgencyUser,
  request: AssistedReportRequest,
): Promise<AssistedReportResponse> {
  const { channel, ...report } = request;
  const { body } = await submitReport(deps, { ...report, uploadIds: [] }, { actor: user.username, channel });
  return {
    trackingCode: body.trackingCode,
    caseId: body.caseId,
    organization: body.organization,
    acknowledgeBy: body.acknowledgeBy,
    respondBy: body.respondBy,
  };
}
