// Deleting a case when its retention runs out (issue 14): the one path every deletion takes, so that whatever else a
// deletion must destroy (a case's own key, for crypto-shredding) is added here once.
//
// Two steps, each safe to repeat. `withdraw` takes the case out of every view and adds it to the deleted-case
// statistics in one transaction, and only if it is still due (not held, head and date unchanged): from then on it
// reads as a case that never existed, and a hold can no longer be placed on it. Then its own key is destroyed (every
// copy of its sealed text, in backups and exports too, can no longer be opened: docs/crypto-shredding.md), its
// evidence (every version) and every item of it are erased, the case item last; a run cut short leaves the case on
// the deletion list, withdrawn, and the next sweep finishes it without counting it twice. A signed receipt, kept
// with the audit anchors, tells the audit verifier the case was deleted by this rule (core/caseDeletionReceipt.ts).
import { daysBetween } from './agency/organizationStats.js';
import type { CaseWorkStore, DeletedCaseTally, DeletionCandidate } from './agency/ports.js';
import { isDueForDeletion } from './caseRetention.js';
import { evidencePrefix } from './evidenceIntake.js';
import { type CaseDeletionReceipts, signCaseDeletion } from './caseDeletionReceipt.js';
import type { AuditMacKey, CaseKeys, CaseRecord, EvidenceStore } from './ports.js';

export interface CaseDeletionDeps {
  store: Pick<CaseWorkStore, 'dueForDeletion' | 'deleteCase'>;
  evidence: Pick<EvidenceStore, 'destroyAll'>;
  caseKeys: Pick<CaseKeys, 'shred'>;
  /** Signs and keeps the deleted case's receipt (core/caseDeletionReceipt.ts), for the audit verifier. */
  auditKey: AuditMacKey;
  deletions: Pick<CaseDeletionReceipts, 'recordDeletion'>;
}

/** What the public statistics keep of a deleted case (core/publicStatistics.ts adds it back in). */
export function deletedCaseTally(record: Pick<CaseRecord, 'organizationId' | 'category' | 'createdAt' | 'closedAt'>): DeletedCaseTally {
  return {
    organizationId: record.organizationId,
    category: record.category,
    daysToClose: record.closedAt ? daysBetween(record.createdAt, record.closedAt) : 0,
  };
}

/** Deletes one case if it is (still) due at `now`: `kept` when it is not, or a hold or change got there first. */
export async function deleteCase(deps: CaseDeletionDeps, candidate: DeletionCandidate, now: Date): Promise<'deleted' | 'kept'> {
  const { record } = candidate;
  if (!candidate.withdrawn) {
    if (!isDueForDeletion(record, now)) return 'kept';
    const withdrawn = await deps.store.deleteCase({ step: 'withdraw', record, tally: deletedCaseTally(record) });
    if (withdrawn === 'kept') return 'kept';
  }
  // The receipt before anything is erased: the audit verifier then knows the case went by the retention rule.
  await deps.deletions.recordDeletion(await signCaseDeletion(deps.auditKey, record, now));
  // The key first: from here on no copy of the case's text opens, even if erasing below is cut short.
  await deps.caseKeys.shred(record.caseId);
  await deps.evidence.destroyAll(evidencePrefix(record.caseId));
  await deps.store.deleteCase({ step: 'erase', caseId: record.caseId });
  return 'deleted';
}

export interface DeletionSweepResult {
  deleted: number;
  kept: number;
}

const BATCH = 25;

/** Every case due at `now`, a batch at a time; stops when a batch deletes nothing (the rest is left to the next run). */
export async function deleteDueCases(deps: CaseDeletionDeps, now: Date): Promise<DeletionSweepResult> {
  const result: DeletionSweepResult = { deleted: 0, kept: 0 };
  for (let round = 0; round < 40; round++) {
    const due = await deps.store.dueForDeletion(now.toISOString(), BATCH);
    let progressed = false;
    for (const candidate of due) {
      if ((await deleteCase(deps, candidate, now)) === 'deleted') {
        result.deleted++;
        progressed = true;
      } else result.kept++;
    }
    if (!progressed || due.length < BATCH) break;
  }
  return result;
}
