// One case: its facts, the report as the reporter wrote it (as text), contact, files, history, audit trail, and
// the actions. Opening it is itself audited. After a status change the case the API answered is shown (reading it
// again would record one more opening after every save); after a message or a download it is read again.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type CaseDetailResponse, caseDetailResponse } from '#schemas/agency.js';
import type { UiStringKey } from '#schemas/uiStrings.js';
import type { ApiResult } from '../shared/api.js';
import { Notice } from '../shared/ErrorSummary.js';
import { navigate } from '../shared/route.js';
import { ScreenHeading } from '../shared/ScreenHeading.js';
import { CaseActions } from './actions/CaseActions.js';
import { type CaseAfterAction, casePath } from './actions/outcome.js';
import { Attachments } from './Attachments.js';
import { AuditTrail } from './AuditTrail.js';
import { CaseFacts } from './CaseFacts.js';
import { CaseHistory } from './CaseHistory.js';
import { useAgency } from './context.js';
import { failureText } from './labels.js';
import { ReporterContact } from './ReporterContact.js';

export function CaseView({ caseId }: { caseId: string }): JSX.Element {
  const { t, call, setFlash, session } = useAgency();
  const [detail, setDetail] = useState<CaseDetailResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<{ key: UiStringKey; n: number } | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  async function load(): Promise<ApiResult<CaseDetailResponse>> {
    const result = await call('GET', casePath(caseId), caseDetailResponse);
    if (result.ok) {
      setDetail(result.data);
      setFailure(null);
    } else setFailure(result.status === 404 ? t('agency.case.notFound') : failureText(result, t));
    return result;
  }

  useEffect(() => {
    void load();
  }, [caseId]);

  useEffect(() => {
    // The control that was used may be gone (the acknowledge button once acknowledged): focus the outcome.
    if (done) doneRef.current?.focus();
  }, [done?.n]);

  async function onDone(key: UiStringKey, after?: CaseAfterAction): Promise<void> {
    if (after && 'updated' in after) {
      // A change's answer never carries the contact details (only an audited opening does): keep those on screen.
      const updated = after.updated;
      setDetail((shown) => ({ ...updated, contact: shown?.contact ?? null }));
      setDone((previous) => ({ key, n: (previous?.n ?? 0) + 1 }));
      return;
    }
    const result = await load();
    if (!result.ok && result.status === 404 && after && 'transferred' in after) {
      // The case has left every queue this user can see: say so where they land.
      setFlash(key);
      navigate('queue');
      return;
    }
    setDone((previous) => ({ key, n: (previous?.n ?? 0) + 1 }));
  }

  return (
    <>
      <p class="back-link">
        <a href="#/queue">{t('agency.case.back')}</a>
      </p>
      <ScreenHeading focusKey={caseId}>
        {t('agency.col.case')}{' '}
        <span class="case-id" translate={false}>
          {caseId}
        </span>
      </ScreenHeading>
      <div class="action-outcome" tabIndex={-1} ref={doneRef}>
        <Notice kind="success" text={done ? t(done.key) : null} />
      </div>
      <Notice kind="error" text={failure} />
      {detail ? (
        // A closed case takes no actions: its record then uses the whole width. data-case-loaded tells tests
        // (and scripts) that the case, not a placeholder, is on screen.
        <div class={detail.status === 'closed' ? 'case-layout case-layout-single' : 'case-layout'} data-case-loaded="">
          <div class="case-main">
            <CaseFacts detail={detail} />
            <section aria-labelledby="report-heading" class="case-report">
              <h2 id="report-heading">{t('agency.case.report')}</h2>
              <h3 class="user-text">{detail.title}</h3>
              <p class="user-text">{detail.description}</p>
            </section>
            <ReporterContact detail={detail} />
            <Attachments detail={detail} onDownloaded={() => void load()} />
            <CaseHistory detail={detail} />
          </div>
          {detail.status === 'closed' && session.user.role === 'handler' ? null : (
            <div class="case-side">
              <CaseActions detail={detail} onDone={onDone} />
            </div>
          )}
          <div class="case-audit">
            <AuditTrail detail={detail} />
          </div>
        </div>
      ) : failure ? null : (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      )}
    </>
  );
}
