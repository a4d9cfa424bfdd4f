// PATCH /cases/{caseId}: move a case along its life, with a note the whistleblower sees and/or an internal one.
import type { CaseDetailResponse, UpdateCaseRequest } from '#schemas/agency.js';
import { deadlineState } from '../caseDeadlines.js';
import { retentionState } from '../caseRetention.js';
import { checkStatusChange } from '../caseStateMachine.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import { newId } from '../ids.js';
import type { CaseRecord } from '../ports.js';
import { afterCommit, caseDetail } from './caseDetail.js';
import type { AgencyDeps } from './deps.js';
import { recordChange } from './recordChange.js';

export async function changeStatus(
  deps: AgencyDeps,
  user: AgencyUser,
  caseId: string,
  request: UpdateCaseRequest,
): Promise<CaseDetailResponse> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const { folder, commit } = await recordChange(deps, user, caseId, async (f) => {
    const before = f.case;
    const kind = checkStatusChange(before.status, {
      status: request.status,
      resolution: request.resolution,
      hasNote: request.publicNote !== undefined || request.internalNote !== undefined,
    });
    let record: CaseRecord = { ...before, updatedAt: at };
    if (kind === 'move') {
      record = {
        ...record,
        status: request.status,
        acknowledgedAt: before.acknowledgedAt ?? (request.status === 'acknowledged' ? at : null),
        closedAt: request.status === 'closed' ? at : null,
        resolution: request.status === 'closed' ? request.resolution! : null,
      };
      record = { ...record, ...deadlineState(record, now), ...retentionState(record, deps.index.pack.country.retention) };
    }
    const seal = (text: string) => deps.sealer.seal(text, before.caseId);
    const movedOrPublic = kind === 'move' || request.publicNote !== undefined;
    return {
      record,
      // Closing dates the case's deletion: every item of it gets the TTL backstop.
      expiryChanged: record.deleteAfter !== before.deleteAfter,
      audit: {
        at,
        actor: user.username,
        action: kind === 'move' ? 'case.status_changed' : 'case.note_added',
        details: { from: before.status, to: record.status, ...(record.resolution ? { resolution: record.resolution } : {}) },
      },
      timeline: movedOrPublic
        ? [
            {
              caseId: before.caseId,
              id: newId(deps.random),
              at,
              status: record.status,
              sealedPublicNote: request.publicNote ? await seal(request.publicNote) : null,
            },
          ]
        : [],
      notes: request.internalNote
        ? [{ caseId: before.caseId, id: newId(deps.random), at, author: user.username, sealedBody: await seal(request.internalNote) }]
        : [],
    };
  });
  return caseDetail(deps, afterCommit(folder, commit));
}
