// GET /cases: the caller's organization's queue (or, for oversight, the cases escalated to it), overdue first
// then oldest, one Query per page behind a signed cursor.
import type { CaseListResponse, ListCasesQuery } from '#schemas/agency.js';
import { isPastDeadline } from '../caseDeadlines.js';
import { forbidden } from '../errors.js';
import { barredFromCase } from '../headReport.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import type { ReportText } from '../ports.js';
import { decodeCursor, encodeCursor } from '../queueCursor.js';
import type { AgencyDeps } from './deps.js';

export async function listCases(deps: AgencyDeps, user: AgencyUser, query: ListCasesQuery): Promise<CaseListResponse> {
  if (query.escalated && user.role !== 'oversight') throw forbidden('Only the oversight body sees escalated cases.');
  const scope = query.escalated ? 'escalated' : 'organization';
  const cursorScope = [user.organizationId, scope, query.status ?? '', query.overdue ? 'overdue' : '', query.limit].join('|');
  const page = await deps.store.queue({
    organizationId: user.organizationId,
    scope,
    status: query.status,
    overdueOnly: query.overdue === true,
    limit: query.limit,
    startKey: query.cursor ? decodeCursor(deps.pepper, query.cursor, cursorScope) : undefined,
  });
  const now = deps.clock.now();
  // A head report stored in (or escalated to) a queue it must never reach is left out of the page, unread: only data
  // written before invariant 5 covered escalation and subordinates can be there.
  const reachable = page.records.filter((r) => !barredFromCase(deps.index.organizations, r, user.organizationId));
  const items = await Promise.all(
    reachable.map(async (r) => {
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
        channel: r.channel ?? 'web',
      };
    }),
  );
  return { items, nextCursor: page.nextKey ? encodeCursor(deps.pepper, page.nextKey, cursorScope) : null };
}
