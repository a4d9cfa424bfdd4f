// The cases the user is the designated handler of, above the whole queue: one page of GET /cases?assignee=me, shown
// only when there is something in it.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type CaseListResponse, caseListResponse } from '#schemas/agency.js';
import { formatDate } from '../shared/format.js';
import { useAgency } from './context.js';

const SHOWN = 25;

export function AssignedToMe(): JSX.Element | null {
  const { t, call, config, language } = useAgency();
  const [items, setItems] = useState<CaseListResponse['items'] | null>(null);
  const [more, setMore] = useState(false);
  useEffect(() => {
    let current = true;
    void call('GET', `/cases?assignee=me&limit=${SHOWN}`, caseListResponse).then((result) => {
      if (!current || !result.ok) return;
      setItems(result.data.items);
      setMore(result.data.nextCursor !== null);
    });
    return () => {
      current = false;
    };
  }, []);
  if (!items?.length) return null;
  return (
    <section class="assigned-to-me" aria-labelledby="assigned-heading">
      <h2 id="assigned-heading">{t('agency.assign.mine')}</h2>
      <ul class="case-links">
        {items.map((item) => (
          <li key={item.caseId}>
            <a href={`#/cases/${encodeURIComponent(item.caseId)}`}>
              <span class="case-id" translate={false}>
                {item.caseId}
              </span>{' '}
              {item.title}
            </a>{' '}
            <span class="muted">
              {t(`status.${item.status}`)} ·{' '}
              {formatDate(item.status === 'received' ? item.acknowledgeBy : item.respondBy, language, config.country.timezone)}
            </span>
            {item.overdue ? (
              <>
                {' '}
                <span class="badge badge-overdue">{t('agency.overdue')}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {more ? <p class="hint">{t('agency.assign.mineMore')}</p> : null}
    </section>
  );
}
