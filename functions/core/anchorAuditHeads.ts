// The anchor job (daily when deployed): reads every case's audit head, writes one chunk per bucket and then the
// root that lists them, linked to the root before it. A run that fails half-way leaves chunks without a root, which
// harm nothing (a case view still checks against them; the full check notes them) and the next run writes anew.
import { type AnchorRoot, type AuditHead, anchorChunks, anchorRoot, rootDigest } from './auditAnchor.js';
import type { AuditAnchorStore, AuditHeadSource, AuditMacKey, Clock } from './ports.js';

export interface AnchorRunResult {
  /** The root written (or found written by this run's own earlier attempt). */
  seq: number;
  anchoredAt: string;
  /** SHA-256 of the root: the copy the job's log keeps, to compare with the table. */
  digest: string;
  cases: number;
  chunks: number;
}

export interface AnchorDeps {
  heads: AuditHeadSource;
  anchors: AuditAnchorStore;
  /** Signs the chunks and the root (auditMac.ts): the job needs no pepper. */
  auditKey: AuditMacKey;
  clock: Clock;
}

/** Chunks written at once: enough to keep a run short, few enough to stay far below the table's throughput. */
const PARALLEL_WRITES = 8;
/** Root writes lost to another run before this one gives up (and the schedule's retry tries again). */
const ROOT_ATTEMPTS = 3;

export async function anchorAuditHeads(deps: AnchorDeps): Promise<AnchorRunResult> {
  // As of when the reading starts: heads that move during the scan are anchored as read, which is still a head
  // the chain passed through.
  const anchoredAt = deps.clock.now().toISOString();
  const heads: AuditHead[] = [];
  for await (const page of deps.heads.auditHeads()) heads.push(...page);
  const chunks = await anchorChunks(deps.auditKey, anchoredAt, heads);

  for (let next = 0; next < chunks.length; next += PARALLEL_WRITES) {
    const outcomes = await Promise.all(chunks.slice(next, next + PARALLEL_WRITES).map((c) => deps.anchors.appendChunk(c)));
    if (outcomes.includes('exists'))
      throw new Error(`an anchor chunk of ${anchoredAt} already exists: another run started in the same millisecond`);
  }

  for (let attempt = 1; ; attempt++) {
    const previous = await deps.anchors.latestRoot();
    // The root of this very run, written by an attempt whose answer was lost: done.
    if (previous?.anchoredAt === anchoredAt) return resultOf(previous);
    const root = await anchorRoot(deps.auditKey, anchoredAt, chunks, previous);
    if ((await deps.anchors.appendRoot(root)) === 'appended') return resultOf(root);
    if (attempt >= ROOT_ATTEMPTS) throw new Error(`anchor root #${root.seq} was taken ${ROOT_ATTEMPTS} times by other runs`);
  }
}

function resultOf(root: AnchorRoot): AnchorRunResult {
  return { seq: root.seq, anchoredAt: root.anchoredAt, digest: rootDigest(root), cases: root.cases, chunks: root.chunks.length };
}
