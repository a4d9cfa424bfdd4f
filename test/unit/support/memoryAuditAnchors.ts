// The anchor store in memory, with the DynamoDB adapter's semantics (functions/adapters/dynamoAuditAnchorStore.ts):
// appends never overwrite (an existing key answers `exists`/`taken` and writes nothing), chunks come back per bucket
// oldest first, roots by sequence number. The test helpers below play someone with write access to the table.
import type { AnchorChunk, AnchorRoot, AuditHead } from '#core/auditAnchor.js';
import type { AuditAnchorStore, AuditHeadSource } from '#core/ports.js';
import type { CaseDeletionReceipt, CaseDeletionReceipts } from '#core/caseDeletionReceipt.js';
import type { MemoryCaseWorkStore } from './memoryCaseWork.js';

const clone = <T>(value: T): T => structuredClone(value);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class MemoryAuditAnchorStore implements AuditAnchorStore, CaseDeletionReceipts {
  private readonly chunkItems = new Map<string, AnchorChunk[]>();
  readonly deletions = new Map<string, CaseDeletionReceipt>();

  async recordDeletion(receipt: CaseDeletionReceipt): Promise<void> {
    this.deletions.set(receipt.caseId, clone(receipt));
  }

  async deletionOf(caseId: string): Promise<CaseDeletionReceipt | null> {
    const found = this.deletions.get(caseId);
    return found ? clone(found) : null;
  }

  private readonly rootItems: AnchorRoot[] = [];
  /** Reads of latestChunk, as a case view makes them. */
  lookups = 0;
  /**
   * When set, runs before each root append is checked (but not before appends it makes itself): another run getting
   * in first.
   */
  beforeRootAppend: ((root: AnchorRoot) => Promise<unknown> | undefined) | null = null;
  private interleaving = false;

  async appendChunk(chunk: AnchorChunk): Promise<'appended' | 'exists'> {
    const items = this.chunkItems.get(chunk.bucket) ?? [];
    if (items.some((c) => c.anchoredAt === chunk.anchoredAt)) return 'exists';
    items.push(clone(chunk));
    items.sort((a, b) => cmp(a.anchoredAt, b.anchoredAt));
    this.chunkItems.set(chunk.bucket, items);
    return 'appended';
  }

  async latestChunk(bucket: string): Promise<AnchorChunk | null> {
    this.lookups++;
    const last = this.chunkItems.get(bucket)?.at(-1);
    return last ? clone(last) : null;
  }

  async latestRoot(): Promise<AnchorRoot | null> {
    const last = this.rootItems.at(-1);
    return last ? clone(last) : null;
  }

  async appendRoot(root: AnchorRoot): Promise<'appended' | 'taken'> {
    if (this.beforeRootAppend && !this.interleaving) {
      this.interleaving = true;
      try {
        await this.beforeRootAppend(root);
      } finally {
        this.interleaving = false;
      }
    }
    if (this.rootItems.some((r) => r.seq === root.seq)) return 'taken';
    this.rootItems.push(clone(root));
    this.rootItems.sort((a, b) => a.seq - b.seq);
    return 'appended';
  }

  async *roots(): AsyncIterable<AnchorRoot[]> {
    // Two pages, so callers are seen to follow pages.
    const all = clone(this.rootItems);
    const half = Math.ceil(all.length / 2);
    yield all.slice(0, half);
    yield all.slice(half);
  }

  async *chunks(bucket: string): AsyncIterable<AnchorChunk[]> {
    yield clone(this.chunkItems.get(bucket) ?? []);
  }

  /** Test helper: every stored chunk, by bucket then time. */
  allChunks(): AnchorChunk[] {
    return [...this.chunkItems.entries()].sort(([a], [b]) => cmp(a, b)).flatMap(([, items]) => clone(items));
  }

  /** Test helper: every stored root, by sequence number. */
  allRoots(): AnchorRoot[] {
    return clone(this.rootItems);
  }

  /** Test helper: rewrites a stored chunk in place, as a table write would. */
  editChunk(bucket: string, anchoredAt: string, edit: (chunk: AnchorChunk) => AnchorChunk): void {
    const items = this.chunkItems.get(bucket) ?? [];
    const at = items.findIndex((c) => c.anchoredAt === anchoredAt);
    if (at < 0) throw new Error(`no chunk ${bucket} at ${anchoredAt}`);
    items[at] = edit(clone(items[at]!));
  }

  /** Test helper: deletes a stored chunk. */
  deleteChunk(bucket: string, anchoredAt: string): void {
    this.chunkItems.set(
      bucket,
      (this.chunkItems.get(bucket) ?? []).filter((c) => c.anchoredAt !== anchoredAt),
    );
  }

  /** Test helper: rewrites or deletes (edit answers null) a stored root. */
  editRoot(seq: number, edit: (root: AnchorRoot) => AnchorRoot | null): void {
    const at = this.rootItems.findIndex((r) => r.seq === seq);
    if (at < 0) throw new Error(`no root #${seq}`);
    const edited = edit(clone(this.rootItems[at]!));
    if (edited) this.rootItems[at] = edited;
    else this.rootItems.splice(at, 1);
  }
}

/** The case store's heads, as the queue index scan reads them: a page of at most `pageSize` cases at a time. */
export function memoryAuditHeads(store: MemoryCaseWorkStore, pageSize = 2): AuditHeadSource {
  return {
    async *auditHeads(): AsyncIterable<AuditHead[]> {
      const heads = [...store.files.values()].map(({ case: c }) => ({ caseId: c.caseId, seq: c.auditSeq, hash: c.auditHash }));
      for (let i = 0; i < heads.length; i += pageSize) yield heads.slice(i, i + pageSize);
    },
  };
}
