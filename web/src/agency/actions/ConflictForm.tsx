// The staff member assigned the case declares a conflict of interest and steps aside (POST /cases/{caseId}/conflict):
// the case returns to the supervisors, the reason is kept as an internal note, and they are never assigned it again.
import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';
import { type CaseDetailResponse, conflictDeclaration } from '#schemas/agency.js';
import { useAgency } from '../context.js';
import type { CaseActionDone } from './outcome.js';
import { ReasonForm } from './ReasonForm.js';

export function ConflictForm({ detail, onDone }: { detail: CaseDetailResponse; onDone: CaseActionDone }): JSX.Element {
  const { t } = useAgency();
  return (
    <ReasonForm
      detail={detail}
      onDone={onDone}
      action="conflict"
      request={conflictDeclaration}
      body={(reason) => ({ reason })}
      heading={t('agency.assign.conflictHeading')}
      hint={t('agency.assign.conflictHint')}
      label={t('agency.assign.conflictReason')}
      submit={t('agency.assign.conflictSubmit')}
      done="agency.assign.conflictDone"
      draft="conflictReason"
      maxLength={LIMITS.transferReason}
      buttonClass="secondary"
    />
  );
}
