// One click to confirm receipt of a newly received case, which stops the acknowledgement clock.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { type CaseDetailResponse, caseDetailResponse } from '#schemas/agency.js';
import { Notice } from '../../shared/ErrorSummary.js';
import { useAgency } from '../context.js';
import { actionFailure, type CaseActionDone, casePath } from './outcome.js';

export function Acknowledge({ detail, onDone }: { detail: CaseDetailResponse; onDone: CaseActionDone }): JSX.Element {
  const { t, call } = useAgency();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function acknowledge(): Promise<void> {
    setFailure(null);
    setBusy(true);
    const result = await call('PATCH', casePath(detail.caseId), caseDetailResponse, { status: 'acknowledged' });
    if (result.ok) await onDone('agency.action.saved', { updated: result.data });
    else setFailure(actionFailure(result, t).text);
    setBusy(false);
  }

  return (
    <div class="acknowledge">
      <button type="button" disabled={busy} onClick={() => void acknowledge()}>
        {t('agency.action.acknowledge')}
      </button>
      <Notice kind="error" text={failure} />
    </div>
  );
}
