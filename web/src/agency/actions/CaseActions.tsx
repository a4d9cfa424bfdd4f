// The work a user can do on the case now: (supervisors) assign it, acknowledge a new case, change its status, message
// the reporter, (supervisors and oversight) transfer it and export its file, and (its assignee) step aside for a
// conflict of interest. A closed case takes no more work, but supervisors and oversight may still place or lift a
// legal hold on it, which is when a hold matters, and export it for a referral.
import type { JSX } from 'preact';
import type { CaseDetailResponse } from '#schemas/agency.js';
import { useAgency } from '../context.js';
import { Acknowledge } from './Acknowledge.js';
import { AssignForm } from './AssignForm.js';
import { ConflictForm } from './ConflictForm.js';
import { ExportCase } from './ExportCase.js';
import { HoldForm } from './HoldForm.js';
import { MessageForm } from './MessageForm.js';
import type { CaseActionDone } from './outcome.js';
import { StatusForm } from './StatusForm.js';
import { TransferForm } from './TransferForm.js';

export function CaseActions({ detail, onDone }: { detail: CaseDetailResponse; onDone: CaseActionDone }): JSX.Element | null {
  const { session } = useAgency();
  const mayHold = session.user.role !== 'handler';
  // Assigning is the holding organization's supervisors' business; stepping aside, the assignee's.
  const mayAssign = session.user.role === 'supervisor' && detail.organization.id === session.user.organizationId;
  const assignedToMe = detail.assignee === session.user.username;
  if (detail.status === 'closed')
    return mayHold ? (
      <>
        <HoldForm detail={detail} onDone={onDone} />
        <ExportCase detail={detail} onDone={onDone} />
      </>
    ) : null;
  return (
    <>
      {mayAssign ? <AssignForm detail={detail} onDone={onDone} /> : null}
      {detail.status === 'received' ? <Acknowledge detail={detail} onDone={onDone} /> : null}
      {/* Keyed by status so the form starts again from the new status's choices. */}
      <StatusForm key={detail.status} detail={detail} onDone={onDone} />
      <MessageForm detail={detail} onDone={onDone} />
      {mayHold ? <TransferForm detail={detail} onDone={onDone} /> : null}
      {mayHold ? <HoldForm detail={detail} onDone={onDone} /> : null}
      {mayHold ? <ExportCase detail={detail} onDone={onDone} /> : null}
      {assignedToMe ? <ConflictForm detail={detail} onDone={onDone} /> : null}
    </>
  );
}
