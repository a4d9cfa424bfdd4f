// The deciding body's work on one application, each step recorded in the application's own audit chain: opening it
// (which marks the applicant's replies read), moving it to review or deciding it (the decision and its reasons go to
// the reporter), and writing to the applicant.
import type { AgencyUser } from '#contract/agencyRoles.js';
import { canMoveApplication, isDecided } from '#contract/applicationLife.js';
import type { ApplicationDetailResponse, DecideApplicationRequest } from '#schemas/application.js';
import type { AgencyDeps } from '../agency/deps.js';
import { conflict, validationFailed } from '../errors.js';
import { newId } from '../ids.js';
import { applicationDetail } from './applicationDetail.js';
import { afterApplicationCommit, recordApplicationChange } from './decidingBody.js';
import type { ApplicationFile } from './ports.js';

async function detailAfter(deps: AgencyDeps, file: ApplicationFile): Promise<ApplicationDetailResponse> {
  return applicationDetail(deps, file, await deps.store.getCase(file.record.caseId));
}

export async function viewApplication(deps: AgencyDeps, user: AgencyUser, applicationId: string): Promise<ApplicationDetailResponse> {
  const at = deps.clock.now().toISOString();
  const { file, commit } = await recordApplicationChange(deps, user, applicationId, (f) => ({
    record: { ...f.record, applicantMessagesSeen: f.record.applicantMessages },
    audit: { at, actor: user.username, action: 'application.viewed', details: { kind: f.record.kind } },
  }));
  return detailAfter(deps, afterApplicationCommit(file, commit));
}

export async function decideApplication(
  deps: AgencyDeps,
  user: AgencyUser,
  applicationId: string,
  request: DecideApplicationRequest,
): Promise<ApplicationDetailResponse> {
  if (isDecided(request.status) && !request.decisionNote) {
    throw validationFailed('A decision goes to the applicant with its reasons.', [
      { path: 'decisionNote', message: 'required when granting or refusing' },
    ]);
  }
  if (!isDecided(request.status) && request.decisionNote) {
    throw validationFailed('Reasons go to the applicant with the decision, not before it.', [
      { path: 'decisionNote', message: 'only when granting or refusing; write a message to ask or inform' },
    ]);
  }
  const at = deps.clock.now().toISOString();
  const { file, commit } = await recordApplicationChange(deps, user, applicationId, async (f) => {
    if (!canMoveApplication(f.record.status, request.status)) {
      throw conflict(`An application that is ${f.record.status.replace('_', ' ')} cannot become ${request.status.replace('_', ' ')}.`);
    }
    const decided = isDecided(request.status);
    return {
      record: {
        ...f.record,
        status: request.status,
        updatedAt: at,
        decidedAt: decided ? at : null,
        sealedDecisionNote: decided ? await deps.sealer.seal(request.decisionNote!, f.record.caseId) : f.record.sealedDecisionNote,
      },
      audit: { at, actor: user.username, action: 'application.status_changed', details: { from: f.record.status, to: request.status } },
    };
  });
  return detailAfter(deps, afterApplicationCommit(file, commit));
}

export async function messageApplicant(
  deps: AgencyDeps,
  user: AgencyUser,
  applicationId: string,
  body: string,
): Promise<{ id: string; at: string }> {
  const at = deps.clock.now().toISOString();
  const id = newId(deps.random);
  await recordApplicationChange(deps, user, applicationId, async (f) => ({
    record: { ...f.record, updatedAt: at },
    audit: { at, actor: user.username, action: 'application.message_sent', details: { messageId: id } },
    message: {
      caseId: f.record.caseId,
      kind: f.record.kind,
      id,
      at,
      from: 'body',
      sealedBody: await deps.sealer.seal(body, f.record.caseId),
    },
  }));
  return { id, at };
}
