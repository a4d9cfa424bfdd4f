// The anchors' full check and the per-case check, over in-memory ports: reports filed and viewed through the use
// cases, anchored by the job's use case, then tampered with as someone with write access to the table would.
import { describe, expect, it } from 'vitest';
import { viewCase } from '#core/agency/viewCase.js';
import { verifyAuditTrails, verifyCaseAuditTrail } from '#core/agency/verifyAuditTrails.js';
import { anchorAuditHeads } from '#core/anchorAuditHeads.js';
import { type AnchorChunk, anchorBucketOf, anchorChunks } from '#core/auditAnchor.js';
import { AnchorChainCheck } from '#core/auditAnchorCheck.js';
import { signCaseDeletion } from '#core/caseDeletionReceipt.js';
import { DAY_MS, HOUR_MS, type MemoryAgencyDeps, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';
import { MemoryAuditAnchorStore, memoryAuditHeads } from '../support/memoryAuditAnchors.js';
import { OTHER_AUDIT_KEY, TEST_AUDIT_KEY, TEST_AUDIT_KEYS, TEST_PEPPER } from '../support/memoryPorts.js';
import type { AuditMacKey } from '#core/ports.js';
import { legacyAnchorChunk, legacyAnchorRoot, legacyAuditChain, legacyAuditEvent } from '../support/legacyAudit.js';

const handler = staff('handler@kr-molit');

/** Three cases, each viewed a few times, anchored on two days. */
async function anchoredPortal() {
  const anchors = new MemoryAuditAnchorStore();
  const deps: MemoryAgencyDeps = agencyDeps({ anchors });
  const caseIds: string[] = [];
  for (const title of ['Paving paid twice', 'Bridge study paid twice', 'Permit for cash']) {
    const filed = await fileReport(deps, { title });
    caseIds.push(filed.caseId);
    for (let i = 0; i < 3; i++) {
      deps.clock.advance(HOUR_MS);
      await viewCase(deps, handler, filed.caseId);
    }
  }
  const job = { heads: memoryAuditHeads(deps.store), anchors, auditKey: TEST_AUDIT_KEY, clock: deps.clock };
  const runs = [await anchorAuditHeads(job)];
  deps.clock.advance(DAY_MS);
  await viewCase(deps, handler, caseIds[0]!);
  runs.push(await anchorAuditHeads(job));
  const all = () =>
    verifyAuditTrails({
      store: deps.store,
      anchors,
      heads: memoryAuditHeads(deps.store),
      deletions: anchors,
      auditKey: TEST_AUDIT_KEY,
      pepper: TEST_PEPPER,
    });
  return { deps, anchors, caseIds, runs, all };
}

/** Deletes the newest `count` events of a case and rolls its head back to the last one left. */
function cutChain(deps: MemoryAgencyDeps, caseId: string, count: number): void {
  const events = deps.store.audits.get(caseId)!;
  events.splice(events.length - count, count);
  const last = events.at(-1)!;
  deps.store.update(caseId, (file) => {
    file.case.auditSeq = last.seq;
    file.case.auditHash = last.hash;
  });
}

describe('verifyAuditTrails (audit:verify --all)', () => {
  it('finds nothing wrong with untouched anchors and chains, and names the newest root and its digest', async () => {
    const { all, runs } = await anchoredPortal();
    const report = await all();
    expect(report).toMatchObject({ roots: 2, chunks: 6, problems: [], notes: [], failed: [], casesChecked: 3 });
    expect(report.latest).toMatchObject({ seq: 1, anchoredAt: runs[1]!.anchoredAt });
    expect(report.latestDigest).toBe(runs[1]!.digest);
  });

  it('catches a chain cut with its head rolled back, which the chain alone accepts', async () => {
    const { all, deps, caseIds } = await anchoredPortal();
    cutChain(deps, caseIds[1]!, 2);
    const report = await all();
    expect(report.problems).toEqual([]);
    expect(report.failed).toEqual([
      {
        caseId: caseIds[1],
        problem: expect.stringMatching(/^the chain was cut: the anchor of .* recorded event #3, the case now ends at #1$/),
      },
    ]);
  });

  it('reports an edited chunk, even one re-signed under another key', async () => {
    const { all, anchors, caseIds, runs } = await anchoredPortal();
    const bucket = anchorBucketOf(caseIds[2]!);
    anchors.editChunk(bucket, runs[1]!.anchoredAt, (chunk) => ({
      ...chunk,
      heads: chunk.heads.map(([id, seq, hash]) => [id, seq - 1, hash]),
    }));
    const older = anchors.allChunks().find((c) => c.bucket === bucket && c.anchoredAt === runs[0]!.anchoredAt)!;
    const resigned = await resign(older, OTHER_AUDIT_KEY);
    anchors.editChunk(bucket, runs[0]!.anchoredAt, () => resigned);
    const report = await all();
    expect(report.problems).toEqual([
      `the chunk ${bucket} of the anchor of ${when(runs[0]!.anchoredAt)} was altered`,
      `the chunk ${bucket} of the anchor of ${when(runs[1]!.anchoredAt)} was altered`,
    ]);
  });

  it('reports a deleted chunk, a deleted root and an edited root', async () => {
    const { all, anchors, caseIds, runs } = await anchoredPortal();
    const bucket = anchorBucketOf(caseIds[0]!);
    anchors.deleteChunk(bucket, runs[1]!.anchoredAt);
    const report = await all();
    expect(report.problems).toContain(`the chunk ${bucket} of the anchor of ${when(runs[1]!.anchoredAt)} is missing`);

    anchors.editRoot(0, (root) => ({ ...root, cases: root.cases - 1 }));
    expect((await all()).problems).toContain(`anchor root #0 (the anchor of ${when(runs[0]!.anchoredAt)}) was altered`);
    anchors.editRoot(0, () => null);
    expect((await all()).problems).toContain('anchor root #0 is missing');
  });

  it('notes chunks without a root (a run that stopped half-way, or a root removed) without calling it tampering', async () => {
    const { all, anchors, runs } = await anchoredPortal();
    anchors.editRoot(1, () => null);
    const report = await all();
    expect(report.problems).toEqual([]);
    expect(report.notes).toEqual([expect.stringContaining(`the anchor of ${when(runs[1]!.anchoredAt)} wrote chunks but no root`)]);
    expect(report.latest?.seq).toBe(0);
  });

  it('reports an anchored case that is gone from the table, or left the newest anchor', async () => {
    const { all, deps, caseIds, runs, anchors } = await anchoredPortal();
    deps.store.files.delete(caseIds[2]!);
    const report = await all();
    expect(report.failed).toEqual([
      { caseId: caseIds[2], problem: expect.stringMatching(/^the case is gone: the anchor of .* recorded its event #3$/) },
    ]);
    // A third anchor, taken while the case is gone, no longer lists it: the earlier anchors still do.
    deps.clock.advance(DAY_MS);
    await anchorAuditHeads({ heads: memoryAuditHeads(deps.store), anchors, auditKey: TEST_AUDIT_KEY, clock: deps.clock });
    const later = await all();
    expect(later.failed).toEqual([{ caseId: caseIds[2], problem: expect.stringMatching(/^the case is gone/) }]);
    expect(later.notes).toEqual([
      expect.stringMatching(new RegExp(`^case ${caseIds[2]} is in the anchor of ${when(runs[1]!.anchoredAt)} but not in the newest one`)),
    ]);
  });

  it('accepts an anchored case deleted by the retention rule, with its signed receipt, and nothing less', async () => {
    const { all, deps, caseIds, anchors } = await anchoredPortal();
    const gone = deps.store.files.get(caseIds[2]!)!.case;
    deps.store.files.delete(caseIds[2]!);
    await anchors.recordDeletion(await signCaseDeletion(TEST_AUDIT_KEY, gone, deps.clock.now()));
    expect(await all()).toMatchObject({ failed: [], deleted: 1, casesChecked: 3 });
    expect(anchors.deletions.get(caseIds[2]!)).toMatchObject({
      seq: gone.auditSeq,
      deletedOn: deps.clock.now().toISOString().slice(0, 10),
    });

    // Forged (another key), for another case, or older than what the anchor recorded: the case is gone.
    const forged = await signCaseDeletion(OTHER_AUDIT_KEY, gone, deps.clock.now());
    for (const receipt of [
      forged,
      { ...(await signCaseDeletion(TEST_AUDIT_KEY, gone, deps.clock.now())), caseId: caseIds[1]! },
      await signCaseDeletion(TEST_AUDIT_KEY, { ...gone, auditSeq: gone.auditSeq - 1 }, deps.clock.now()),
    ]) {
      anchors.deletions.set(caseIds[2]!, receipt);
      expect(await all(), JSON.stringify(receipt)).toMatchObject({
        failed: [{ caseId: caseIds[2], problem: expect.stringMatching(/^the case is gone/) }],
        deleted: 0,
      });
    }
  });

  it('still judges a case the newest anchor missed against the older anchor that has it', async () => {
    const { deps, anchors, caseIds, all } = await anchoredPortal();
    // The next anchor's scan does not see the case (its index entry moved during the scan, or was stripped).
    const hidden = deps.store.files.get(caseIds[1]!)!;
    deps.store.files.delete(caseIds[1]!);
    deps.clock.advance(DAY_MS);
    await anchorAuditHeads({ heads: memoryAuditHeads(deps.store), anchors, auditKey: TEST_AUDIT_KEY, clock: deps.clock });
    deps.store.files.set(caseIds[1]!, hidden);
    expect(await all()).toMatchObject({
      problems: [],
      failed: [],
      notes: [expect.stringContaining(`case ${caseIds[1]} is in the anchor of`)],
    });
    cutChain(deps, caseIds[1]!, 2);
    expect((await all()).failed).toEqual([
      { caseId: caseIds[1], problem: expect.stringMatching(/^the chain was cut: .* recorded event #3, the case now ends at #1$/) },
    ]);
  });

  it('checks cases filed after the last anchor by their chain alone', async () => {
    const { all, deps } = await anchoredPortal();
    const late = await fileReport(deps, { title: 'Filed after the anchor' });
    await viewCase(deps, handler, late.caseId);
    const report = await all();
    expect(report).toMatchObject({ casesChecked: 4, failed: [] });
    deps.store.audits.get(late.caseId)![1]!.actor = 'nobody';
    expect((await all()).failed).toEqual([{ caseId: late.caseId, problem: expect.stringMatching(/#1 .*altered/) }]);
  });

  it('takes every root before the chunks', async () => {
    const check = new AnchorChainCheck(TEST_AUDIT_KEYS);
    await check.addChunk(
      (
        await anchorChunks(TEST_AUDIT_KEY, '2026-12-01T03:00:00.000Z', [{ caseId: 'K7QR2M4X9TBN6WZ3PH8D', seq: 1, hash: 'a'.repeat(64) }])
      )[0]!,
    );
    await expect(
      check.addRoot({ seq: 0, anchoredAt: '2026-12-01T03:00:00.000Z', chunks: [], cases: 0, previousDigest: '0'.repeat(64), mac: '' }),
    ).rejects.toThrow(/before the chunks/);
  });
});

describe('an audit trail begun under the pepper and continued under the audit key', () => {
  /**
   * Two cases filed and viewed, then stored and anchored as the code before the audit key did (the pepper's MACs,
   * no macKey); then viewed and anchored again, now under the audit key.
   */
  async function movedPortal() {
    const anchors = new MemoryAuditAnchorStore();
    const deps: MemoryAgencyDeps = agencyDeps({ anchors });
    const caseIds: string[] = [];
    for (const title of ['Paving paid twice', 'Permit for cash']) {
      const filed = await fileReport(deps, { title });
      caseIds.push(filed.caseId);
      deps.clock.advance(HOUR_MS);
      await viewCase(deps, handler, filed.caseId);
    }
    for (const caseId of caseIds) storeAsBeforeTheAuditKey(deps, caseId);
    deps.clock.advance(DAY_MS);
    const at = deps.clock.now().toISOString();
    const oldHeads = caseIds.map((caseId) => ({
      caseId,
      seq: deps.store.record(caseId).auditSeq,
      hash: deps.store.record(caseId).auditHash,
    }));
    const oldChunks = [...new Set(caseIds.map(anchorBucketOf))].map((bucket) =>
      legacyAnchorChunk(
        TEST_PEPPER,
        bucket,
        at,
        oldHeads.filter((h) => anchorBucketOf(h.caseId) === bucket),
      ),
    );
    for (const chunk of oldChunks) await anchors.appendChunk(chunk);
    await anchors.appendRoot(legacyAnchorRoot(TEST_PEPPER, at, oldChunks, null));

    // The switch: every new event and anchor is signed by the audit key.
    for (const caseId of caseIds) {
      deps.clock.advance(HOUR_MS);
      await viewCase(deps, handler, caseId);
    }
    deps.clock.advance(DAY_MS);
    await anchorAuditHeads({ heads: memoryAuditHeads(deps.store), anchors, auditKey: TEST_AUDIT_KEY, clock: deps.clock });
    const all = () =>
      verifyAuditTrails({
        store: deps.store,
        anchors,
        heads: memoryAuditHeads(deps.store),
        deletions: anchors,
        auditKey: TEST_AUDIT_KEY,
        pepper: TEST_PEPPER,
      });
    return { deps, anchors, caseIds, all };
  }

  it('verifies across the switch: the pepper\u2019s events and anchors, then the audit key\u2019s', async () => {
    const { deps, caseIds, all, anchors } = await movedPortal();
    expect(deps.store.auditOf(caseIds[0]!).map((e) => e.macKey)).toEqual([undefined, undefined, TEST_AUDIT_KEY.id]);
    expect(anchors.allRoots().map((r) => r.macKey)).toEqual([undefined, TEST_AUDIT_KEY.id]);
    expect(await all()).toMatchObject({ roots: 2, problems: [], notes: [], failed: [], casesChecked: 2 });
    const one = await verifyCaseAuditTrail({ store: deps.store, anchors, auditKey: TEST_AUDIT_KEY, pepper: TEST_PEPPER }, caseIds[1]!);
    expect(one!.verdict).toEqual({ verified: true });
  });

  it('names a tampered event in the pepper\u2019s part and in the audit key\u2019s part', async () => {
    const { deps, caseIds, all } = await movedPortal();
    deps.store.audits.get(caseIds[0]!)![1]!.actor = 'nobody';
    deps.store.audits.get(caseIds[1]!)![2]!.details = { access: 'nobody' };
    const failed = (await all()).failed;
    expect(failed).toHaveLength(2);
    expect(failed).toContainEqual({ caseId: caseIds[0], problem: expect.stringMatching(/^event #1 \(case\.viewed at .*\) was altered$/) });
    expect(failed).toContainEqual({ caseId: caseIds[1], problem: expect.stringMatching(/^event #2 \(case\.viewed at .*\) was altered$/) });
  });

  it('refuses what the pepper signs after the switch: an event after the audit key\u2019s, a root after its root', async () => {
    const { deps, caseIds, all, anchors } = await movedPortal();
    const events = deps.store.audits.get(caseIds[0]!)!;
    const forged = legacyAuditEvent(TEST_PEPPER, caseIds[0]!, events.at(-1)!, {
      at: deps.clock.now().toISOString(),
      actor: 'handler@kr-molit',
      action: 'case.viewed',
      details: { access: 'owner' },
    });
    events.push(forged);
    deps.store.update(caseIds[0]!, (file) => {
      file.case.auditSeq = forged.seq;
      file.case.auditHash = forged.hash;
    });
    const [latest] = anchors.allRoots().slice(-1);
    await anchors.appendRoot(legacyAnchorRoot(TEST_PEPPER, deps.clock.now().toISOString(), [], latest!));
    const report = await all();
    expect(report.failed).toEqual([
      { caseId: caseIds[0], problem: expect.stringMatching(/^event #3 .*signed with the pepper after the audit key$/) },
    ]);
    expect(report.problems).toEqual([expect.stringMatching(/^anchor root #2 .*signed with the pepper after the audit key$/)]);
  });
});

/** Rewrites a case's stored events as the pepper signed them before the audit key, and its head with them. */
function storeAsBeforeTheAuditKey(deps: MemoryAgencyDeps, caseId: string): void {
  const events = deps.store.audits.get(caseId)!;
  const legacy = legacyAuditChain(
    TEST_PEPPER,
    caseId,
    events.map(({ at, actor, action, details }) => ({ at, actor, action, details })),
  );
  events.splice(0, events.length, ...legacy);
  deps.store.update(caseId, (file) => {
    file.case.auditSeq = legacy.at(-1)!.seq;
    file.case.auditHash = legacy.at(-1)!.hash;
  });
}

describe('verifyCaseAuditTrail (audit:verify <caseId>)', () => {
  it('judges one case against the newest anchor of its bucket', async () => {
    const { deps, anchors, caseIds } = await anchoredPortal();
    const deps1 = { store: deps.store, anchors, auditKey: TEST_AUDIT_KEY, pepper: TEST_PEPPER };
    expect((await verifyCaseAuditTrail(deps1, caseIds[0]!))!.verdict).toEqual({ verified: true });
    cutChain(deps, caseIds[0]!, 3);
    const cut = (await verifyCaseAuditTrail(deps1, caseIds[0]!))!;
    expect(cut.events.map((e) => e.seq)).toEqual([0, 1]);
    expect(cut.verdict).toMatchObject({
      verified: false,
      problem: expect.stringMatching(/^the chain was cut: .* recorded event #4, the case now ends at #1$/),
    });
    expect(await verifyCaseAuditTrail(deps1, '0000000000000000000Z')).toBeNull();
  });
});

const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The chunk signed again under another key: what someone without the audit key could do at best. */
async function resign(chunk: AnchorChunk, key: AuditMacKey): Promise<AnchorChunk> {
  const heads = chunk.heads.map(([caseId, seq, hash]) => ({ caseId, seq: seq - 1, hash }));
  return (await anchorChunks(key, chunk.anchoredAt, heads))[0]!;
}
