// POST /cases/{caseId}/transfer: supervisors and oversight move a case to another organization's queue, where it
// starts again as received. The whistleblower's timeline shows where it went and when. Invariant 5 holds here
// too: a report about an organization's head never moves into that organization.
import type { CaseDetailResponse, TransferRequest } from '#schemas/agency.js';
import { deadlineState } from '../caseDeadlines.js';
import { retentionState } from '../caseRetention.js';
import { conflict, forbidden, validationFailed } from '../errors.js';
import { barredFromCase } from '../headReport.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import { newId } from '../ids.js';
import { afterCommit, caseDetail } from './caseDetail.js';
import { openCaseFolder } from './caseAccess.js';
import type { AgencyDeps } from './deps.js';
import { recordChange } from './recordChange.js';

export async function transferCase(
  deps: AgencyDeps,
  user: AgencyUser,
  caseId: string,
  request: TransferRequest,
): Promise<CaseDetailResponse> {
  // Isolation first: another organization's case is a 404 whatever the role.
  const first = await openCaseFolder(deps, user, caseId);
  if (user.role === 'handler') throw forbidden('Only a supervisor or the oversight body can transfer a case.');
  if (!deps.index.organizations.has(request.organizationId)) {
    throw validationFailed('There is no such organization.', [
      { path: 'organizationId', message: `no organization "${request.organizationId}"` },
    ]);
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  const { folder, commit } = await recordChange(
    deps,
    user,
    caseId,
    async (f) => {
      const before = f.case;
      if (before.status === 'closed') throw conflict('A closed case cannot be transferred.');
      if (request.organizationId === before.organizationId) throw conflict('The case is already in that organization\u2019s queue.');
      if (barredFromCase(deps.index.organizations, before, request.organizationId)) {
        throw conflict('This report is about the head of that organization, or of one above it; it cannot be sent there.');
      }
      const seal = (text: string) => deps.sealer.seal(text, before.caseId);
      // The new organization designates its own handler: nobody there is assigned yet.
      const moved = {
        ...before,
        organizationId: request.organizationId,
        status: 'received' as const,
        acknowledgedAt: null,
        assignee: null,
        assignedAt: null,
        updatedAt: at,
      };
      return {
        // Only an open case moves, but its deletion date follows its status whatever the state machine allows.
        record: { ...moved, ...deadlineState(moved, now), ...retentionState(moved, deps.index.pack.country.retention) },
        audit: {
          at,
          actor: user.username,
          action: 'case.transferred',
          details: { from: before.organizationId, to: request.organizationId },
        },
        timeline: [
          {
            caseId: before.caseId,
            id: newId(deps.random),
            at,
            status: 'transferred',
            sealedPublicNote: null,
            organizationId: request.organizationId,
          },
          // A millisecond later, so the two entries keep their order wherever they are sorted by time.
          {
            caseId: before.caseId,
            id: newId(deps.random),
            at: new Date(now.getTime() + 1).toISOString(),
            status: 'received',
            sealedPublicNote: null,
            organizationId: request.organizationId,
          },
        ],
        notes: [
          {
            caseId: before.caseId,
            id: newId(deps.random),
            at,
            author: user.username,
            sealedBody: await seal(`Transfer reason: ${request.reason}`),
          },
        ],
      };
    },
    first,
  );
  // The caller sees the case as it now stands, never with the contact details, which a transfer does not pass on
  // (contactDisclosure.ts).
  return caseDetail(deps, afterCommit(folder, commit));
}
