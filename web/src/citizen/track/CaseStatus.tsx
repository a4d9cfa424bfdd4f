// The whistleblower's view of their case: status, deadlines, how a closed case ended, the public timeline, the
// conversation with the agency (their own messages as "You"), their files, their report as they sent it, and a reply
// form that can carry more evidence — or, once closed, why there is none. Fetched again when the reader changes
// language, so that organizations are named in it.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type TrackResponse, trackResponse } from '#schemas/track.js';
import { apiRequest } from '../../shared/api.js';
import { CaseConversation } from '../../shared/CaseConversation.js';
import { Notice } from '../../shared/ErrorSummary.js';
import { formatDate, formatSize } from '../../shared/format.js';
import { ScreenHeading } from '../../shared/ScreenHeading.js';
import { usePortal } from '../context.js';
import { CaseOutcome, ClosedNoReply } from './CaseOutcome.js';
import { FiledReport } from './FiledReport.js';
import { ReplyForm } from './ReplyForm.js';
import { Applications } from './Applications.js';
import { ReceiptActions } from '../receipt/ReceiptActions.js';

export function CaseStatus({ code, onLeave }: { code: string; onLeave: () => void }): JSX.Element {
  const { t, language, config } = usePortal();
  const [tracked, setTracked] = useState<TrackResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const zone = config.country.timezone;

  useEffect(() => {
    let live = true;
    void apiRequest('POST', '/track', trackResponse, { trackingCode: code, language }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setTracked(result.data);
        setFailure(null);
      } else setFailure(result.status === 429 ? t('error.rateLimited') : result.status === 0 ? t('error.network') : t('error.unavailable'));
    });
    return () => {
      live = false;
    };
  }, [code, version, language]);

  if (!tracked) {
    return failure ? (
      <Notice kind="error" text={failure} />
    ) : (
      <p class="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const closed = tracked.status === 'closed';
  const pendingDeadline = tracked.status === 'received' ? tracked.acknowledgeBy : closed ? null : tracked.respondBy;
  const overdue = pendingDeadline !== null && Date.parse(pendingDeadline) < Date.now();

  return (
    <>
      <ScreenHeading>{t('track.heading')}</ScreenHeading>
      <Notice kind="error" text={failure} />
      <dl class="facts case-facts">
        <dt>{t('track.status')}</dt>
        <dd>
          <strong class="status">{t(`status.${tracked.status}`)}</strong>
          {overdue ? <span class="badge badge-overdue"> {t('track.overdue')}</span> : null}
        </dd>
        <dt>{t('code.caseId')}</dt>
        <dd translate={false}>{tracked.caseId}</dd>
        <dt>{t('track.organization')}</dt>
        <dd>{tracked.organization.name}</dd>
        <dt>{t('track.createdAt')}</dt>
        <dd>{formatDate(tracked.createdAt, language, zone)}</dd>
        <dt>{t('track.acknowledgeBy')}</dt>
        <dd>{formatDate(tracked.acknowledgeBy, language, zone)}</dd>
        <dt>{t('track.respondBy')}</dt>
        <dd>{formatDate(tracked.respondBy, language, zone)}</dd>
        {tracked.deleteAfter ? (
          <>
            <dt>{t('track.deleteAfter')}</dt>
            <dd class="delete-after">{formatDate(tracked.deleteAfter, language, zone)}</dd>
          </>
        ) : (
          <>
            <dt>{t('track.retentionYears')}</dt>
            <dd class="retention-years">{tracked.retentionYears}</dd>
          </>
        )}
      </dl>

      {closed ? <CaseOutcome tracked={tracked} /> : null}

      <CaseConversation
        t={t}
        when={(at) => formatDate(at, language, zone, true)}
        timeline={tracked.timeline}
        messages={tracked.messages}
        fromLabel={(from) => (from === 'whistleblower' ? t('track.fromYou') : t('from.agency'))}
      />

      <section aria-labelledby="files-heading">
        <h2 id="files-heading">{t('track.attachments')}</h2>
        {tracked.attachments.length === 0 ? <p>{t('track.none')}</p> : null}
        <ul>
          {tracked.attachments.map((file) => (
            <li key={file.id}>
              {file.name} ({formatSize(file.size, language)})
            </li>
          ))}
        </ul>
      </section>

      <FiledReport report={tracked.report} />

      {tracked.receipt ? <ReceiptActions receipt={tracked.receipt} /> : null}

      {config.applications ? (
        <Applications
          code={code}
          offer={config.applications}
          applications={tracked.applications}
          handledBy={tracked.organization.name}
          onChanged={() => setVersion((v) => v + 1)}
        />
      ) : null}

      {closed ? <ClosedNoReply /> : <ReplyForm code={code} onSent={() => setVersion((v) => v + 1)} />}

      <div class="actions">
        <button type="button" class="secondary" onClick={onLeave}>
          {t('track.leave')}
        </button>
      </div>
    </>
  );
}
