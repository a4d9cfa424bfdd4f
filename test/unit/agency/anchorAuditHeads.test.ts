import { describe, expect, it } from 'vitest';
import { anchorAuditHeads } from '#core/anchorAuditHeads.js';
import { type AuditHead, anchorBucketOf, chunkVerifies, rootDigest, rootVerifies } from '#core/auditAnchor.js';
import { GENESIS_HASH } from '#core/auditChain.js';
import type { AuditHeadSource } from '#core/ports.js';
import { MemoryAuditAnchorStore } from '../support/memoryAuditAnchors.js';
import { FixedClock, TEST_AUDIT_KEY, TEST_AUDIT_KEYS } from '../support/memoryPorts.js';

const head = (caseId: string, seq: number): AuditHead => ({ caseId, seq, hash: seq.toString(16).padStart(64, 'a') });
const HEADS = [
  head('K7QR2M4X9TBN6WZ3PH8D', 7),
  head('00AAAAAAAAAAAAAAAAAA', 0),
  head('K7AAAAAAAAAAAAAAAAAA', 3),
  head('ZZ0000000000000000000'.slice(0, 20), 1),
];

/** Heads in pages of two, as the queue index scan hands them over. */
const source = (heads: AuditHead[]): AuditHeadSource => ({
  async *auditHeads() {
    for (let i = 0; i < heads.length; i += 2) yield heads.slice(i, i + 2);
  },
});

function setup(heads = HEADS) {
  const anchors = new MemoryAuditAnchorStore();
  const clock = new FixedClock('2026-12-01T03:00:00.000Z');
  return { anchors, clock, deps: { heads: source(heads), anchors, auditKey: TEST_AUDIT_KEY, clock } };
}

describe('anchorAuditHeads', () => {
  it('writes one signed chunk per bucket with cases, then the first root listing them', async () => {
    const { anchors, deps } = setup();
    const result = await anchorAuditHeads(deps);
    const chunks = anchors.allChunks();
    expect(chunks.map((c) => c.bucket)).toEqual(['00', 'K7', 'ZZ']);
    expect(chunks.find((c) => c.bucket === 'K7')!.heads).toEqual([
      ['K7AAAAAAAAAAAAAAAAAA', 3, HEADS[2]!.hash],
      ['K7QR2M4X9TBN6WZ3PH8D', 7, HEADS[0]!.hash],
    ]);
    expect(chunks.every((c) => c.anchoredAt === '2026-12-01T03:00:00.000Z' && c.macKey === TEST_AUDIT_KEY.id)).toBe(true);
    for (const chunk of chunks) expect(await chunkVerifies(TEST_AUDIT_KEYS, chunk)).toBe(true);
    const [root] = anchors.allRoots();
    expect(root).toMatchObject({ seq: 0, anchoredAt: '2026-12-01T03:00:00.000Z', cases: 4, previousDigest: GENESIS_HASH });
    expect(root!.chunks.map((c) => [c.bucket, c.cases])).toEqual([
      ['00', 1],
      ['K7', 2],
      ['ZZ', 1],
    ]);
    expect(await rootVerifies(TEST_AUDIT_KEYS, root!)).toBe(true);
    expect(result).toEqual({ seq: 0, anchoredAt: '2026-12-01T03:00:00.000Z', digest: rootDigest(root!), cases: 4, chunks: 3 });
  });

  it('links each run’s root to the one before, and anchors an empty table with a root alone', async () => {
    const { anchors, clock, deps } = setup([]);
    const first = await anchorAuditHeads(deps);
    expect(first).toMatchObject({ seq: 0, cases: 0, chunks: 0 });
    expect(anchors.allChunks()).toEqual([]);
    clock.advance(86_400_000);
    const second = await anchorAuditHeads(deps);
    expect(second).toMatchObject({ seq: 1, anchoredAt: '2026-12-02T03:00:00.000Z' });
    expect(anchors.allRoots()[1]!.previousDigest).toBe(first.digest);
  });

  it('follows a root another run wrote first, instead of forking the chain of roots', async () => {
    const { anchors, clock, deps } = setup();
    await anchorAuditHeads(deps);
    clock.advance(86_400_000);
    const other = setup();
    other.clock.set('2026-12-02T02:59:00.000Z');
    // Another run, a minute older, lands its root between this run's read of the latest root and its write.
    anchors.beforeRootAppend = async (root) => {
      anchors.beforeRootAppend = null;
      expect(root.seq).toBe(1);
      await anchorAuditHeads({ ...other.deps, anchors });
    };
    const result = await anchorAuditHeads(deps);
    const roots = anchors.allRoots();
    expect(roots.map((r) => [r.seq, r.anchoredAt])).toEqual([
      [0, '2026-12-01T03:00:00.000Z'],
      [1, '2026-12-02T02:59:00.000Z'],
      [2, '2026-12-02T03:00:00.000Z'],
    ]);
    expect(roots[2]!.previousDigest).toBe(rootDigest(roots[1]!));
    expect(result.seq).toBe(2);
  });

  it('takes its own root, written by an attempt whose answer was lost, as done', async () => {
    const { anchors, deps } = setup();
    anchors.beforeRootAppend = (root) => anchors.appendRoot(root);
    const result = await anchorAuditHeads(deps);
    expect(anchors.allRoots()).toHaveLength(1);
    expect(result.seq).toBe(0);
  });

  it('fails, writing no root, when its chunks already exist or other runs keep taking the root', async () => {
    const { anchors, deps } = setup();
    await anchorAuditHeads(deps);
    await expect(anchorAuditHeads(deps)).rejects.toThrow(/already exists/);
    expect(anchors.allRoots()).toHaveLength(1);

    const busy = setup();
    let taken = 0;
    // Every time this run is about to write its root, another run writes one with that number first.
    busy.anchors.beforeRootAppend = (root) => busy.anchors.appendRoot({ ...root, anchoredAt: `2026-11-0${++taken}T00:00:00.000Z` });
    await expect(anchorAuditHeads(busy.deps)).rejects.toThrow(/taken 3 times/);
    expect(busy.anchors.allRoots().every((r) => r.anchoredAt !== '2026-12-01T03:00:00.000Z')).toBe(true);
  });

  it('keeps every case of a bucket in that bucket’s chunk', async () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      head(`${'0123456789ABCDEFGHJK'[i % 20]}${'MNPQ'[i % 4]}${String(i).padStart(18, '0')}`, i),
    );
    const { anchors, deps } = setup(many);
    const result = await anchorAuditHeads(deps);
    expect(result.cases).toBe(200);
    for (const chunk of anchors.allChunks()) {
      expect(chunk.heads.every(([id]) => anchorBucketOf(id) === chunk.bucket)).toBe(true);
    }
    expect(anchors.allChunks().reduce((sum, c) => sum + c.heads.length, 0)).toBe(200);
  });
});
