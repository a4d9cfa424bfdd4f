// Invariant 5, whole: a report about an organization's head never reaches that organization nor any organization
// under it (by parentId, at any depth), whose staff answer to that head. Routing, transfers, escalation and every
// read of a case go through these two functions.
import type { Organization } from '#schemas/countryPack.js';

/** Whether `organizationId` is `headOf` itself or sits under it in the pack's hierarchy. */
export function isWithinOrganization(
  organizations: ReadonlyMap<string, Pick<Organization, 'parentId'>>,
  organizationId: string,
  headOf: string,
): boolean {
  const seen = new Set<string>();
  for (
    let current: string | undefined = organizationId;
    current !== undefined && !seen.has(current);
    current = organizations.get(current)?.parentId
  ) {
    if (current === headOf) return true;
    seen.add(current);
  }
  return false;
}

/** Whether a case (or a report being routed) must be kept from `organizationId`. */
export function barredFromCase(
  organizations: ReadonlyMap<string, Pick<Organization, 'parentId'>>,
  report: { subjectIsHead: boolean; reportedOrganizationId: string },
  organizationId: string,
): boolean {
  return report.subjectIsHead && isWithinOrganization(organizations, organizationId, report.reportedOrganizationId);
}
