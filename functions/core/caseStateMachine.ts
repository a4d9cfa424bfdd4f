// The case life: received → acknowledged → in_review → investigating → closed. A case can be closed once it is
// acknowledged; a closed case stays closed; transfers (back to received elsewhere) go through their own route.
import { type CaseStatus, NEXT_STATUSES, type Resolution, canMove } from '#contract/caseLife.js';
import { conflict, validationFailed } from './errors.js';

export interface StatusChange {
  status: CaseStatus;
  resolution?: Resolution | undefined;
  hasNote: boolean;
}

/**
 * Checks a requested change. Staying in the same status is allowed only to add a note; `closed` needs a
 * resolution and only `closed` takes one. Throws 409 for an illegal move, 400 for a malformed request.
 */
export function checkStatusChange(from: CaseStatus, change: StatusChange): 'move' | 'note' {
  if (change.resolution !== undefined && change.status !== 'closed') {
    throw validationFailed('Only a closed case has a resolution.', [{ path: 'resolution', message: 'give it only with status "closed"' }]);
  }
  if (change.status === 'closed' && change.resolution === undefined && from !== 'closed') {
    throw validationFailed('Closing a case needs a resolution.', [
      { path: 'resolution', message: 'one of substantiated, unsubstantiated, insufficient_information, referred' },
    ]);
  }
  if (change.status === from) {
    if (from === 'closed') throw conflict('This case is closed.');
    if (!change.hasNote) throw conflict(`The case is already ${from}; add a note or choose another status.`);
    return 'note';
  }
  if (change.status === 'transferred') throw conflict('Transfer a case with POST /cases/{caseId}/transfer.');
  if (!canMove(from, change.status)) {
    const next = NEXT_STATUSES[from];
    throw conflict(`A ${from} case cannot become ${change.status}${next.length ? `; it can become ${next.join(' or ')}` : ''}.`);
  }
  return 'move';
}
