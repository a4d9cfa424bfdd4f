// The deciding body's applications for protection and rewards (GET /applications): open ones first, oldest first,
// each with its linked case, its deadline and the applicant's unread replies. Only the body the pack names sees it.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type ApplicationListResponse, applicationListResponse } from '#schemas/application.js';
import { Notice } from '../shared/ErrorSummary.js';
import { formatDate } from '../shared/format.js';
import { ScreenHeading } from '../shared/ScreenHeading.js';
import { TableScroll } from '../shared/TableScroll.js';
import { useAgency } from './context.js';
import { failureText, organizationName } from './labels.js';

export function ApplicationQueue(): JSX.Element {
  const { t, call, language, config } = useAgency();
  const [items, setItems] = useState<ApplicationListResponse['items'] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const zone = config.country.timezone;

  useEffect(() => {
    let live = true;
    void call('GET', '/applications', applicationListResponse).then((result) => {
      if (!live) return;
      if (result.ok) setItems(result.data.items);
      else setFailure(failureText(result, t));
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <ScreenHeading>{t('agency.applications')}</ScreenHeading>
      <Notice kind="error" text={failure} />
      {items === null && !failure ? (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {items && items.length === 0 ? <p>{t('agency.applications.none')}</p> : null}
      {items && items.length > 0 ? (
        <TableScroll labelledBy="applications-caption">
          <table class="data-table">
            <caption id="applications-caption">{t('agency.applications')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agency.col.case')}</th>
                <th scope="col">{t('apply.kind')}</th>
                <th scope="col">{t('track.organization')}</th>
                <th scope="col">{t('agency.col.status')}</th>
                <th scope="col">{t('agency.col.received')}</th>
                <th scope="col">{t('apply.decideBy')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.applicationId} class={item.overdue ? 'is-overdue' : undefined}>
                  <th scope="row">
                    <a class="case-id" href={`#/applications/${encodeURIComponent(item.applicationId)}`} translate={false}>
                      {item.caseId}
                    </a>
                    {item.unreadMessages > 0 ? (
                      <span class="badge"> {t('agency.unreadReplies', { count: item.unreadMessages })}</span>
                    ) : null}
                  </th>
                  <td>{t(`apply.kind.${item.kind}`)}</td>
                  <td>{organizationName(config, item.organization.id)}</td>
                  <td>
                    {t(`apply.status.${item.status}`)}
                    {item.overdue ? <span class="badge badge-overdue"> {t('agency.overdue')}</span> : null}
                  </td>
                  <td>{formatDate(item.filedAt, language, zone)}</td>
                  <td>{formatDate(item.decideBy, language, zone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
