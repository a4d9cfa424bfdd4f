// What `npm run audit:verify` checks: one case's chain against the newest anchor of its bucket, or (`--all`) the
// anchors themselves and then every case, anchored or filed since, each against the newest head any anchor
// recorded for it.
import { ANCHOR_BUCKETS, anchorBucketOf, verifyAnchoredAuditChain } from '../auditAnchor.js';
import { type AnchorChainReport, AnchorChainCheck, auditCaseVerdict } from '../auditAnchorCheck.js';
import type { AuditEventRecord, AuditVerdict } from '../auditChain.js';
import { auditMacKeys } from '../auditMac.js';
import type { CaseDeletionReceipts } from '../caseDeletionReceipt.js';
import type { AuditAnchorStore, AuditHeadSource, AuditMacKey } from '../ports.js';
import type { CaseWorkStore } from './ports.js';

export interface AuditTrailDeps {
  store: Pick<CaseWorkStore, 'getCaseFolder'>;
  anchors: AuditAnchorStore;
  heads: AuditHeadSource;
  /** The receipts of cases the retention rule deleted (core/caseDeletionReceipt.ts). */
  deletions: Pick<CaseDeletionReceipts, 'deletionOf'>;
  /** The audit key, for what it signed, and the pepper, for what was signed before it (auditMac.ts). */
  auditKey: AuditMacKey;
  pepper: Uint8Array;
}

export interface CaseAuditTrail {
  caseId: string;
  /** By sequence number. */
  events: AuditEventRecord[];
  verdict: AuditVerdict;
}

/** One case, as its view judges it; null when there is no such case. */
export async function verifyCaseAuditTrail(
  deps: Omit<AuditTrailDeps, 'heads' | 'deletions'>,
  caseId: string,
): Promise<CaseAuditTrail | null> {
  const [folder, chunk] = await Promise.all([deps.store.getCaseFolder(caseId), deps.anchors.latestChunk(anchorBucketOf(caseId))]);
  if (!folder) return null;
  const events = [...folder.audit].sort((a, b) => a.seq - b.seq);
  const head = { seq: folder.case.auditSeq, hash: folder.case.auditHash };
  return { caseId, events, verdict: await verifyAnchoredAuditChain(auditMacKeys(deps), caseId, events, head, chunk) };
}

export interface AuditTrailsReport extends AnchorChainReport {
  /** Cases checked: every case in the table and every case an anchor recorded. */
  casesChecked: number;
  /** The cases that failed, by case id. */
  failed: { caseId: string; problem: string }[];
  /** Anchored cases the retention rule deleted, each with a receipt that verifies. */
  deleted: number;
}

/** Cases read at once. */
const PARALLEL_READS = 8;

export async function verifyAuditTrails(deps: AuditTrailDeps): Promise<AuditTrailsReport> {
  const keys = auditMacKeys(deps);
  const check = new AnchorChainCheck(keys);
  for await (const page of deps.anchors.roots()) for (const root of page) await check.addRoot(root);
  for (const bucket of ANCHOR_BUCKETS) {
    for await (const page of deps.anchors.chunks(bucket)) for (const chunk of page) await check.addChunk(chunk);
  }
  const anchors = check.finish();

  const caseIds = new Set(anchors.anchored.keys());
  for await (const page of deps.heads.auditHeads()) for (const head of page) caseIds.add(head.caseId);
  const sorted = [...caseIds].sort();
  const failed: AuditTrailsReport['failed'] = [];
  let deleted = 0;
  for (let next = 0; next < sorted.length; next += PARALLEL_READS) {
    const batch = sorted.slice(next, next + PARALLEL_READS);
    const verdicts = await Promise.all(
      batch.map(async (caseId) => {
        const folder = await deps.store.getCaseFolder(caseId);
        const found = folder ? { events: folder.audit, head: { seq: folder.case.auditSeq, hash: folder.case.auditHash } } : null;
        const deletion = folder ? null : await deps.deletions.deletionOf(caseId);
        return auditCaseVerdict(keys, found, anchors.anchored.get(caseId) ?? null, deletion);
      }),
    );
    batch.forEach((caseId, i) => {
      const verdict = verdicts[i]!;
      if (!verdict.verified) failed.push({ caseId, problem: verdict.problem });
      else if (verdict.deleted) deleted++;
    });
  }
  return { ...anchors, casesChecked: sorted.length, failed, deleted };
}
