// Everything the reporter is about to send, with a way back to each part, before the one irreversible step.
import { Fragment, type JSX } from 'preact';
import { UNSURE_ORGANIZATION_ID } from '#contract/routing.js';
import type { UiStringKey } from '#schemas/uiStrings.js';
import { formatOccurred, formatSize } from '../../shared/format.js';
import { usePortal } from '../context.js';
import type { StepProps } from './ReportWizard.js';
import { formatAmount, parseAmount } from './amount.js';
import { reportDestination } from './destination.js';
import { STEPS, type WizardStep } from './steps.js';

/** Each "Change" says what it changes, so a list of the page's buttons (or a screen reader's) tells them apart. */
const CHANGE: Record<Exclude<WizardStep['id'], 'review'>, UiStringKey> = {
  category: 'report.review.change.category',
  organization: 'report.review.change.organization',
  details: 'report.review.change.details',
  identity: 'report.review.change.identity',
  attachments: 'report.review.change.attachments',
};

export function ReviewStep({ draft, locked, onEdit }: StepProps & { locked: boolean; onEdit: (step: number) => void }): JSX.Element {
  const { t, config, language } = usePortal();
  const category = config.categories.find((c) => c.id === draft.category)?.name ?? draft.category;
  const organization =
    draft.organizationId === UNSURE_ORGANIZATION_ID
      ? t('report.organization.unsure')
      : (config.organizations.find((o) => o.id === draft.organizationId)?.name ?? draft.organizationId);
  const amount = draft.amountValue.trim() ? parseAmount(draft.amountValue, draft.currency, [language, ...config.languages]) : null;
  const destination = reportDestination(
    config,
    { category: draft.category, organizationId: draft.organizationId, subjectIsHead: draft.subjectIsHead === true, amount },
    t,
    language,
  );
  const contact = [draft.contact.name, draft.contact.email, draft.contact.phone].filter((v) => v.trim()).join(', ');
  const section = (stepId: keyof typeof CHANGE, rows: [string, string][]) => {
    const index = STEPS.findIndex((s) => s.id === stepId);
    return (
      <section class="review-section" aria-labelledby={`review-${stepId}`} key={stepId}>
        <div class="review-heading">
          <h2 id={`review-${stepId}`}>{t(STEPS[index]!.title)}</h2>
          {locked ? null : (
            <button type="button" class="link" onClick={() => onEdit(index)}>
              {t(CHANGE[stepId])}
            </button>
          )}
        </div>
        <dl class="facts">
          {rows
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <Fragment key={label}>
                <dt>{label}</dt>
                <dd class="user-text">{value}</dd>
              </Fragment>
            ))}
        </dl>
      </section>
    );
  };
  return (
    <>
      <p>{t('report.review.heading')}</p>
      {destination ? (
        <section class="review-section destination" aria-labelledby="review-destination">
          <h2 id="review-destination">{t('report.review.destination')}</h2>
          <p class="destination-name">{destination.organization}</p>
          <p>{destination.why}</p>
        </section>
      ) : null}
      {section('category', [[t('report.category'), category]])}
      {section('organization', [[t('report.organization'), organization]])}
      {section('details', [
        [t('report.title'), draft.title],
        [t('report.description'), draft.description],
        [
          t('report.occurredOn'),
          draft.occurredOn
            ? formatOccurred(draft.occurredOn, draft.occurredApproximately, language, (date) => t('report.occurredOn.about', { date }))
            : '',
        ],
        [t('report.location'), draft.location],
        [t('report.amount'), amount === null ? draft.amountValue : formatAmount(amount, draft.currency, language)],
      ])}
      {section('identity', [
        [t('report.subjectIsHead.question'), draft.subjectIsHead ? t('common.yes') : t('common.no')],
        [t('report.anonymity'), draft.anonymity === 'confidential' ? t('report.anonymity.confidential') : t('report.anonymity.anonymous')],
        [t('report.anonymity.confidential'), draft.anonymity === 'confidential' ? contact : ''],
      ])}
      {section('attachments', [
        [
          t('report.attachment'),
          draft.uploads.length
            ? draft.uploads.map((u) => `${u.name} (${formatSize(u.size, language)})`).join('\n')
            : t('report.attachment.none'),
        ],
      ])}
    </>
  );
}
