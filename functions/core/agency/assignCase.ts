// POST /cases/{caseId}/assignment: a supervisor of the organization that owns the case names the staff member
// responsible for it (the designated impartial person of EU Directive 2019/1937, art. 9), or names another. Only a
// member of that organization's staff directory can be named, and never one who declared a conflict in this case.
import type { AssignmentRequest, CaseDetailResponse } from '#schemas/agency.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import { conflict, forbidden, validationFailed } from '../errors.js';
import { openCaseFolder } from './caseAccess.js';
import { afterCommit, caseDetail } from './caseDetail.js';
import type { AgencyDeps } from './deps.js';
import { recordChange } from './recordChange.js';

export async function assignCase(
  deps: AgencyDeps,
  user: AgencyUser,
  caseId: string,
  request: AssignmentRequest,
): Promise<CaseDetailResponse> {
  // Isolation first: another organization's case is a 404 whatever the role.
  const first = await openCaseFolder(deps, user, caseId);
  // Assigning is the owning organization's own business: not the handler's, and not the oversight body's, which sees
  // an escalated case without running it.
  if (user.role !== 'supervisor' || first.access !== 'owner') {
    throw forbidden('Only a supervisor of the organization that holds the case can assign it.');
  }
  const member = await deps.staff.member(first.folder.case.organizationId, request.assignee);
  if (!member || member.role === 'oversight') {
    throw validationFailed('There is no such member of your organization’s staff.', [
      { path: 'assignee', message: `no handler or supervisor "${request.assignee}" in ${first.folder.case.organizationId}` },
    ]);
  }
  const at = deps.clock.now().toISOString();
  const { folder, commit } = await recordChange(
    deps,
    user,
    caseId,
    (f) => {
      const before = f.case;
      if (before.status === 'closed') throw conflict('A closed case cannot be assigned.');
      if ((before.recused ?? []).includes(member.username)) {
        throw conflict(`${member.username} declared a conflict of interest in this case and cannot be assigned it.`);
      }
      if (before.assignee === member.username) throw conflict(`The case is already assigned to ${member.username}.`);
      return {
        record: { ...before, assignee: member.username, assignedAt: at, updatedAt: at },
        audit: {
          at,
          actor: user.username,
          action: 'case.assigned',
          details: { assignee: member.username, ...(before.assignee ? { previous: before.assignee } : {}) },
        },
      };
    },
    first,
  );
  return caseDetail(deps, afterCommit(folder, commit));
}
