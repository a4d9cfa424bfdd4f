// POST /cases/{caseId}/hold: a supervisor or the oversight body places a legal hold on a case (a court, an
// investigation or an audit needs it kept), or lifts it. A held case is never deleted: it leaves the deletion list and
// its items lose their TTL; lifting puts both back, so a case already past its date goes at the next sweep. The reason
// is sealed as an internal note and the change is an audit event; the reporter is not told (see docs/security.md).
import type { CaseDetailResponse, LegalHoldRequest } from '#schemas/agency.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import { conflict, forbidden } from '../errors.js';
import { newId } from '../ids.js';
import { openCaseFolder } from './caseAccess.js';
import { afterCommit, caseDetail } from './caseDetail.js';
import type { AgencyDeps } from './deps.js';
import { recordChange } from './recordChange.js';

export async function setLegalHold(
  deps: AgencyDeps,
  user: AgencyUser,
  caseId: string,
  request: LegalHoldRequest,
): Promise<CaseDetailResponse> {
  // Isolation first: another organization's case is a 404 whatever the role.
  const first = await openCaseFolder(deps, user, caseId);
  if (user.role === 'handler') throw forbidden('Only a supervisor or the oversight body can place or lift a legal hold.');
  const at = deps.clock.now().toISOString();
  const { folder, commit } = await recordChange(
    deps,
    user,
    caseId,
    async (f) => {
      const before = f.case;
      if (request.held === (before.legalHold !== null)) {
        throw conflict(request.held ? 'This case is already under a legal hold.' : 'This case is not under a legal hold.');
      }
      const label = request.held ? 'Legal hold placed' : 'Legal hold lifted';
      return {
        record: { ...before, legalHold: request.held ? { placedAt: at, placedBy: user.username } : null, updatedAt: at },
        expiryChanged: true,
        audit: {
          at,
          actor: user.username,
          action: request.held ? 'case.hold_placed' : 'case.hold_lifted',
          details: before.deleteAfter ? { deleteAfter: before.deleteAfter } : ({} as Record<string, string>),
        },
        notes: [
          {
            caseId: before.caseId,
            id: newId(deps.random),
            at,
            author: user.username,
            sealedBody: await deps.sealer.seal(`${label}: ${request.reason}`, before.caseId),
          },
        ],
      };
    },
    first,
  );
  return caseDetail(deps, afterCommit(folder, commit));
}
