// The work a user can do on the case now: acknowledge a new case, change its status, message the reporter, and
// (supervisors and oversight) transfer it. A closed case takes no more actions.
import type { JSX } from 'preact';
import type { CaseDetailResponse } from '#schemas/agency.js';
import { useAgency } from '../context.js';
import { Acknowledge } from './Acknowledge.js';
import { MessageForm } from './MessageForm.js';
import type { CaseActionDone } from './outcome.js';
import { StatusForm } from './StatusForm.js';
import { TransferForm } from './TransferForm.js';

export function CaseActions({ detail, onDone }: { detail: CaseDetailResponse; onDone: CaseActionDone }): JSX.Element | null {
  const { session } = useAgency();
  if (detail.status === 'closed') return null;
  return (
    <>
      {detail.status === 'received' ? <Acknowledge detail={detail} onDone={onDone} /> : null}
      {/* Keyed by status so the form starts again from the new status's choices. */}
      <StatusForm key={detail.status} detail={detail} onDone={onDone} />
      <MessageForm detail={detail} onDone={onDone} />
      {session.user.role !== 'handler' ? <TransferForm detail={detail} onDone={onDone} /> : null}
    </>
  );
}
