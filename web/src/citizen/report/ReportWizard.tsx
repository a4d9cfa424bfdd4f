// The report, one question at a time: type, organization, details, identity, evidence, review. Each step is
// checked with the API's schema before moving on; the whole draft stays in this tab's sessionStorage.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type SubmitReportResponse, submitReportResponse } from '#schemas/report.js';
import { apiRequest } from '../../shared/api.js';
import { ErrorSummary, Notice, type SummaryItem } from '../../shared/ErrorSummary.js';
import { ScreenHeading } from '../../shared/ScreenHeading.js';
import { detailErrors, type FieldErrors, fieldErrors } from '../../shared/validation.js';
import { usePortal } from '../context.js';
import { CategoryStep } from './CategoryStep.js';
import { DetailsStep } from './DetailsStep.js';
import { discardDraft, loadDraft, type ReportDraft, saveDraft } from './draft.js';
import { EvidenceStep } from './EvidenceStep.js';
import { IdentityStep } from './IdentityStep.js';
import { OrganizationStep } from './OrganizationStep.js';
import { checkReport, reportRequestFrom } from './reportRequest.js';
import { ReviewStep } from './ReviewStep.js';
import { controlIdOf, STEPS, stepOfField } from './steps.js';

export interface StepProps {
  draft: ReportDraft;
  update: (change: Partial<ReportDraft>) => void;
  errors: FieldErrors;
}

type Sending = { state: 'idle' } | { state: 'sending' } | { state: 'failed'; message: string; inDoubt: boolean };

export function ReportWizard({ onFiled }: { onFiled: (answer: SubmitReportResponse) => void }): JSX.Element {
  const { t, language, config } = usePortal();
  const [draft, setDraft] = useState<ReportDraft>(() => loadDraft(config.country.currency));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [uploading, setUploading] = useState(false);
  const [sending, setSending] = useState<Sending>({ state: 'idle' });

  useEffect(() => saveDraft(draft), [draft]);

  const update = (change: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...change }));
  const step = STEPS[Math.min(draft.step, STEPS.length - 1)]!;
  const goTo = (index: number) => {
    setErrors({});
    update({ step: index });
  };

  /** Errors of the fields the given steps own, from the API's schema plus the questions it cannot see. */
  function problemsUpTo(lastStep: number): FieldErrors {
    const result = checkReport(draft, language);
    const all: FieldErrors = result.success ? {} : fieldErrors(result.error, t);
    if (draft.subjectIsHead === null) all.subjectIsHead = t('validation.choose');
    if (uploading) all.uploadIds = t('report.attachment.pending');
    return Object.fromEntries(Object.entries(all).filter(([path]) => stepOfField(path) <= lastStep));
  }

  function next(): void {
    const problems = problemsUpTo(draft.step);
    const first = Object.keys(problems)
      .map(stepOfField)
      .sort((a, b) => a - b)[0];
    if (first !== undefined) {
      setErrors(problems);
      if (first !== draft.step) update({ step: first });
      return;
    }
    goTo(draft.step + 1);
  }

  async function submit(): Promise<void> {
    const problems = problemsUpTo(STEPS.length - 1);
    if (Object.keys(problems).length) {
      setErrors(problems);
      update({ step: Math.min(...Object.keys(problems).map(stepOfField)) });
      return;
    }
    // From now until an answer arrives the content is frozen: a retry must send exactly the same report.
    const sent: ReportDraft = { ...draft, sentLanguage: draft.sentLanguage ?? language };
    setDraft(sent);
    saveDraft(sent);
    setSending({ state: 'sending' });
    const result = await apiRequest('POST', '/reports', submitReportResponse, reportRequestFrom(sent, language));
    if (result.ok) {
      discardDraft();
      onFiled(result.data);
      return;
    }
    if (result.status === 400) {
      // Refused outright, so nothing was filed: the reader may change anything again.
      const serverErrors = detailErrors(result.error?.details, t);
      setDraft({ ...sent, sentLanguage: null, step: Math.min(STEPS.length - 1, ...Object.keys(serverErrors).map(stepOfField)) });
      setErrors(serverErrors);
      setSending({ state: 'failed', message: t('error.validation'), inDoubt: false });
      return;
    }
    const reason =
      result.status === 0
        ? t('error.network')
        : result.status === 429
          ? t('error.rateLimited')
          : result.status === 503
            ? t('error.unavailable')
            : (result.error?.message ?? t('error.generic'));
    setSending({ state: 'failed', message: `${reason} ${t('report.retry')}`, inDoubt: result.status !== 409 });
  }

  const summary: SummaryItem[] = Object.entries(errors)
    .filter(([path]) => stepOfField(path) === draft.step || step.id === 'review')
    .map(([path, message]) => ({ fieldId: controlIdOf(path), label: fieldLabel(path, t), message }));
  const locked = draft.sentLanguage !== null;
  const props: StepProps = { draft, update, errors };

  return (
    <div class="wizard">
      <p class="step-count">{t('wizard.step', { step: draft.step + 1, total: STEPS.length })}</p>
      <ol class="steps" aria-label={t('report.heading')}>
        {STEPS.map((s, i) => (
          <li key={s.id} aria-current={i === draft.step ? 'step' : undefined} class={i < draft.step ? 'done' : undefined}>
            {t(s.title)}
          </li>
        ))}
      </ol>
      <ScreenHeading focusKey={step.id}>{t(step.title)}</ScreenHeading>
      {draft.step === 0 ? <p>{t('report.intro')}</p> : null}
      <ErrorSummary heading={t('validation.summary')} items={summary} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (step.id === 'review') void submit();
          else next();
        }}
      >
        {step.id === 'category' ? <CategoryStep {...props} /> : null}
        {step.id === 'organization' ? <OrganizationStep {...props} /> : null}
        {step.id === 'details' ? <DetailsStep {...props} /> : null}
        {step.id === 'identity' ? <IdentityStep {...props} /> : null}
        {step.id === 'attachments' ? <EvidenceStep {...props} onBusy={setUploading} /> : null}
        {step.id === 'review' ? <ReviewStep {...props} locked={locked} onEdit={goTo} /> : null}
        {sending.state === 'failed' ? (
          <Notice kind="error" text={sending.message} />
        ) : (
          <Notice
            kind="info"
            text={sending.state === 'sending' ? t('report.submitting') : locked && step.id === 'review' ? t('report.retry') : null}
          />
        )}
        <div class="actions">
          {step.id === 'review' ? (
            <button type="submit" disabled={sending.state === 'sending'}>
              {sending.state === 'failed' && sending.inDoubt ? t('report.attachment.retry') : t('report.submit')}
            </button>
          ) : (
            <button type="submit">{t('wizard.next')}</button>
          )}
          {draft.step > 0 && !(step.id === 'review' && locked) ? (
            <button type="button" class="secondary" onClick={() => goTo(draft.step - 1)}>
              {t('wizard.back')}
            </button>
          ) : null}
        </div>
        <p class="hint">{t('report.draftNote')}</p>
      </form>
    </div>
  );
}

function fieldLabel(path: string, t: ReturnType<typeof usePortal>['t']): string {
  const labels: Record<string, Parameters<typeof t>[0]> = {
    category: 'report.category',
    organizationId: 'report.organization',
    title: 'report.title',
    description: 'report.description',
    occurredOn: 'report.occurredOn',
    location: 'report.location',
    amount: 'report.amount',
    'amount.value': 'report.amount',
    'amount.currency': 'report.currency',
    subjectIsHead: 'report.subjectIsHead.question',
    anonymity: 'report.anonymity',
    contact: 'report.anonymity.confidential',
    'contact.name': 'report.contact.name',
    'contact.email': 'report.contact.email',
    'contact.phone': 'report.contact.phone',
    uploadIds: 'report.attachment',
  };
  return labels[path] ? t(labels[path]) : path;
}
