// Supervisors and the oversight body take the case file away as one signed ZIP (POST /cases/{caseId}/export,
// docs/case-export.md), to refer the case to an authority that has no access to the portal. The export is audited;
// the browser then fetches the ZIP through its five-minute link and saves it. The manifest's fingerprint stays on
// screen, to be given to the recipient by another channel.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { CaseDetailResponse } from '#schemas/agency.js';
import { caseExportResponse } from '#schemas/caseExport.js';
import { Notice } from '../../shared/ErrorSummary.js';
import { useAgency } from '../context.js';
import { actionFailure, type CaseActionDone, casePath } from './outcome.js';

export function ExportCase({ detail, onDone }: { detail: CaseDetailResponse; onDone: CaseActionDone }): JSX.Element {
  const { t, call } = useAgency();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [fingerprint, setFingerprint] = useState<string | null>(null);

  async function exportFile(): Promise<void> {
    setFailure(null);
    setBusy(true);
    const result = await call('POST', `${casePath(detail.caseId)}/export`, caseExportResponse);
    setBusy(false);
    if (!result.ok) return setFailure(actionFailure(result, t).text);
    const link = document.createElement('a');
    link.href = result.data.url;
    link.download = result.data.fileName;
    link.rel = 'noopener noreferrer';
    link.click();
    setFingerprint(result.data.manifestSha256);
    // The case is read again: its audit trail now shows the export.
    await onDone('agency.export.done');
  }

  return (
    <section class="case-action" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('agency.export.heading')}</h2>
      <p class="hint">{t('agency.export.hint')}</p>
      <div class="actions">
        <button type="button" class="secondary" disabled={busy} onClick={() => void exportFile()}>
          {t('agency.export.button')}
        </button>
      </div>
      {busy ? (
        <p class="loading" role="status">
          {t('agency.export.busy')}
        </p>
      ) : null}
      {fingerprint ? (
        <p class="export-fingerprint">
          {t('agency.export.fingerprint')}{' '}
          <code class="case-id" translate={false} data-export-fingerprint="">
            {fingerprint}
          </code>
        </p>
      ) : null}
      <Notice kind="error" text={failure} />
    </section>
  );
}
