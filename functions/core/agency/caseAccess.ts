// Invariant 3 (isolation): a case belongs to the organization it is routed to. An oversight user also reaches the
// cases escalated to their body. Anything else answers 404, exactly as for a case that does not exist.
import { notFound } from '../errors.js';
import type { AgencyUser } from '../identity.js';
import { parseCaseId } from '../trackingKey.js';
import type { AgencyDeps } from './deps.js';
import type { CaseFolder } from './ports.js';

export type CaseAccess = 'owner' | 'oversight';

export const CASE_NOT_FOUND = 'There is no such case in your queue.';

export function accessTo(user: AgencyUser, record: { organizationId: string; escalatedTo: string | null }): CaseAccess | null {
  if (record.organizationId === user.organizationId) return 'owner';
  if (user.role === 'oversight' && record.escalatedTo === user.organizationId) return 'oversight';
  return null;
}

export async function openCaseFolder(
  deps: Pick<AgencyDeps, 'store'>,
  user: AgencyUser,
  caseIdInput: string,
): Promise<{ folder: CaseFolder; access: CaseAccess }> {
  const caseId = parseCaseId(caseIdInput);
  if (!caseId) throw notFound(CASE_NOT_FOUND);
  const folder = await deps.store.getCaseFolder(caseId);
  const access = folder ? accessTo(user, folder.case) : null;
  if (!folder || !access) throw notFound(CASE_NOT_FOUND);
  return { folder, access };
}
