// POST /cases/{caseId}/conflict: the staff member assigned a case declares a conflict of interest and steps aside.
// The case returns to the organization's supervisors unassigned, the declarer can never be assigned it again, and the
// reason is kept as a sealed internal note beside the audit event that names who stepped aside.
import type { CaseDetailResponse, ConflictDeclaration } from '#schemas/agency.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import { conflict, forbidden } from '../errors.js';
import { newId } from '../ids.js';
import { openCaseFolder } from './caseAccess.js';
import { afterCommit, caseDetail } from './caseDetail.js';
import type { AgencyDeps } from './deps.js';
import { recordChange } from './recordChange.js';

export async function declareConflict(
  deps: AgencyDeps,
  user: AgencyUser,
  caseId: string,
  request: ConflictDeclaration,
): Promise<CaseDetailResponse> {
  const first = await openCaseFolder(deps, user, caseId);
  if (first.access !== 'owner') throw forbidden('Only the staff member assigned the case can declare a conflict in it.');
  const at = deps.clock.now().toISOString();
  const { folder, commit } = await recordChange(
    deps,
    user,
    caseId,
    async (f) => {
      const before = f.case;
      if (before.assignee !== user.username) {
        throw conflict('Only the staff member assigned the case can declare a conflict in it; this case is not assigned to you.');
      }
      return {
        record: {
          ...before,
          assignee: null,
          assignedAt: null,
          recused: [...new Set([...(before.recused ?? []), user.username])],
          updatedAt: at,
        },
        audit: { at, actor: user.username, action: 'case.conflict_declared', details: { steppedAside: user.username } },
        notes: [
          {
            caseId: before.caseId,
            id: newId(deps.random),
            at,
            author: user.username,
            sealedBody: await deps.sealer.seal(`Conflict of interest declared: ${request.reason}`, before.caseId),
          },
        ],
      };
    },
    first,
  );
  return caseDetail(deps, afterCommit(folder, commit));
}
