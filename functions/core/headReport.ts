// Invariant 5, whole: a report about an organization's head never reaches that organization nor any organization
// under it (by parentId, at any depth, functions/contract/organizationTree.ts), whose staff answer to that head.
// Routing, transfers, escalation and every read of a case go through barredFromCase.
import { isWithinOrganization } from '#contract/organizationTree.js';
import type { Organization } from '#schemas/countryPack.js';

export { isWithinOrganization };

/** Whether a case (or a report being routed) must be kept from `organizationId`. */
export function barredFromCase(
  organizations: ReadonlyMap<string, Pick<Organization, 'parentId'>>,
  report: { subjectIsHead: boolean; reportedOrganizationId: string },
  organizationId: string,
): boolean {
  return report.subjectIsHead && isWithinOrganization(organizations, organizationId, report.reportedOrganizationId);
}
