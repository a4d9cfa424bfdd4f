// The case's evidence files. A download asks for a five-minute link (recorded in the audit trail), then lets the
// browser fetch it: the file is saved, never shown inside the console.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { type CaseDetailResponse, attachmentLinkResponse } from '#schemas/agency.js';
import { Notice } from '../shared/ErrorSummary.js';
import { formatSize } from '../shared/format.js';
import { useAgency } from './context.js';
import { failureText } from './labels.js';

export function Attachments({ detail, onDownloaded }: { detail: CaseDetailResponse; onDownloaded: () => void }): JSX.Element {
  const { t, call, language } = useAgency();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function download(attachmentId: string, name: string): Promise<void> {
    setFailure(null);
    setBusy(attachmentId);
    const result = await call(
      'GET',
      `/cases/${encodeURIComponent(detail.caseId)}/attachments/${encodeURIComponent(attachmentId)}`,
      attachmentLinkResponse,
    );
    setBusy(null);
    if (!result.ok) return setFailure(failureText(result, t));
    const link = document.createElement('a');
    link.href = result.data.url;
    link.download = name;
    link.rel = 'noopener noreferrer';
    link.click();
    onDownloaded();
  }

  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">{t('track.attachments')}</h2>
      {detail.attachments.length === 0 ? <p>{t('track.none')}</p> : null}
      <ul class="attachments">
        {detail.attachments.map((file) => (
          <li key={file.id}>
            <span class="user-text file-name">{file.name}</span> <span class="file-meta">({formatSize(file.size, language)})</span>{' '}
            <button type="button" class="secondary" disabled={busy === file.id} onClick={() => void download(file.id, file.name)}>
              {t('agency.case.download')}
              <span class="visually-hidden"> {file.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <Notice kind="error" text={failure} />
    </section>
  );
}
