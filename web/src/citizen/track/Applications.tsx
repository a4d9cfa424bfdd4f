// Protection and rewards on the status page (docs/applications.md): the reporter's applications with their status,
// deadline, decision and the messages both ways, and a form to apply for a kind the portal offers and they have not
// applied for yet. The form asks only for what the pack's law requires, and says who sees it: the deciding body,
// never the organization handling the report.
import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import {
  type ApplicationOffer,
  type ReporterApplication,
  applicationMessageRequest,
  applyRequest,
  reporterApplication,
} from '#schemas/application.js';
import { createdMessageResponse } from '#schemas/track.js';
import { apiRequest } from '../../shared/api.js';
import { Notice } from '../../shared/ErrorSummary.js';
import { MessageComposer, type SendOutcome } from '../../shared/MessageComposer.js';
import { Choice, ChoiceGroup, Field } from '../../shared/Field.js';
import { formatDate } from '../../shared/format.js';
import { detailErrors, fieldErrors } from '../../shared/validation.js';
import { usePortal } from '../context.js';

type IdentityField = ApplicationOffer['identityFields'][number];

export function Applications({
  code,
  offer,
  applications,
  handledBy,
  onChanged,
}: {
  code: string;
  offer: ApplicationOffer;
  applications: ReporterApplication[];
  handledBy: string;
  onChanged: () => void;
}): JSX.Element {
  const { t } = usePortal();
  const open = offer.kinds.filter((k) => !applications.some((a) => a.kind === k.kind));
  return (
    <section aria-labelledby="applications-heading">
      <h2 id="applications-heading">{t('apply.heading')}</h2>
      {applications.map((application) => (
        <ApplicationView key={application.applicationId} code={code} application={application} onChanged={onChanged} />
      ))}
      {open.length > 0 ? <ApplyForm code={code} offer={offer} kinds={open} handledBy={handledBy} onApplied={onChanged} /> : null}
    </section>
  );
}

function ApplicationView({
  code,
  application,
  onChanged,
}: {
  code: string;
  application: ReporterApplication;
  onChanged: () => void;
}): JSX.Element {
  const { t, language, config } = usePortal();
  const zone = config.country.timezone;
  const decided = application.status === 'granted' || application.status === 'refused';
  return (
    <article class="application" aria-labelledby={`application-${application.kind}`}>
      <h3 id={`application-${application.kind}`}>{t(`apply.kind.${application.kind}`)}</h3>
      <dl class="facts">
        <dt>{t('track.status')}</dt>
        <dd>
          <strong class="status">{t(`apply.status.${application.status}`)}</strong>
          {application.overdue ? <span class="badge badge-overdue"> {t('track.overdue')}</span> : null}
        </dd>
        <dt>{t('apply.decidingBody')}</dt>
        <dd>{application.decidingBody.name}</dd>
        <dt>{t('track.createdAt')}</dt>
        <dd>{formatDate(application.filedAt, language, zone)}</dd>
        <dt>{t('apply.decideBy')}</dt>
        <dd>{formatDate(application.decideBy, language, zone)}</dd>
        {decided && application.decidedAt ? (
          <>
            <dt>{t('apply.decidedAt')}</dt>
            <dd>{formatDate(application.decidedAt, language, zone)}</dd>
            <dt>{t('apply.decision')}</dt>
            <dd class="decision-note">{application.decisionNote}</dd>
          </>
        ) : null}
        <dt>{t('apply.legalBasis')}</dt>
        <dd>{application.legalBasis}</dd>
      </dl>
      {application.messages.length > 0 ? (
        <ol class="messages">
          {application.messages.map((message) => (
            <li key={message.id} class={message.from === 'applicant' ? 'from-whistleblower' : 'from-agency'}>
              <p class="message-meta">
                {t('track.messageFrom', {
                  from: message.from === 'applicant' ? t('track.fromYou') : application.decidingBody.name,
                  at: formatDate(message.at, language, zone, true),
                })}
              </p>
              <p class="user-text">{message.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      <ApplicantReply code={code} application={application} onSent={onChanged} />
    </article>
  );
}

function ApplicantReply({
  code,
  application,
  onSent,
}: {
  code: string;
  application: ReporterApplication;
  onSent: () => void;
}): JSX.Element {
  const { t } = usePortal();
  async function send(body: string): Promise<SendOutcome> {
    const checked = applicationMessageRequest.safeParse({ trackingCode: code, kind: application.kind, body }, { reportInput: true });
    if (!checked.success) return { sent: false, fieldError: fieldErrors(checked.error, t).body ?? t('validation.invalid') };
    const result = await apiRequest('POST', '/track/applications/messages', createdMessageResponse, checked.data);
    if (!result.ok) return { sent: false, notice: { kind: 'error', text: failureText(result.status, result.error?.message, t) } };
    onSent();
    return { sent: true, notice: { kind: 'success', text: t('track.replySent') } };
  }
  return (
    <MessageComposer
      id={`application-reply-${application.kind}`}
      label={t('apply.message', { body: application.decidingBody.name })}
      sendLabel={t('common.send')}
      rows={3}
      secondary
      send={send}
    />
  );
}

function ApplyForm({
  code,
  offer,
  kinds,
  handledBy,
  onApplied,
}: {
  code: string;
  offer: ApplicationOffer;
  kinds: ApplicationOffer['kinds'];
  handledBy: string;
  onApplied: () => void;
}): JSX.Element {
  const { t, language } = usePortal();
  const [kind, setKind] = useState<string>(kinds.length === 1 ? kinds[0]!.kind : '');
  const [identity, setIdentity] = useState<Partial<Record<IdentityField, string>>>({});
  const [statement, setStatement] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = kinds.find((k) => k.kind === kind);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setNotice(null);
    const given = Object.fromEntries(Object.entries(identity).filter(([, v]) => v && v.trim() !== ''));
    const request = { trackingCode: code, kind: kind || undefined, identity: given, statement, language };
    const checked = applyRequest.safeParse(request, { reportInput: true });
    const found: Record<string, string> = checked.success ? {} : fieldErrors(checked.error, t);
    for (const field of offer.identityFields) if (!given[field]) found[`identity.${field}`] ??= t('validation.required');
    if (!kind) found.kind = t('validation.choose');
    if (Object.keys(found).length > 0 || !checked.success) {
      setErrors(found);
      const first = Object.keys(found)[0];
      document.getElementById(first === 'kind' ? 'apply-kind' : `apply-${first?.replace('identity.', '')}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await apiRequest('POST', '/track/applications', reporterApplication, checked.data);
    setBusy(false);
    if (result.ok) {
      setNotice({ kind: 'success', text: t('apply.sent') });
      onApplied();
      return;
    }
    if (result.status === 400) setErrors(detailErrors(result.error?.details, t));
    setNotice({ kind: 'error', text: failureText(result.status, result.error?.message, t) });
  }

  const input = (field: IdentityField) => (
    <Field key={field} id={`apply-${field}`} label={t(`apply.${field}`)} error={errors[`identity.${field}`]}>
      {(control) => (
        <input
          {...control}
          type={field === 'dateOfBirth' ? 'date' : field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
          autoComplete={AUTOCOMPLETE[field]}
          maxLength={field === 'address' ? LIMITS.address : LIMITS.contactName}
          value={identity[field] ?? ''}
          onInput={(event) => setIdentity({ ...identity, [field]: (event.target as HTMLInputElement).value })}
        />
      )}
    </Field>
  );

  return (
    <form noValidate class="apply-form" onSubmit={(event) => void submit(event)}>
      <h3>{t('apply.new')}</h3>
      <p>{t('apply.intro', { body: offer.decidingBody.name, organization: handledBy })}</p>
      <ChoiceGroup id="apply-kind" legend={t('apply.kind')} error={errors.kind}>
        {kinds.map((k, i) => (
          <Choice
            key={k.kind}
            name="apply-kind"
            id={`apply-kind-${i}`}
            checked={kind === k.kind}
            onChange={() => setKind(k.kind)}
            label={t(`apply.kind.${k.kind}`)}
          />
        ))}
      </ChoiceGroup>
      {chosen ? (
        <dl class="facts">
          <dt>{t('apply.legalBasis')}</dt>
          <dd>{chosen.legalBasis}</dd>
          <dt>{t('apply.decideDays')}</dt>
          <dd>{t('common.days', { count: chosen.decideDays })}</dd>
        </dl>
      ) : null}
      <h4>{t('apply.identity', { body: offer.decidingBody.name })}</h4>
      {offer.identityFields.map(input)}
      <Field id="apply-statement" label={t('apply.statement')} error={errors.statement}>
        {(control) => (
          <textarea
            {...control}
            rows={6}
            maxLength={LIMITS.applicationStatement}
            value={statement}
            onInput={(event) => setStatement((event.target as HTMLTextAreaElement).value)}
          />
        )}
      </Field>
      <Notice kind={notice?.kind ?? 'success'} text={notice?.text ?? null} />
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('apply.submit')}
        </button>
      </div>
    </form>
  );
}

const AUTOCOMPLETE: Record<IdentityField, string> = {
  name: 'name',
  dateOfBirth: 'bday',
  address: 'street-address',
  email: 'email',
  phone: 'tel',
};

function failureText(status: number, message: string | undefined, t: ReturnType<typeof usePortal>['t']): string {
  if (status === 429) return t('error.rateLimited');
  if (status === 0) return t('error.network');
  if (status === 503) return t('error.unavailable');
  return message ?? t('error.generic');
}
