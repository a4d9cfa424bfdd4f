// The report, one question at a time: type, organization, details, identity, evidence, review. Each step is
// checked with the API's schema before moving on and is its own address (#/report/details), so the browser's Back
// and Forward move between steps; the whole draft stays in this tab's sessionStorage.
import type { FiledReport } from '../keptCode.js';
import { authorCommitmentOf } from '#contract/authorship.js';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { submitReportResponse } from '#schemas/report.js';
import { apiRequest } from '../../shared/api.js';
import { navigate } from '../../shared/route.js';
import { ErrorSummary, Notice, type SummaryItem } from '../../shared/ErrorSummary.js';
import { ScreenHeading } from '../../shared/ScreenHeading.js';
import { type FieldErrors, fieldErrors } from '../../shared/validation.js';
import { usePortal } from '../context.js';
import { CategoryStep } from './CategoryStep.js';
import { DetailsStep } from './DetailsStep.js';
import { currencyChoices, formatAmount } from './amount.js';
import { discardDraft, loadDraft, proposeTrackingCode, type ReportDraft, saveDraft } from './draft.js';
import { EvidenceStep } from './EvidenceStep.js';
import { IdentityStep } from './IdentityStep.js';
import { OrganizationStep } from './OrganizationStep.js';
import { isDefiniteRefusal, readRefusal } from './refusal.js';
import { checkReport, reportRequestFrom } from './reportRequest.js';
import { ReviewStep } from './ReviewStep.js';
import { controlIdOf, STEPS, stepOfField } from './steps.js';

export interface StepProps {
  draft: ReportDraft;
  update: (change: Partial<ReportDraft>) => void;
  errors: FieldErrors;
}

/** The amount shown in "write it like this" (5,000,000 in the reader's notation and currency). */
const AMOUNT_EXAMPLE = 5_000_000;

type Sending = { state: 'idle' } | { state: 'sending' } | { state: 'failed'; message: string; inDoubt: boolean };

export function ReportWizard({
  stepId,
  onFiled,
}: {
  /** The step named in the address (#/report/details); each step is a history entry, so Back and Forward move between them. */
  stepId: string | undefined;
  onFiled: (answer: FiledReport) => void;
}): JSX.Element {
  const { t, language, config } = usePortal();
  const [draft, setDraft] = useState<ReportDraft>(() => loadDraft(config.country.currency, currencyChoices(config.country.currency)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [uploading, setUploading] = useState(false);
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  const languages = [language, ...config.languages];

  useEffect(() => saveDraft(draft), [draft]);

  const update = (change: Partial<ReportDraft>) => {
    // A file removed or added: the server's refusals named files by their place in the list, which has changed.
    if (change.uploads) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([path]) => !path.startsWith('uploadIds'))));
    setDraft((d) => ({ ...d, ...change }));
  };
  const locked = draft.sentLanguage !== null;

  /** Errors of the fields the given steps own, from the API's schema plus the questions it cannot see. */
  function problemsUpTo(lastStep: number): FieldErrors {
    const result = checkReport(draft, language, languages);
    const all: FieldErrors = result.success ? {} : fieldErrors(result.error, t);
    if (draft.subjectIsHead === null) all.subjectIsHead = t('validation.choose');
    if (uploading) all.uploadIds = t('report.attachment.pending');
    if (draft.amountValue.trim() && (all['amount.value'] || all.amount)) {
      delete all['amount.value'];
      all.amount = t('validation.amountFormat', { example: formatAmount(AMOUNT_EXAMPLE, draft.currency, language) });
    }
    return Object.fromEntries(Object.entries(all).filter(([path]) => stepOfField(path) <= lastStep));
  }

  // The step shown: the address's, but never past the first step still unanswered (an old address, a Forward after
  // the draft was sent), and the review while a sent report awaits its answer.
  const firstOpen = Math.min(STEPS.length - 1, ...Object.keys(problemsUpTo(STEPS.length - 2)).map(stepOfField));
  const asked = STEPS.findIndex((s) => s.id === stepId);
  const index = locked ? STEPS.length - 1 : Math.min(asked === -1 ? draft.step : asked, firstOpen);
  const step = STEPS[index]!;

  useEffect(() => {
    if (asked !== index) navigate(`report/${step.id}`, { replace: true });
    if (draft.step !== index) setDraft((d) => ({ ...d, step: index }));
  }, [asked, index]);

  /** Moves to a step as a new history entry, with the problems to show there. */
  function show(target: number, problems: FieldErrors = {}): void {
    setErrors(problems);
    if (!locked) setSending({ state: 'idle' });
    if (target !== index) navigate(`report/${STEPS[target]!.id}`);
  }

  function next(): void {
    const problems = problemsUpTo(index);
    const first = Object.keys(problems)
      .map(stepOfField)
      .sort((a, b) => a - b)[0];
    show(first ?? index + 1, first === undefined ? {} : problems);
  }

  async function submit(): Promise<void> {
    const problems = problemsUpTo(STEPS.length - 1);
    if (Object.keys(problems).length) {
      show(Math.min(...Object.keys(problems).map(stepOfField)), problems);
      return;
    }
    // From now until an answer arrives the content is frozen: a retry must send exactly the same report.
    const sent: ReportDraft = { ...draft, sentLanguage: draft.sentLanguage ?? language };
    setDraft(sent);
    saveDraft(sent);
    setSending({ state: 'sending' });
    const result = await apiRequest('POST', '/reports', submitReportResponse, {
      ...(reportRequestFrom(sent, language, languages) as Record<string, unknown>),
      authorCommitment: await authorCommitmentOf(sent.authorshipSecret),
    });
    if (result.ok) {
      discardDraft();
      onFiled({ ...result.data, authorshipSecret: sent.authorshipSecret });
      return;
    }
    if (isDefiniteRefusal(result.status)) {
      // Refused outright, so nothing was filed: the form opens again where the problem can be fixed.
      const refusal = readRefusal(result.status, result.error, sent, t);
      const target = Math.min(STEPS.length - 1, ...Object.keys(refusal.errors).map(stepOfField));
      const reopened: ReportDraft = { ...sent, sentLanguage: null, step: target };
      if (refusal.newCode) reopened.trackingCode = proposeTrackingCode();
      setDraft(reopened);
      saveDraft(reopened);
      setErrors(refusal.errors);
      setSending({ state: 'failed', message: t('report.refused'), inDoubt: false });
      navigate(`report/${STEPS[target]!.id}`);
      return;
    }
    const reason = result.status === 0 ? t('error.network') : result.status === 429 ? t('error.rateLimited') : t('error.unavailable');
    setSending({ state: 'failed', message: `${reason} ${t('report.retry')}`, inDoubt: true });
  }

  const summary: SummaryItem[] = Object.entries(errors)
    .filter(([path]) => stepOfField(path) === index || step.id === 'review')
    .map(([path, message]) => ({ fieldId: controlIdOf(path), label: fieldLabel(path, t), message }));
  const props: StepProps = { draft, update, errors };

  return (
    <div class="wizard">
      <p class="step-count">{t('wizard.step', { step: index + 1, total: STEPS.length })}</p>
      <ol class="steps" aria-label={t('report.heading')}>
        {STEPS.map((s, i) => (
          <li key={s.id} aria-current={i === index ? 'step' : undefined} class={i < index ? 'done' : undefined}>
            {t(s.title)}
          </li>
        ))}
      </ol>
      <ScreenHeading focusKey={step.id}>{t(step.title)}</ScreenHeading>
      {index === 0 ? <p>{t('report.intro')}</p> : null}
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
        {step.id === 'review' ? <ReviewStep {...props} locked={locked} onEdit={(target) => show(target)} /> : null}
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
          {index > 0 && !(step.id === 'review' && locked) ? (
            <button type="button" class="secondary" onClick={() => show(index - 1)}>
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
  // "uploadIds.2" is a file of the evidence step; its message names the file.
  const field = path.replace(/\.\d+$/, '');
  return labels[field] ? t(labels[field]) : field;
}
