import type { JSX } from 'preact';
import { EvidencePicker } from '../evidence/EvidencePicker.js';
import { usePortal } from '../context.js';
import type { StepProps } from './ReportWizard.js';
import { controlIdOf } from './steps.js';

export function EvidenceStep({ draft, update, errors, onBusy }: StepProps & { onBusy: (busy: boolean) => void }): JSX.Element {
  const { t } = usePortal();
  // The server's refusal of a file, by its place in the list when the report was sent (refusal.ts).
  const refused: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const at = /^uploadIds\.(\d+)$/.exec(path);
    const upload = at ? draft.uploads[Number(at[1])] : undefined;
    if (upload) refused[upload.uploadId] = message;
  }
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('report.attachment')}</h2>
      {errors.uploadIds ? <p class="error-text">{errors.uploadIds}</p> : null}
      <EvidencePicker
        id={controlIdOf('uploadIds')}
        hint={t('report.attachment.help')}
        uploaded={draft.uploads}
        onUploaded={(uploads) => update({ uploads })}
        onBusy={onBusy}
        refused={refused}
        removeIdPrefix={controlIdOf('uploadIds')}
      />
    </section>
  );
}
