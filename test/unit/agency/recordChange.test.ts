import { describe, expect, it } from 'vitest';
import { changeStatus } from '#core/agency/changeStatus.js';
import { messageWhistleblower } from '#core/agency/messageWhistleblower.js';
import { commitFor, recordChange } from '#core/agency/recordChange.js';
import { transferCase } from '#core/agency/transferCase.js';
import { viewCase } from '#core/agency/viewCase.js';
import { verifyAuditChain } from '#core/auditChain.js';
import { updateCaseRequest } from '#schemas/agency.js';
import { domainError } from '../support/errors.js';
import { TEST_AUDIT_KEYS } from '../support/memoryPorts.js';
import { HOUR_MS, type MemoryAgencyDeps, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';

const handler = staff('handler@kr-molit');
const colleague = staff('supervisor@kr-molit');
const acknowledge = (publicNote?: string) => updateCaseRequest.parse({ status: 'acknowledged', ...(publicNote ? { publicNote } : {}) });

async function chainOf(deps: MemoryAgencyDeps, caseId: string) {
  const record = deps.store.record(caseId);
  return await verifyAuditChain(TEST_AUDIT_KEYS, deps.store.auditOf(caseId), { seq: record.auditSeq, hash: record.auditHash });
}

/** The next commit (only) finds that a colleague's change got in first. */
function colleagueGetsInFirst(deps: MemoryAgencyDeps, change: () => Promise<unknown>) {
  let done = false;
  deps.store.beforeCommit = async () => {
    if (done) return;
    done = true;
    await change();
  };
}

describe('recordChange', () => {
  it('recomputes a change that went stale and lands it after the other one, with a valid chain', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    deps.clock.advance(HOUR_MS);
    colleagueGetsInFirst(deps, () => viewCase(deps, colleague, filed.caseId));

    const changed = await changeStatus(deps, handler, filed.caseId, acknowledge('We are on it.'));
    expect(changed.status).toBe('acknowledged');
    expect(changed.auditVerified).toBe(true);
    expect(changed.audit.map((e) => [e.seq, e.actor, e.action])).toEqual([
      [0, 'whistleblower', 'report.received'],
      [1, 'supervisor@kr-molit', 'case.viewed'],
      [2, 'handler@kr-molit', 'case.status_changed'],
    ]);
    expect(deps.store.auditOf(filed.caseId)).toEqual(changed.audit.map((e) => ({ ...e, caseId: filed.caseId, macKey: deps.auditKey.id })));
    expect(await chainOf(deps, filed.caseId)).toEqual({ verified: true });
    // The stale attempt wrote nothing: one timeline entry for the acknowledgement, not two.
    expect((await deps.store.getCaseFolder(filed.caseId))!.timeline.map((t) => t.status)).toEqual(['received', 'acknowledged']);
    expect(deps.store.commits).toBe(2);
  });

  it('recomputes from the fresh case, so a change that no longer applies is refused', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    colleagueGetsInFirst(deps, () => changeStatus(deps, colleague, filed.caseId, acknowledge('Acknowledged by the supervisor.')));
    const error = await domainError(changeStatus(deps, handler, filed.caseId, acknowledge()));
    expect(error.code).toBe('CONFLICT');
    expect(deps.store.auditOf(filed.caseId).map((e) => e.actor)).toEqual(['whistleblower', 'supervisor@kr-molit']);
    expect(await chainOf(deps, filed.caseId)).toEqual({ verified: true });
  });

  it('re-checks access on the fresh read: a case transferred away in between answers 404', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    colleagueGetsInFirst(deps, () => transferCase(deps, colleague, filed.caseId, { organizationId: 'kr-moef', reason: 'Theirs.' }));
    expect((await domainError(messageWhistleblower(deps, handler, filed.caseId, 'A question'))).code).toBe('NOT_FOUND');
    expect((await deps.store.getCaseFolder(filed.caseId))!.messages).toEqual([]);
  });

  it('gives up with 409 after three stale answers, having written nothing of its own', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    let interleaved = 0;
    deps.store.beforeCommit = async () => {
      interleaved++;
      await viewCase(deps, colleague, filed.caseId);
    };
    const error = await domainError(changeStatus(deps, handler, filed.caseId, acknowledge('Never lands.')));
    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(error.message).toMatch(/changed while you were working/);
    expect(interleaved).toBe(3);
    deps.store.beforeCommit = null;

    expect(deps.store.auditOf(filed.caseId).map((e) => [e.seq, e.actor])).toEqual([
      [0, 'whistleblower'],
      [1, 'supervisor@kr-molit'],
      [2, 'supervisor@kr-molit'],
      [3, 'supervisor@kr-molit'],
    ]);
    const folder = (await deps.store.getCaseFolder(filed.caseId))!;
    expect(folder.case.status).toBe('received');
    expect(folder.timeline).toHaveLength(1);
    expect(await chainOf(deps, filed.caseId)).toEqual({ verified: true });
  });

  it('plans from the folder the user may reach and hands the plan the access it has', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    const seen: string[] = [];
    const { commit, access } = await recordChange(deps, handler, filed.caseId, (folder, access) => {
      seen.push(`${folder.case.caseId}:${access}`);
      return {
        record: folder.case,
        audit: { at: deps.clock.now().toISOString(), actor: handler.username, action: 'case.viewed', details: {} },
      };
    });
    expect(seen).toEqual([`${filed.caseId}:owner`]);
    expect(access).toBe('owner');
    expect(commit).toMatchObject({ expectedAuditSeq: 0, audit: { seq: 1 }, record: { auditSeq: 1, auditHash: commit.audit.hash } });
  });
});

describe('commitFor', () => {
  it('chains the new event after the case head and moves the head onto it', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    const before = deps.store.record(filed.caseId);
    const commit = await commitFor(deps.auditKey, before, {
      record: { ...before, status: 'acknowledged' },
      audit: {
        at: '2026-10-16T00:00:00.000Z',
        actor: 'handler@kr-molit',
        action: 'case.status_changed',
        details: { from: 'received', to: 'acknowledged' },
      },
    });
    expect(commit.expectedAuditSeq).toBe(0);
    expect(commit.audit).toMatchObject({ caseId: filed.caseId, seq: 1, previousHash: before.auditHash });
    expect(commit.record).toMatchObject({ status: 'acknowledged', auditSeq: 1, auditHash: commit.audit.hash });
    expect(
      await verifyAuditChain(TEST_AUDIT_KEYS, [...deps.store.auditOf(filed.caseId), commit.audit], { seq: 1, hash: commit.audit.hash }),
    ).toEqual({ verified: true });
  });

  it('is refused by the store as stale once the head has moved, and nothing is written', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    const before = deps.store.record(filed.caseId);
    const planned = {
      record: before,
      audit: { at: '2026-10-16T00:00:00.000Z', actor: 'handler@kr-molit', action: 'case.viewed' as const, details: {} },
    };
    const first = await commitFor(deps.auditKey, before, planned);
    const second = await commitFor(deps.auditKey, before, { ...planned, audit: { ...planned.audit, actor: 'supervisor@kr-molit' } });
    expect(await deps.store.commit(first)).toBe('committed');
    expect(await deps.store.commit(second)).toBe('stale');
    expect(deps.store.auditOf(filed.caseId).map((e) => e.actor)).toEqual(['whistleblower', 'handler@kr-molit']);
    expect(deps.store.record(filed.caseId).auditHash).toBe(first.audit.hash);
  });
});
