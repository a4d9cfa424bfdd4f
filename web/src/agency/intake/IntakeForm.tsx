// "Take a report": one form for a report given by phone, by post or in person, with the fields of the citizen's
// wizard worded for the staff member who types it (docs/assisted-intake.md). Nothing is uploaded and the server makes
// the tracking code. Filing is not idempotent (the code is the server's), so an answer that never came is said to
// be unknown, with where to look before filing again.
import { LIMITS } from '#contract/limits.js';
import { UNSURE_ORGANIZATION_ID } from '#contract/routing.js';
import { ASSISTED_CHANNELS } from '#contract/intakeChannel.js';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { type AssistedReportResponse, assistedReportResponse } from '#schemas/intake.js';
import { currencyChoices, currencyLabel } from '../../citizen/report/amount.js';
import { ErrorSummary, Notice } from '../../shared/ErrorSummary.js';
import { Choice, ChoiceGroup, Field } from '../../shared/Field.js';
import { type FieldErrors, fieldErrors } from '../../shared/validation.js';
import { actionFailure } from '../actions/outcome.js';
import { useAgency } from '../context.js';
import { organizationName } from '../labels.js';
import { OrganizationSearchField, useOrganizationSearch } from '../OrganizationSearch.js';
import { type IntakeDraft, checkIntake, emptyIntakeDraft } from './intakeDraft.js';

/** Each request field's control, for the error summary's links, in the form's order. */
const IDS: Record<string, string> = {
  channel: 'intake-channel',
  language: 'intake-language',
  category: 'intake-category',
  organizationId: 'intake-organization',
  subjectIsHead: 'intake-subjectIsHead',
  title: 'intake-title',
  description: 'intake-description',
  occurredOn: 'intake-occurredOn',
  location: 'intake-location',
  amount: 'intake-amount',
  'amount.value': 'intake-amount',
  'amount.currency': 'intake-currency',
  anonymity: 'intake-anonymity',
  contact: 'intake-contact',
  'contact.name': 'intake-contact-name',
  'contact.email': 'intake-contact-email',
  'contact.phone': 'intake-contact-phone',
};
const today = () => new Date().toISOString().slice(0, 10);

export function IntakeForm({ onFiled }: { onFiled: (filed: AssistedReportResponse, channel: string) => void }): JSX.Element {
  const { t, call, config, language } = useAgency();
  const [draft, setDraft] = useState<IntakeDraft>(() =>
    emptyIntakeDraft(config.languages.includes(language) ? language : config.languages[0]!, config.country.currency),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (change: Partial<IntakeDraft>) => setDraft((current) => ({ ...current, ...change }));
  const text = (key: 'title' | 'description' | 'occurredOn' | 'location' | 'amountValue') => (event: Event) =>
    update({ [key]: (event.target as HTMLInputElement).value });
  const contact = (key: 'name' | 'email' | 'phone') => (event: Event) =>
    update({ contact: { ...draft.contact, [key]: (event.target as HTMLInputElement).value } });

  const search = useOrganizationSearch(config.organizations, draft.organizationId);
  const optional = t('common.optional');

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const checked = checkIntake(draft, config.languages);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error, t));
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await call('POST', '/intake', assistedReportResponse, checked.data);
    setBusy(false);
    if (result.ok) return onFiled(result.data, checked.data.channel);
    const failed = actionFailure(result, t);
    setErrors(failed.fields);
    // No answer, or a failure after the request left: it may have been filed.
    setFailure(result.status === 0 || result.status >= 500 ? `${failed.text} ${t('agency.intake.unconfirmed')}` : failed.text);
  }

  const labels: Record<string, string> = {
    channel: t('agency.intake.channel'),
    language: t('agency.intake.language'),
    category: t('report.category'),
    organizationId: t('agency.case.reportedOrganization'),
    subjectIsHead: t('agency.case.subjectIsHead'),
    title: t('report.title'),
    description: t('agency.intake.description'),
    occurredOn: t('agency.case.occurredOn'),
    location: t('agency.case.location'),
    amount: t('report.amount'),
    'amount.value': t('report.amount'),
    'amount.currency': t('report.currency'),
    anonymity: t('agency.intake.anonymity'),
    contact: t('report.anonymity.confidential'),
    'contact.name': t('agency.contact.name'),
    'contact.email': t('agency.contact.email'),
    'contact.phone': t('agency.contact.phone'),
  };
  // In the form's order, which is not the schema's.
  const place = (path: string) => (path in IDS ? Object.keys(IDS).indexOf(path) : Number.MAX_SAFE_INTEGER);
  const summary = Object.entries(errors)
    .sort(([a], [b]) => place(a) - place(b))
    .map(([path, message]) => ({
      fieldId: IDS[path] ?? IDS.channel!,
      label: labels[path] ?? path,
      message,
    }));

  return (
    <form class="intake-form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary heading={t('validation.summary')} items={summary} />
      <ChoiceGroup id={IDS.channel!} legend={labels.channel!} error={errors.channel}>
        {ASSISTED_CHANNELS.map((channel) => (
          <Choice
            key={channel}
            name="intake-channel"
            id={`intake-channel-${channel}`}
            checked={draft.channel === channel}
            onChange={() => update({ channel })}
            label={t(`agency.intake.channel.${channel}`)}
          />
        ))}
      </ChoiceGroup>
      <Field id={IDS.language!} label={labels.language!} error={errors.language}>
        {(control) => (
          <select {...control} value={draft.language} onChange={(event) => update({ language: (event.target as HTMLSelectElement).value })}>
            {config.languages.map((code) => (
              <option key={code} value={code}>
                {config.languageNames[code] ?? code}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ChoiceGroup id={IDS.category!} legend={labels.category!} error={errors.category}>
        {config.categories.map((category) => (
          <Choice
            key={category.id}
            name="intake-category"
            id={`intake-category-${category.id}`}
            checked={draft.category === category.id}
            onChange={() => update({ category: category.id })}
            label={category.name}
            help={category.description}
          />
        ))}
      </ChoiceGroup>
      <OrganizationSearchField id="intake-organization-search" search={search} />
      <ChoiceGroup id={IDS.organizationId!} legend={labels.organizationId!} error={errors.organizationId}>
        {search.options.map((o) => (
          <Choice
            key={o.id}
            name="intake-organization"
            id={`intake-organization-${o.id}`}
            checked={draft.organizationId === o.id}
            onChange={() => update({ organizationId: o.id })}
            label={o.name}
            help={o.parentId ? organizationName(config, o.parentId) : undefined}
          />
        ))}
        <Choice
          name="intake-organization"
          id="intake-organization-unsure"
          checked={draft.organizationId === UNSURE_ORGANIZATION_ID}
          onChange={() => update({ organizationId: UNSURE_ORGANIZATION_ID })}
          label={t('agency.intake.organizationUnsure')}
        />
      </ChoiceGroup>
      <Choice
        type="checkbox"
        name="intake-subjectIsHead"
        id={IDS.subjectIsHead!}
        checked={draft.subjectIsHead}
        onChange={() => update({ subjectIsHead: !draft.subjectIsHead })}
        label={labels.subjectIsHead!}
        help={t('report.subjectIsHead.help')}
      />
      <Field id={IDS.title!} label={labels.title!} error={errors.title}>
        {(control) => <input {...control} type="text" maxLength={LIMITS.title} value={draft.title} onInput={text('title')} />}
      </Field>
      <Field id={IDS.description!} label={labels.description!} error={errors.description}>
        {(control) => <textarea {...control} rows={10} value={draft.description} onInput={text('description')} />}
      </Field>
      <Field id={IDS.occurredOn!} label={labels.occurredOn!} optionalLabel={optional} error={errors.occurredOn}>
        {(control) => <input {...control} type="date" max={today()} value={draft.occurredOn} onInput={text('occurredOn')} />}
      </Field>
      <Choice
        type="checkbox"
        name="intake-occurredApproximately"
        id="intake-occurredApproximately"
        checked={draft.occurredApproximately}
        onChange={() => update({ occurredApproximately: !draft.occurredApproximately })}
        label={t('agency.intake.approximate')}
      />
      <Field id={IDS.location!} label={labels.location!} optionalLabel={optional} error={errors.location}>
        {(control) => <input {...control} type="text" maxLength={LIMITS.location} value={draft.location} onInput={text('location')} />}
      </Field>
      <div class="intake-amount">
        <Field id={IDS.amount!} label={labels.amount!} optionalLabel={optional} error={errors.amount ?? errors['amount.value']}>
          {(control) => <input {...control} type="text" inputMode="decimal" value={draft.amountValue} onInput={text('amountValue')} />}
        </Field>
        <Field id={IDS['amount.currency']!} label={labels['amount.currency']!} error={errors['amount.currency']}>
          {(control) => (
            <select
              {...control}
              value={draft.currency}
              onChange={(event) => update({ currency: (event.target as HTMLSelectElement).value })}
            >
              {currencyChoices(config.country.currency).map((code) => (
                <option key={code} value={code}>
                  {currencyLabel(code, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ChoiceGroup id={IDS.anonymity!} legend={labels.anonymity!} error={errors.anonymity}>
        <Choice
          name="intake-anonymity"
          id="intake-anonymity-anonymous"
          checked={draft.anonymity === 'anonymous'}
          onChange={() => update({ anonymity: 'anonymous' })}
          label={t('report.anonymity.anonymous')}
          help={t('agency.intake.anonymous.help')}
        />
        <Choice
          name="intake-anonymity"
          id="intake-anonymity-confidential"
          checked={draft.anonymity === 'confidential'}
          onChange={() => update({ anonymity: 'confidential' })}
          label={t('report.anonymity.confidential')}
          help={t('agency.intake.confidential.help')}
        />
      </ChoiceGroup>
      {draft.anonymity === 'confidential' ? (
        <ChoiceGroup id={IDS.contact!} legend={labels.contact!} hint={t('agency.intake.contact.help')} error={errors.contact}>
          <Field id={IDS['contact.name']!} label={labels['contact.name']!} optionalLabel={optional} error={errors['contact.name']}>
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="off"
                maxLength={LIMITS.contactName}
                value={draft.contact.name}
                onInput={contact('name')}
              />
            )}
          </Field>
          <Field id={IDS['contact.email']!} label={labels['contact.email']!} optionalLabel={optional} error={errors['contact.email']}>
            {(control) => (
              <input
                {...control}
                type="email"
                autoComplete="off"
                maxLength={LIMITS.email}
                value={draft.contact.email}
                onInput={contact('email')}
              />
            )}
          </Field>
          <Field id={IDS['contact.phone']!} label={labels['contact.phone']!} optionalLabel={optional} error={errors['contact.phone']}>
            {(control) => (
              <input
                {...control}
                type="tel"
                autoComplete="off"
                maxLength={LIMITS.phone}
                value={draft.contact.phone}
                onInput={contact('phone')}
              />
            )}
          </Field>
        </ChoiceGroup>
      ) : null}
      <Notice kind="error" text={failure} />
      <p class="visually-hidden" role="status">
        {busy ? t('agency.intake.submitting') : ''}
      </p>
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('agency.intake.submit')}
        </button>
      </div>
    </form>
  );
}
