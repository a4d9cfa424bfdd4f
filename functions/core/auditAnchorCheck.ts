// The full check of the anchors (`npm run audit:verify -- --all`): every root's MAC and its link to the root
// before it, every chunk's MAC and digest against the root that lists it, and, per case, the newest head any anchor
// recorded. Fed a root or a chunk at a time, so it never holds every anchor at once.
import { type CaseDeletionReceipt, deletionReceiptHolds } from './caseDeletionReceipt.js';
import type { AuditEventRecord, AuditVerdict } from './auditChain.js';
import {
  type AnchorChunk,
  type AnchorRoot,
  type AnchorRootEntry,
  type AnchoredHead,
  anchorName,
  chunkDigest,
  chunkVerifies,
  rootDigest,
  rootVerifies,
  verifyAuditChainAgainst,
} from './auditAnchor.js';
import { GENESIS_HASH } from './auditChain.js';
import type { AuditMacKeys } from './auditMac.js';

export interface AnchorChainReport {
  roots: number;
  chunks: number;
  /** The newest root, and its digest (the job logs the same digest: compare them). */
  latest: AnchorRoot | null;
  latestDigest: string | null;
  /** Tampering, or anchors gone: each one a sentence. */
  problems: string[];
  /** Worth knowing, not proof of tampering (a run that did not finish). */
  notes: string[];
  /** Per case, the newest head a chunk that verifies recorded. */
  anchored: Map<string, AnchoredHead>;
}

const entryKey = (bucket: string, anchoredAt: string) => `${bucket} ${anchoredAt}`;

export class AnchorChainCheck {
  private readonly problems: string[] = [];
  private readonly unrooted = new Set<string>();
  private readonly expected = new Map<string, AnchorRootEntry>();
  private readonly rootTimes = new Set<string>();
  private readonly anchored = new Map<string, AnchoredHead>();
  private previous: AnchorRoot | null = null;
  private roots = 0;
  private chunks = 0;
  private readingChunks = false;
  /**
   * When the first root the audit key signed was anchored: the pepper's anchors end there, so a root after it, or a
   * chunk from then on, signed with the pepper is one whoever holds the pepper made.
   */
  private auditKeySince: string | null = null;

  constructor(private readonly keys: AuditMacKeys) {}

  /** The roots, in sequence order, every one of them before the first chunk. */
  async addRoot(root: AnchorRoot): Promise<void> {
    if (this.readingChunks) throw new Error('AnchorChainCheck: add every root before the chunks');
    this.roots++;
    const name = `anchor root #${root.seq} (${anchorName(root.anchoredAt)})`;
    const expectedSeq = this.previous ? this.previous.seq + 1 : 0;
    if (root.macKey === undefined && this.auditKeySince !== null) {
      this.problems.push(`${name} was altered: it is signed with the pepper after the audit key`);
    } else if (!(await rootVerifies(this.keys, root))) {
      this.problems.push(`${name} was altered`);
    } else if (root.seq > expectedSeq) {
      this.problems.push(
        expectedSeq === root.seq - 1
          ? `anchor root #${expectedSeq} is missing`
          : `anchor roots #${expectedSeq} to #${root.seq - 1} are missing`,
      );
    } else if (root.previousDigest !== (this.previous ? rootDigest(this.previous) : GENESIS_HASH)) {
      this.problems.push(
        this.previous
          ? `${name} does not follow root #${this.previous.seq}: the roots were rewritten`
          : `${name} should be the first root but follows another`,
      );
    }
    if (root.macKey !== undefined) this.auditKeySince ??= root.anchoredAt;
    for (const entry of root.chunks) this.expected.set(entryKey(entry.bucket, root.anchoredAt), entry);
    this.rootTimes.add(root.anchoredAt);
    this.previous = root;
  }

  /** The chunks, in any order. */
  async addChunk(chunk: AnchorChunk): Promise<void> {
    this.readingChunks = true;
    this.chunks++;
    const name = `the chunk ${chunk.bucket} of ${anchorName(chunk.anchoredAt)}`;
    const key = entryKey(chunk.bucket, chunk.anchoredAt);
    const entry = this.expected.get(key);
    this.expected.delete(key);
    if (chunk.macKey === undefined && this.auditKeySince !== null && chunk.anchoredAt >= this.auditKeySince) {
      this.problems.push(`${name} was altered: it is signed with the pepper after the audit key`);
      return;
    }
    if (!(await chunkVerifies(this.keys, chunk))) {
      this.problems.push(`${name} was altered`);
      return;
    }
    if (entry) {
      if (entry.digest !== chunkDigest(chunk)) this.problems.push(`${name} is not the one its root lists`);
    } else if (this.rootTimes.has(chunk.anchoredAt)) {
      this.problems.push(`${name} is not listed in its root`);
    } else {
      this.unrooted.add(chunk.anchoredAt);
    }
    for (const [caseId, seq, hash] of chunk.heads) {
      const known = this.anchored.get(caseId);
      if (!known || known.anchoredAt < chunk.anchoredAt) this.anchored.set(caseId, { anchoredAt: chunk.anchoredAt, seq, hash });
    }
  }

  finish(): AnchorChainReport {
    const problems = [...this.problems];
    for (const key of this.expected.keys()) {
      const [bucket, anchoredAt] = key.split(' ') as [string, string];
      problems.push(`the chunk ${bucket} of ${anchorName(anchoredAt)} is missing`);
    }
    const notes = [...this.unrooted]
      .sort()
      .map(
        (at) => `${anchorName(at)} wrote chunks but no root: a run that did not finish, or a root that was removed (compare the job's log)`,
      );
    const latest = this.previous;
    if (latest) {
      // A case is checked against the newest head any anchor recorded, so one the newest anchor missed keeps the
      // older anchor's protection here; the case view, which reads the newest chunk only, checks it by its chain.
      for (const [caseId, head] of this.anchored) {
        if (head.anchoredAt < latest.anchoredAt) {
          notes.push(
            `case ${caseId} is in ${anchorName(head.anchoredAt)} but not in the newest one: its queue index entry moved while that anchor scanned, or its case item left the index or the table`,
          );
        }
      }
    }
    return {
      roots: this.roots,
      chunks: this.chunks,
      latest,
      latestDigest: latest ? rootDigest(latest) : null,
      problems,
      notes,
      anchored: this.anchored,
    };
  }
}

/**
 * One case in the full check: `found` is null when the case is not in the table. A case no anchor recorded verifies
 * as its chain does; an anchored case that is gone is a problem, unless the retention rule deleted it: its signed
 * receipt (core/caseDeletionReceipt.ts) names it at or past the head the anchor recorded.
 */
export async function auditCaseVerdict(
  keys: AuditMacKeys,
  found: { events: AuditEventRecord[]; head: { seq: number; hash: string } } | null,
  anchored: AnchoredHead | null,
  deletion: CaseDeletionReceipt | null = null,
): Promise<AuditVerdict & { deleted?: true }> {
  if (!found) {
    if (deletion && (await deletionReceiptHolds(keys, deletion.caseId, deletion, anchored?.seq ?? null))) {
      return { verified: true, deleted: true };
    }
    return {
      verified: false,
      seq: null,
      problem: anchored ? `the case is gone: ${anchorName(anchored.anchoredAt)} recorded its event #${anchored.seq}` : 'the case is gone',
    };
  }
  return verifyAuditChainAgainst(keys, found.events, found.head, anchored);
}
