// The whistleblower answers the agency or adds evidence, with the code alone.
import type { TrackMessageRequest } from '#schemas/track.js';
import type { CitizenDeps } from './deps.js';
import { conflict, notFound } from './errors.js';
import { checkUploads, promoteUploads, uploadClaims, uploadTaken } from './evidenceIntake.js';
import { newId } from './ids.js';
import { UNKNOWN_CODE_MESSAGE, caseIdFromTypedCode } from './trackCase.js';

export async function addWhistleblowerMessage(deps: CitizenDeps, request: TrackMessageRequest): Promise<{ id: string; at: string }> {
  const caseId = caseIdFromTypedCode(deps.pepper, request.trackingCode);
  const uploads = await checkUploads(deps, request.uploadIds, 'uploadIds');
  const id = newId(deps.random);
  const at = deps.clock.now().toISOString();
  const attachments = await promoteUploads(deps, caseId, uploads, 'whistleblower');
  let result: 'added' | 'missing' | 'closed' | 'uploadTaken';
  try {
    result = await deps.store.addMessage(
      {
        caseId,
        id,
        at,
        from: 'whistleblower',
        sealedBody: await deps.sealer.seal(request.body, caseId),
        attachmentIds: attachments.map((a) => a.id),
      },
      attachments,
      uploadClaims(uploads),
    );
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
