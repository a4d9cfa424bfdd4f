// POST /cases/{caseId}/messages: the agency asks the whistleblower a question; they read it with their code.
import type { AgencyUser } from '#contract/agencyRoles.js';
import { conflict } from '../errors.js';
import { newId } from '../ids.js';
import type { AgencyDeps } from './deps.js';
import { recordChange } from './recordChange.js';

export async function messageWhistleblower(
  deps: AgencyDeps,
  user: AgencyUser,
  caseId: string,
  body: string,
): Promise<{ id: string; at: string }> {
  const at = deps.clock.now().toISOString();
  const id = newId(deps.random);
  await recordChange(deps, user, caseId, async (f) => {
    if (f.case.status === 'closed') throw conflict('This case is closed; reopening is not possible, so no message can be sent.');
    return {
      record: { ...f.case, updatedAt: at },
      audit: { at, actor: user.username, action: 'case.message_sent', details: { messageId: id } },
      messages: [
        { caseId: f.case.caseId, id, at, from: 'agency', sealedBody: await deps.sealer.seal(body, f.case.caseId), attachmentIds: [] },
      ],
    };
  });
  return { id, at };
}
