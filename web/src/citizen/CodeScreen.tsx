// The one moment the tracking code is shown: grouped for reading aloud, with copy and save-as-file, and a plain
// warning that nobody can recover it. Until "I have saved my tracking code" is ticked, the code stays in this tab
// (keptCode.ts, held by CitizenApp), so a reload shows it again, and the browser asks before the tab is left.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { formatTrackingCode, normalizeTrackingCode } from '#contract/trackingCode.js';
import type { FiledReport } from './keptCode.js';
import { ReceiptActions } from './receipt/ReceiptActions.js';
import { Notice } from '../shared/ErrorSummary.js';
import { formatDate } from '../shared/format.js';
import { ScreenHeading } from '../shared/ScreenHeading.js';
import { usePortal } from './context.js';

export function CodeScreen({
  filed,
  saved,
  onSaved,
  onTrack,
}: {
  filed: FiledReport;
  saved: boolean;
  onSaved: (saved: boolean) => void;
  onTrack: () => void;
}): JSX.Element {
  const { t, config, language } = usePortal();
  const [copied, setCopied] = useState(false);
  const normalized = normalizeTrackingCode(filed.trackingCode);
  const grouped = normalized ? formatTrackingCode(normalized) : filed.trackingCode;
  const zone = config.country.timezone;

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(grouped);
      setCopied(true);
    } catch {
      // No clipboard permission (an insecure origin, an old browser): select the code so it can be copied by hand.
      const node = document.getElementById('tracking-code');
      if (node) getSelection()?.selectAllChildren(node);
    }
  }

  function download(): void {
    const text = [t('app.title'), '', t('code.fileIntro'), '', grouped, ''].join('\r\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'tracking-code.txt';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <>
      <ScreenHeading>{t('code.heading')}</ScreenHeading>
      <p class="warning" role="note">
        {t('code.warning')}
      </p>
      <p class="tracking-code-label" id="tracking-code-label">
        {t('track.code')}
      </p>
      <p class="tracking-code" id="tracking-code" translate={false}>
        {grouped}
      </p>
      <div class="actions">
        <button type="button" onClick={() => void copy()}>
          {t('code.copy')}
        </button>
        <button type="button" class="secondary" onClick={download}>
          {t('code.download')}
        </button>
      </div>
      <p class="hint">{t('code.download.shared')}</p>
      <Notice kind="success" text={copied ? t('code.copied') : null} />
      <dl class="facts">
        <dt>{t('code.routedTo')}</dt>
        <dd>{filed.organization.name}</dd>
        <dt>{t('code.acknowledgeBy')}</dt>
        <dd>{formatDate(filed.acknowledgeBy, language, zone)}</dd>
        <dt>{t('code.respondBy')}</dt>
        <dd>{formatDate(filed.respondBy, language, zone)}</dd>
      </dl>
      {/* The case number is the agency's: it opens nothing for the reporter, so it is not what they should save. */}
      <p class="hint case-number">
        {t('code.caseId')}: <span translate={false}>{filed.caseId}</span>. {t('code.caseId.note')}
      </p>
      {filed.receipt ? <ReceiptActions receipt={filed.receipt} authorshipSecret={filed.authorshipSecret} /> : null}
      <div class="choice">
        <input type="checkbox" id="code-saved" checked={saved} onChange={(event) => onSaved((event.target as HTMLInputElement).checked)} />
        <label for="code-saved">{t('code.saved')}</label>
      </div>
      <div class="actions">
        <button type="button" disabled={!saved} onClick={onTrack}>
          {t('code.track')}
        </button>
      </div>
    </>
  );
}
