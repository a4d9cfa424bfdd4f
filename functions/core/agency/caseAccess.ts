// Invariant 3 (isolation): a case belongs to the organization it is routed to. An oversight user also reaches the
// cases escalated to their body. Anything else answers 404, exactly as for a case that does not exist. Invariant 5
// comes first: a report about an organization's head is out of reach of that organization and those under it,
// whatever the case's stored owner or escalation says (a case escalated there before the rule was whole included).
import type { Organization } from '#schemas/countryPack.js';
import { notFound } from '../errors.js';
import { barredFromCase } from '../headReport.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import { parseCaseId } from '../trackingKey.js';
import type { AgencyDeps } from './deps.js';
import type { CaseFolder } from './ports.js';

export type CaseAccess = 'owner' | 'oversight';

export const CASE_NOT_FOUND = 'There is no such case in your queue.';

export interface AccessFacts {
  organizationId: string;
  escalatedTo: string | null;
  subjectIsHead: boolean;
  reportedOrganizationId: string;
}

export function accessTo(
  user: AgencyUser,
  record: AccessFacts,
  organizations: ReadonlyMap<string, Pick<Organization, 'parentId'>>,
): CaseAccess | null {
  if (barredFromCase(organizations, record, user.organizationId)) return null;
  if (record.organizationId === user.organizationId) return 'owner';
  if (user.role === 'oversight' && record.escalatedTo === user.organizationId) return 'oversight';
  return null;
}

export async function openCaseFolder(
  deps: Pick<AgencyDeps, 'store' | 'index'>,
  user: AgencyUser,
  caseIdInput: string,
): Promise<{ folder: CaseFolder; access: CaseAccess }> {
  const caseId = parseCaseId(caseIdInput);
  if (!caseId) throw notFound(CASE_NOT_FOUND);
  const folder = await deps.store.getCaseFolder(caseId);
  const access = folder ? accessTo(user, folder.case, deps.index.organizations) : null;
  if (!folder || !access) throw notFound(CASE_NOT_FOUND);
  return { folder, access };
}
