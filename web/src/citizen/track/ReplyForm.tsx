// The whistleblower's answer to the agency, with more evidence if they have it (POST /track/messages).
import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { trackMessageRequest, createdMessageResponse } from '#schemas/track.js';
import { apiRequest } from '../../shared/api.js';
import { Notice } from '../../shared/ErrorSummary.js';
import { Field } from '../../shared/Field.js';
import { fieldErrors } from '../../shared/validation.js';
import { usePortal } from '../context.js';
import { EvidencePicker } from '../evidence/EvidencePicker.js';
import type { UploadedFile } from '../report/draft.js';

export function ReplyForm({ code, onSent }: { code: string; onSent: () => void }): JSX.Element {
  const { t } = usePortal();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [pickerKey, setPickerKey] = useState(0);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setNotice(null);
    if (uploading) return setNotice({ kind: 'error', text: t('report.attachment.pending') });
    const request = { trackingCode: code, body, uploadIds: files.map((f) => f.uploadId) };
    const checked = trackMessageRequest.safeParse(request, { reportInput: true });
    if (!checked.success) {
      setError(fieldErrors(checked.error, t).body ?? t('validation.invalid'));
      document.getElementById('reply-body')?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    const result = await apiRequest('POST', '/track/messages', createdMessageResponse, checked.data);
    setBusy(false);
    if (result.ok) {
      setBody('');
      setFiles([]);
      setPickerKey((k) => k + 1);
      setNotice({ kind: 'success', text: t('track.replySent') });
      onSent();
      return;
    }
    setNotice({
      kind: 'error',
      text:
        result.status === 429
          ? t('error.rateLimited')
          : result.status === 0
            ? t('error.network')
            : result.status === 503
              ? t('error.unavailable')
              : (result.error?.message ?? t('error.generic')),
    });
  }

  return (
    <section>
      <h2 id="reply-heading">{t('track.reply')}</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Field id="reply-body" label={t('track.reply')} error={error}>
          {(control) => (
            <textarea
              {...control}
              rows={6}
              maxLength={LIMITS.message}
              value={body}
              onInput={(event) => setBody((event.target as HTMLTextAreaElement).value)}
            />
          )}
        </Field>
        <h3>{t('track.addEvidence')}</h3>
        <EvidencePicker
          key={pickerKey}
          id="reply-files"
          hint={t('track.evidenceNote')}
          uploaded={files}
          onUploaded={setFiles}
          onBusy={setUploading}
        />
        <Notice kind={notice?.kind ?? 'success'} text={notice?.text ?? null} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('track.replySubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
