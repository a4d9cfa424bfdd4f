// Choose evidence files and upload each at once, with its own progress bar, a retry when it fails and a remove
// button. Only files that reached storage are handed to the form (as upload ids); a failed one never blocks
// the others.
import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

import { formatSize } from '../../shared/format.js';
import { usePortal } from '../context.js';
import type { UploadedFile } from '../report/draft.js';
import { ACCEPT, examineFile } from './fileType.js';
import { requestSlots, sendFile } from './upload.js';

interface Pending {
  key: number;
  file: File;
  /** What its first bytes showed it to be (examineFile). */
  contentType: string;
  state: 'waiting' | 'uploading' | 'failed';
  progress: number;
}

export interface EvidencePickerProps {
  id: string;
  uploaded: UploadedFile[];
  onUploaded: (files: UploadedFile[]) => void;
  /** Tells the form whether files are still on their way (it waits for them before sending). */
  onBusy: (busy: boolean) => void;
  disabled?: boolean;
  hint: string;
  /** Why the server refused an uploaded file, by upload id (shown on the file's line). */
  refused?: Readonly<Record<string, string>>;
  /** The id prefix of each uploaded file's Remove button, so an error summary can link to it by the file's index. */
  removeIdPrefix?: string;
}

let nextKey = 1;

export function EvidencePicker({
  id,
  uploaded,
  onUploaded,
  onBusy,
  disabled,
  hint,
  refused = {},
  removeIdPrefix,
}: EvidencePickerProps): JSX.Element {
  const { t, language } = usePortal();
  const [pending, setPending] = useState<Pending[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const uploadedRef = useRef(uploaded);
  uploadedRef.current = uploaded;
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => onBusy(pending.length > 0), [pending.length]);

  const patch = (key: number, change: Partial<Pending>) => setPending((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  async function upload(items: Pending[]): Promise<void> {
    for (const item of items) patch(item.key, { state: 'uploading', progress: 0 });
    const slots = await requestSlots(items.map((i) => ({ name: i.file.name, size: i.file.size, contentType: i.contentType })));
    if (!slots.ok) {
      for (const item of items) patch(item.key, { state: 'failed' });
      return;
    }
    await Promise.all(
      items.map(async (item, index) => {
        const slot = slots.data.uploads[index]!;
        const sent = await sendFile(slot, item.file, (progress) => patch(item.key, { progress }));
        if (!sent) return patch(item.key, { state: 'failed' });
        setPending((list) => list.filter((p) => p.key !== item.key));
        const done: UploadedFile = {
          uploadId: slot.uploadId,
          name: item.file.name,
          size: item.file.size,
          contentType: item.contentType,
        };
        uploadedRef.current = [...uploadedRef.current, done];
        onUploaded(uploadedRef.current);
      }),
    );
  }

  async function choose(files: FileList | null): Promise<void> {
    if (!files?.length) return;
    const chosen = [...files];
    if (input.current) input.current.value = '';
    const room = LIMITS.attachmentsPerSubmission - uploaded.length - pending.length;
    const problems: string[] = [];
    if (chosen.length > room) problems.push(t('report.attachment.tooMany'));
    const accepted: Pending[] = [];
    for (const file of chosen.slice(0, Math.max(room, 0))) {
      const examined = await examineFile(file);
      if ('contentType' in examined)
        accepted.push({ key: nextKey++, file, contentType: examined.contentType, state: 'waiting', progress: 0 });
      else if (examined.problem === 'tooLarge') problems.push(t('report.attachment.tooLarge', { name: file.name }));
      else problems.push(t('report.attachment.typeRefused', { name: file.name }));
    }
    setProblem(problems.length ? problems.join(' ') : null);
    if (!accepted.length) return;
    setPending((list) => [...list, ...accepted]);
    void upload(accepted);
  }

  const remove = (uploadId: string) => onUploaded(uploaded.filter((u) => u.uploadId !== uploadId));

  return (
    <div class="evidence">
      <div class="field">
        <label for={id}>{t('report.attachment.add')}</label>
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
        {problem ? (
          <p class="error-text" id={`${id}-error`} role="alert">
            {problem}
          </p>
        ) : null}
        <input
          ref={input}
          id={id}
          type="file"
          multiple
          accept={ACCEPT}
          disabled={disabled || uploaded.length + pending.length >= LIMITS.attachmentsPerSubmission}
          aria-describedby={problem ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(event) => void choose((event.target as HTMLInputElement).files)}
        />
      </div>
      {uploaded.length + pending.length === 0 ? <p class="hint">{t('report.attachment.none')}</p> : null}
      <ul class="files" aria-live="polite">
        {uploaded.map((file, index) => (
          <li key={file.uploadId} class={refused[file.uploadId] ? 'file file-done file-refused' : 'file file-done'}>
            <span class="file-name">{file.name}</span>
            <span class="file-size">{formatSize(file.size, language)}</span>
            {refused[file.uploadId] ? (
              <span class="error-text file-problem">{refused[file.uploadId]}</span>
            ) : (
              <span class="file-state">{t('report.attachment.done')}</span>
            )}
            {disabled ? null : (
              <button
                type="button"
                class="secondary"
                id={removeIdPrefix ? `${removeIdPrefix}-${index}` : undefined}
                onClick={() => remove(file.uploadId)}
                aria-label={`${t('report.attachment.remove')}: ${file.name}`}
              >
                {t('report.attachment.remove')}
              </button>
            )}
          </li>
        ))}
        {pending.map((item) => (
          <li key={item.key} class={`file file-${item.state}`}>
            <span class="file-name">{item.file.name}</span>
            <span class="file-size">{formatSize(item.file.size, language)}</span>
            <progress
              max={100}
              value={Math.round(item.progress * 100)}
              aria-label={t('report.attachment.progress', { name: item.file.name })}
            />
            <span class="file-state">
              {item.state === 'failed'
                ? t('report.attachment.failed')
                : item.state === 'waiting'
                  ? t('report.attachment.waiting')
                  : `${Math.round(item.progress * 100)}%`}
            </span>
            {item.state === 'failed' ? (
              <>
                <button type="button" onClick={() => void upload([item])} aria-label={`${t('report.attachment.retry')}: ${item.file.name}`}>
                  {t('report.attachment.retry')}
                </button>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => setPending((list) => list.filter((p) => p.key !== item.key))}
                  aria-label={`${t('report.attachment.remove')}: ${item.file.name}`}
                >
                  {t('report.attachment.remove')}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
