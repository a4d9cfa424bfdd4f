// GET /cases: the caller's organization's queue (or, for oversight, the cases escalated to it), overdue first
// then oldest, one Query per page behind a signed cursor. The search (queueFilter.ts) narrows the same Query; a case
// id asked for is one read of that case, answered only if it is in the caller's reach.
import type { CaseListResponse, ListCasesQuery } from '#schemas/agency.js';
import { isPastDeadline } from '../caseDeadlines.js';
import { forbidden } from '../errors.js';
import { barredFromCase } from '../headReport.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import type { CaseRecord, ReportText } from '../ports.js';
import { decodeCursor, encodeCursor } from '../queueCursor.js';
import { parseCaseId } from '../trackingKey.js';
import { accessTo } from './caseAccess.js';
import type { AgencyDeps } from './deps.js';
import { type QueueFilter, matchesQueueFilter, queueFilterOf } from './queueFilter.js';

export async function listCases(deps: AgencyDeps, user: AgencyUser, query: ListCasesQuery): Promise<CaseListResponse> {
  if (query.escalated && user.role !== 'oversight') throw forbidden('Only the oversight body sees escalated cases.');
  const scope = query.escalated ? 'escalated' : 'organization';
  const filter = queueFilterOf(query, user);
  if (query.caseId !== undefined) return { items: await listItems(deps, await oneCase(deps, user, query, filter)), nextCursor: null };
  // The cursor is bound to everything that shapes the pages, so a cursor from one search never pages another.
  const cursorScope = [
    user.organizationId,
    scope,
    query.status ?? '',
    query.overdue ? 'overdue' : '',
    query.limit,
    JSON.stringify(filter),
  ].join('|');
  const page = await deps.store.queue({
    organizationId: user.organizationId,
    scope,
    status: query.status,
    overdueOnly: query.overdue === true,
    filter,
    limit: query.limit,
    startKey: query.cursor ? decodeCursor(deps.pepper, query.cursor, cursorScope) : undefined,
  });
  // A head report stored in (or escalated to) a queue it must never reach is left out of the page, unread: only data
  // written before invariant 5 covered escalation and subordinates can be there.
  const reachable = page.records.filter((r) => !barredFromCase(deps.index.organizations, r, user.organizationId));
  return {
    items: await listItems(deps, reachable),
    nextCursor: page.nextKey ? encodeCursor(deps.pepper, page.nextKey, cursorScope) : null,
  };
}

/** The case a search by id names, if the queue asked for would hold it: in reach, in scope, matching every filter. */
async function oneCase(deps: AgencyDeps, user: AgencyUser, query: ListCasesQuery, filter: QueueFilter): Promise<CaseRecord[]> {
  const caseId = parseCaseId(query.caseId ?? '');
  const record = caseId ? await deps.store.getCase(caseId) : null;
  if (!record) return [];
  const inScope = query.escalated ? record.escalatedTo === user.organizationId : record.organizationId === user.organizationId;
  // As the queue's index sorts them: overdue means marked by the sweep and not closed.
  const matches =
    accessTo(user, record, deps.index.organizations) !== null &&
    inScope &&
    matchesQueueFilter(record, filter) &&
    (query.status === undefined || record.status === query.status) &&
    (query.overdue !== true || (record.overdue && record.status !== 'closed'));
  return matches ? [record] : [];
}

async function listItems(deps: AgencyDeps, records: CaseRecord[]): Promise<CaseListResponse['items']> {
  const now = deps.clock.now();
  return Promise.all(
    records.map(async (r) => {
      const text = JSON.parse(await deps.sealer.open(r.sealedReport, r.caseId)) as ReportText;
      return {
        caseId: r.caseId,
        category: r.category,
        title: text.title,
        status: r.status,
        createdAt: r.createdAt,
        acknowledgeBy: r.acknowledgeBy,
        respondBy: r.respondBy,
        overdue: r.overdue || isPastDeadline(r, now),
        organizationId: r.organizationId,
        escalated: r.escalatedTo !== null,
        unreadReplies: Math.max(0, r.whistleblowerMessages - r.whistleblowerMessagesSeen),
        held: r.legalHold !== null,
        assignee: r.assignee ?? null,
      };
    }),
  );
}
