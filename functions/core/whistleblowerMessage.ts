// The whistleblower answers the agency or adds evidence, with the code alone.
import type { TrackMessageRequest } from '#schemas/track.js';
import type { CitizenDeps } from './deps.js';
import { conflict, notFound, unavailable } from './errors.js';
import { checkUploads, promoteUploads, uploadClaims, uploadTaken } from './evidenceIntake.js';
import { newId } from './ids.js';
import type { AddMessageOutcome } from './ports.js';
import { reporterTime } from './reporterTime.js';
import { UNKNOWN_CODE_MESSAGE, caseIdFromTypedCode } from './trackCase.js';

/** Agency changes racing one message: each one re-dates it once; more than this and the reporter sends again. */
const DATING_ATTEMPTS = 3;

export async function addWhistleblowerMessage(deps: CitizenDeps, request: TrackMessageRequest): Promise<{ id: string; at: string }> {
  const caseId = caseIdFromTypedCode(deps.pepper, request.trackingCode);
  const uploads = await checkUploads(deps, request.uploadIds, 'uploadIds');
  const id = newId(deps.random);
  const attachments = await promoteUploads(deps, caseId, uploads, 'whistleblower');
  // To the hour (core/reporterTime.ts), but never before the case's last change: a reply stays after the question.
  let at = reporterTime(deps.clock.now()).toISOString();
  let result: AddMessageOutcome;
  try {
    const sealedBody = await deps.sealer.seal(request.body, caseId);
    for (let attempt = 1; ; attempt++) {
      result = await deps.store.addMessage(
        { caseId, id, at, from: 'whistleblower', sealedBody, attachmentIds: attachments.map((a) => a.id) },
        attachments,
        uploadClaims(uploads),
      );
      if (typeof result === 'string') break;
      if (attempt === DATING_ATTEMPTS) throw unavailable('The case is changing right now. Send the message again in a moment.');
      // A millisecond after the change: the same instant would leave the order to the ids.
      at = new Date(Date.parse(result.changedAt) + 1).toISOString();
    }
  } catch (error) {
    await deps.evidence.remove(attachments.map((a) => a.key));
    throw error;
  }
  if (result !== 'added') {
    await deps.evidence.remove(attachments.map((a) => a.key));
    if (result === 'missing') throw notFound(UNKNOWN_CODE_MESSAGE);
    if (result === 'uploadTaken') throw uploadTaken('uploadIds', uploads.length);
    throw conflict('This case is closed and takes no more messages.');
  }
  await deps.evidence.remove(uploads.map((u) => u.declared.key));
  return { id, at };
}
