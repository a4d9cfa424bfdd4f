// Supervisors and the oversight body place a legal hold on a case (a court, an investigation or an audit needs it
// kept past its retention date), or lift it, with a reason kept as an internal note and an audit event
// (POST /cases/{caseId}/hold). Offered on closed cases too: that is when a hold matters, since only a closed case
// has a deletion date. The reporter is not told (docs/security.md, "Retention and deletion").
import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';
import { type CaseDetailResponse, legalHoldRequest } from '#schemas/agency.js';
import { useAgency } from '../context.js';
import type { CaseActionDone } from './outcome.js';
import { ReasonForm } from './ReasonForm.js';

export function HoldForm({ detail, onDone }: { detail: CaseDetailResponse; onDone: CaseActionDone }): JSX.Element {
  const { t } = useAgency();
  const held = detail.legalHold !== null;
  const action = held ? t('agency.hold.lift') : t('agency.hold.place');
  return (
    <ReasonForm
      detail={detail}
      onDone={onDone}
      action="hold"
      request={legalHoldRequest}
      body={(reason) => ({ held: !held, reason })}
      heading={action}
      hint={held ? t('agency.hold.liftHint') : t('agency.hold.placeHint')}
      label={t('agency.hold.reason')}
      submit={action}
      done={held ? 'agency.hold.lifted' : 'agency.hold.placed'}
      draft="holdReason"
      maxLength={LIMITS.legalHoldReason}
    />
  );
}
