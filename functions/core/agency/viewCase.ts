// GET /cases/{caseId}: opening a case is itself recorded in its audit trail (one Query, then one write). The owning
// organization's opening also marks the whistleblower's replies read, in that same write: its queue stops marking them.
import type { CaseDetailResponse } from '#schemas/agency.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import { afterCommit, caseDetail } from './caseDetail.js';
import { opensContact } from './contactDisclosure.js';
import type { AgencyDeps } from './deps.js';
import { recordChange } from './recordChange.js';

/** Opening a confidential report's contact details is recorded in the same event (`contact: opened`). */
export async function viewCase(deps: AgencyDeps, user: AgencyUser, caseId: string): Promise<CaseDetailResponse> {
  const at = deps.clock.now().toISOString();
  const { folder, commit } = await recordChange(deps, user, caseId, (f, access) => ({
    // The count read with the messages shown (a reply landing before the write makes it stale and re-read).
    record: access === 'owner' ? { ...f.case, whistleblowerMessagesSeen: f.case.whistleblowerMessages } : f.case,
    audit: {
      at,
      actor: user.username,
      action: 'case.viewed',
      details: { access, ...(opensContact(access, f) ? { contact: 'opened' } : {}) },
    },
  }));
  return caseDetail(deps, afterCommit(folder, commit), commit.audit.details.contact === 'opened');
}
