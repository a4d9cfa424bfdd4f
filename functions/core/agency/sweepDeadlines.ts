// The deadline sweep (every minute in local mode, an EventBridge schedule in AWS): a case whose pending deadline
// has passed is marked overdue and escalated to the oversight body, which then sees it beside the owning
// organization. Each case leaves the due index as it is marked, so a second run changes nothing more. A report about
// the head of the oversight body itself (routed elsewhere for that reason) is never escalated to it: it is marked
// overdue, stays first in its owner's queue, and its audit event says why it went nowhere.
import { pendingDeadline } from '../caseDeadlines.js';
import { barredFromCase } from '../headReport.js';
import type { AgencyDeps } from './deps.js';
import { commitFor } from './recordChange.js';

export const SWEEP_ACTOR = 'system:deadline-sweep';
const BATCH = 100;

export interface SweepResult {
  overdue: number;
  skipped: number;
}

/** All the sweep uses: the case store, the pack and the audit key (never the pepper or the case text). */
export type SweepDeps = Pick<AgencyDeps, 'store' | 'index' | 'auditKey'>;

export async function sweepDeadlines(deps: SweepDeps, now: Date): Promise<SweepResult> {
  const result: SweepResult = { overdue: 0, skipped: 0 };
  const oversight = deps.index.pack.country.oversightOrganizationId;
  const at = now.toISOString();
  for (let round = 0; round < 50; round++) {
    const due = await deps.store.due(at, BATCH);
    if (due.length === 0) break;
    let progressed = false;
    for (const record of due) {
      const pending = pendingDeadline(record);
      // A case already flagged overdue by a status change is still due here: it has not been escalated yet.
      if (!pending) continue;
      const escalatedTo = record.escalatedTo ?? (barredFromCase(deps.index.organizations, record, oversight) ? null : oversight);
      const commit = await commitFor(deps.auditKey, record, {
        record: {
          ...record,
          overdue: true,
          dueAt: null,
          escalatedTo,
          escalatedAt: escalatedTo ? (record.escalatedAt ?? at) : null,
          updatedAt: at,
        },
        audit: {
          at,
          actor: SWEEP_ACTOR,
          action: 'deadline.missed',
          details: escalatedTo
            ? { deadline: pending.kind, due: pending.at, escalatedTo }
            : {
                deadline: pending.kind,
                due: pending.at,
                escalatedTo: 'none',
                notEscalated: `the report is about the head of ${oversight}`,
              },
        },
      });
      // Stale: someone changed the case since the index was read; the next run sees its new state.
      if ((await deps.store.commit(commit)) === 'committed') {
        result.overdue++;
        progressed = true;
      } else result.skipped++;
    }
    if (!progressed || due.length < BATCH) break;
  }
  return result;
}
