// One application, as its deciding body opens it (GET /applications/{id}; the opening is audited): the applicant's
// identity and statement, the linked case's facts, the messages both ways, a decision with the reasons the reporter
// will read, and the application's own audit trail with the server's check of it.
import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type ApplicationDetailResponse, applicationDetailResponse, decideApplicationRequest } from '#schemas/application.js';
import { agencyMessageRequest } from '#schemas/agency.js';
import { createdMessageResponse } from '#schemas/track.js';
import { Notice } from '../shared/ErrorSummary.js';
import { MessageComposer, type SendOutcome } from '../shared/MessageComposer.js';
import { Field } from '../shared/Field.js';
import { formatDate } from '../shared/format.js';
import { ScreenHeading } from '../shared/ScreenHeading.js';
import { useAgency } from './context.js';
import { AuditTrail } from './AuditTrail.js';
import { categoryName, failureText, organizationName } from './labels.js';

const path = (id: string) => `/applications/${encodeURIComponent(id)}`;

export function ApplicationView({ applicationId }: { applicationId: string }): JSX.Element {
  const { t, call } = useAgency();
  const [detail, setDetail] = useState<ApplicationDetailResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void call('GET', path(applicationId), applicationDetailResponse).then((result) => {
      if (!live) return;
      if (result.ok) setDetail(result.data);
      else setFailure(result.status === 404 ? t('agency.application.notFound') : failureText(result, t));
    });
    return () => {
      live = false;
    };
  }, [applicationId, version]);

  if (!detail) {
    return failure ? (
      <>
        <ScreenHeading>{t('agency.application')}</ScreenHeading>
        <Notice kind="error" text={failure} />
      </>
    ) : (
      <p class="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  return <ApplicationDetail detail={detail} onChanged={(next) => (next ? setDetail(next) : setVersion((v) => v + 1))} />;
}

function ApplicationDetail({
  detail,
  onChanged,
}: {
  detail: ApplicationDetailResponse;
  onChanged: (next?: ApplicationDetailResponse) => void;
}): JSX.Element {
  const { t, language, config } = useAgency();
  const zone = config.country.timezone;
  const decided = detail.status === 'granted' || detail.status === 'refused';
  const identity = detail.identity;
  return (
    <>
      <p>
        <a href="#/applications">{t('agency.applications')}</a>
      </p>
      <ScreenHeading>{`${t(`apply.kind.${detail.kind}`)} · ${detail.caseId}`}</ScreenHeading>
      <dl class="facts">
        <dt>{t('agency.col.status')}</dt>
        <dd>
          <strong>{t(`apply.status.${detail.status}`)}</strong>
          {detail.overdue ? <span class="badge badge-overdue"> {t('agency.overdue')}</span> : null}
        </dd>
        <dt>{t('agency.col.received')}</dt>
        <dd>{formatDate(detail.filedAt, language, zone)}</dd>
        <dt>{t('apply.decideBy')}</dt>
        <dd>{formatDate(detail.decideBy, language, zone)}</dd>
        <dt>{t('apply.legalBasis')}</dt>
        {/* In the console's language: the answer carries the pack's default language. */}
        <dd>{config.applications?.kinds.find((k) => k.kind === detail.kind)?.legalBasis ?? detail.legalBasis}</dd>
        {decided && detail.decisionNote ? (
          <>
            <dt>{t('apply.decision')}</dt>
            <dd class="user-text">{detail.decisionNote}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="applicant-heading">
        <h2 id="applicant-heading">{t('agency.application.applicant')}</h2>
        <dl class="facts applicant">
          <dt>{t('apply.name')}</dt>
          <dd>{identity.name}</dd>
          {identity.dateOfBirth ? (
            <>
              <dt>{t('apply.dateOfBirth')}</dt>
              <dd>{identity.dateOfBirth}</dd>
            </>
          ) : null}
          {identity.address ? (
            <>
              <dt>{t('apply.address')}</dt>
              <dd>{identity.address}</dd>
            </>
          ) : null}
          {identity.email ? (
            <>
              <dt>{t('apply.email')}</dt>
              <dd>{identity.email}</dd>
            </>
          ) : null}
          {identity.phone ? (
            <>
              <dt>{t('apply.phone')}</dt>
              <dd>{identity.phone}</dd>
            </>
          ) : null}
        </dl>
        <h3>{t('apply.statement')}</h3>
        <p class="user-text">{detail.statement}</p>
      </section>

      <section aria-labelledby="linked-case-heading">
        <h2 id="linked-case-heading">{t('agency.application.case')}</h2>
        <dl class="facts">
          <dt>{t('agency.col.case')}</dt>
          <dd>
            <a class="case-id" href={`#/cases/${encodeURIComponent(detail.caseId)}`} translate={false}>
              {detail.caseId}
            </a>
          </dd>
          <dt>{t('track.organization')}</dt>
          <dd>{organizationName(config, detail.organization.id)}</dd>
          <dt>{t('agency.col.category')}</dt>
          <dd>{categoryName(config, detail.case.category)}</dd>
          <dt>{t('agency.col.status')}</dt>
          <dd>{detail.case.status === 'deleted' ? '—' : t(`status.${detail.case.status as 'received'}`)}</dd>
        </dl>
      </section>

      <section aria-labelledby="application-messages-heading">
        <h2 id="application-messages-heading">{t('track.messages')}</h2>
        {detail.messages.length === 0 ? <p>{t('track.none')}</p> : null}
        <ol class="messages">
          {detail.messages.map((message) => (
            <li key={message.id} class={message.from === 'applicant' ? 'from-whistleblower' : 'from-agency'}>
              <p class="message-meta">
                {t('track.messageFrom', {
                  from: message.from === 'applicant' ? t('agency.application.applicant') : t('from.agency'),
                  at: formatDate(message.at, language, zone, true),
                })}
              </p>
              <p class="user-text">{message.body}</p>
            </li>
          ))}
        </ol>
      </section>

      <MessageApplicant applicationId={detail.applicationId} onSent={() => onChanged()} />
      {decided ? null : <DecisionForm detail={detail} onDecided={onChanged} />}

      <AuditTrail detail={detail} />
    </>
  );
}

function MessageApplicant({ applicationId, onSent }: { applicationId: string; onSent: () => void }): JSX.Element {
  const { t, call } = useAgency();
  async function send(body: string): Promise<SendOutcome> {
    const checked = agencyMessageRequest.safeParse({ body });
    if (!checked.success) return { sent: false, fieldError: t('validation.required') };
    const result = await call('POST', `${path(applicationId)}/messages`, createdMessageResponse, checked.data);
    if (!result.ok) return { sent: false, notice: { kind: 'error', text: failureText(result, t) } };
    onSent();
    return { sent: true, notice: { kind: 'success', text: t('agency.action.messageSent') } };
  }
  return (
    <section class="case-action">
      <h2>{t('agency.application.message')}</h2>
      <MessageComposer id="application-message" label={t('agency.application.message')} sendLabel={t('common.send')} rows={4} send={send} />
    </section>
  );
}

function DecisionForm({
  detail,
  onDecided,
}: {
  detail: ApplicationDetailResponse;
  onDecided: (next: ApplicationDetailResponse) => void;
}): JSX.Element {
  const { t, call } = useAgency();
  const choices = (detail.status === 'received' ? ['in_review', 'granted', 'refused'] : ['granted', 'refused']) as (
    | 'in_review'
    | 'granted'
    | 'refused'
  )[];
  const [status, setStatus] = useState(choices[0]!);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const deciding = status !== 'in_review';

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setFailure(null);
    const checked = decideApplicationRequest.safeParse(deciding ? { status, decisionNote: note } : { status });
    if (!checked.success || (deciding && !note.trim())) {
      setError(t('validation.required'));
      document.getElementById('decision-note')?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    const result = await call('PATCH', path(detail.applicationId), applicationDetailResponse, checked.data);
    setBusy(false);
    if (result.ok) return onDecided(result.data);
    setFailure(failureText(result, t));
  }

  return (
    <section class="case-action">
      <h2>{t('agency.application.decide')}</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <div class="field">
          <label for="decision-status">{t('agency.action.newStatus')}</label>
          <select
            id="decision-status"
            value={status}
            onChange={(event) => setStatus((event.target as HTMLSelectElement).value as (typeof choices)[number])}
          >
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {t(`apply.status.${choice}`)}
              </option>
            ))}
          </select>
        </div>
        {deciding ? (
          <Field id="decision-note" label={t('agency.application.reasons')} error={error}>
            {(control) => (
              <textarea
                {...control}
                rows={4}
                maxLength={LIMITS.note}
                value={note}
                onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)}
              />
            )}
          </Field>
        ) : null}
        <Notice kind="error" text={failure} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('agency.action.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
