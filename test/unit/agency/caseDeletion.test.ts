// Deleting a case when its retention runs out (functions/core/caseDeletion.ts), and the legal hold that stops it
// (functions/core/agency/legalHold.ts), over the in-memory ports.
import { describe, expect, it } from 'vitest';
import { changeStatus } from '#core/agency/changeStatus.js';
import { setLegalHold } from '#core/agency/legalHold.js';
import { deleteCase, deleteDueCases, deletedCaseTally } from '#core/caseDeletion.js';
import { updateCaseRequest } from '#schemas/agency.js';
import { domainError } from '../support/errors.js';
import { DAY_MS, type MemoryAgencyDeps, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';

const handler = staff('handler@kr-molit');
const supervisor = staff('supervisor@kr-molit');
const YEAR_MS = 366 * DAY_MS;

async function closedCase(deps: MemoryAgencyDeps) {
  const filed = await fileReport(deps, { category: 'code-of-conduct', organizationId: 'kr-molit' });
  await changeStatus(deps, handler, filed.caseId, updateCaseRequest.parse({ status: 'acknowledged' }));
  deps.clock.set(new Date(deps.clock.now().getTime() + 10 * DAY_MS));
  await changeStatus(deps, handler, filed.caseId, updateCaseRequest.parse({ status: 'closed', resolution: 'referred' }));
  deps.evidence.put(`evidence/${filed.caseId}/a`, new Uint8Array([1]));
  await deps.caseKeys.keyFor(filed.caseId);
  return filed.caseId;
}

describe('deleteDueCases', () => {
  it('dates a case at closure with the pack’s 10 years, and deletes it, its key, its evidence and its notes then, counted once', async () => {
    const deps = agencyDeps();
    const caseId = await closedCase(deps);
    const record = deps.store.record(caseId);
    // Ten calendar years after closing: the same day and time, the year plus ten.
    expect(record.deleteAfter!.slice(4)).toBe(record.closedAt!.slice(4));
    expect(Number(record.deleteAfter!.slice(0, 4))).toBe(Number(record.closedAt!.slice(0, 4)) + 10);
    expect(await deleteDueCases(deps, new Date(Date.parse(record.deleteAfter!) - 1))).toEqual({ deleted: 0, kept: 0 });
    expect(await deleteDueCases(deps, new Date(Date.parse(record.deleteAfter!) + 1))).toEqual({ deleted: 1, kept: 0 });
    expect(await deps.store.getCaseFolder(caseId)).toBeNull();
    expect(deps.store.auditOf(caseId)).toEqual([]);
    expect(deps.evidence.keys(`evidence/${caseId}/`)).toEqual([]);
    expect(await deps.caseKeys.find(caseId)).toBeNull();
    // Its signed receipt, for the audit verifier: the head it was deleted at, and the day.
    expect(await deps.deletions.deletionOf(caseId)).toMatchObject({ caseId, seq: record.auditSeq, hash: record.auditHash });
    expect([...deps.store.deletedTallies.values()]).toEqual([{ ...deletedCaseTally(record), cases: 1 }]);
    expect(deletedCaseTally(record)).toEqual({ organizationId: 'kr-molit', category: 'code-of-conduct', daysToClose: 10 });
    expect(await deleteDueCases(deps, new Date(Date.parse(record.deleteAfter!) + YEAR_MS))).toEqual({ deleted: 0, kept: 0 });
  });

  it('finishes a deletion cut short without counting the case twice', async () => {
    const deps = agencyDeps();
    const caseId = await closedCase(deps);
    const at = new Date(Date.parse(deps.store.record(caseId).deleteAfter!) + 1);
    const candidate = (await deps.store.dueForDeletion(at.toISOString(), 10))[0]!;
    const failing = { ...deps, evidence: { destroyAll: () => Promise.reject(new Error('storage down')) } };
    await expect(deleteCase(failing, candidate, at)).rejects.toThrow('storage down');
    // Withdrawn: gone for every reader, still on the deletion list; its key destroyed before anything else.
    expect(await deps.store.getCaseFolder(caseId)).toBeNull();
    expect(await deps.caseKeys.find(caseId)).toBeNull();
    expect(await deleteDueCases(deps, at)).toEqual({ deleted: 1, kept: 0 });
    expect(deps.evidence.keys(`evidence/${caseId}/`)).toEqual([]);
    expect([...deps.store.deletedTallies.values()].map((t) => t.cases)).toEqual([1]);
  });

  it('never deletes a held case; lifting the hold lets the next run delete it', async () => {
    const deps = agencyDeps();
    const caseId = await closedCase(deps);
    const placed = await setLegalHold(deps, supervisor, caseId, { held: true, reason: 'Court order' });
    expect(placed.legalHold).toEqual({ placedAt: deps.clock.now().toISOString(), placedBy: supervisor.username });
    expect(placed.audit.at(-1)).toMatchObject({ action: 'case.hold_placed', actor: supervisor.username });
    expect(placed.notes.at(-1)!.body).toBe('Legal hold placed: Court order');
    const late = new Date(Date.parse(placed.deleteAfter!) + YEAR_MS);
    expect(await deleteDueCases(deps, late)).toEqual({ deleted: 0, kept: 0 });
    // Even a candidate read before the hold is kept: the withdrawal is conditional on the case as it stands.
    const stale = { record: { ...deps.store.record(caseId), legalHold: null }, withdrawn: false };
    expect(await deleteCase(deps, stale, late)).toBe('kept');
    expect(deps.evidence.keys(`evidence/${caseId}/`)).toHaveLength(1);
    expect(await deps.caseKeys.find(caseId)).not.toBeNull();

    await setLegalHold(deps, supervisor, caseId, { held: false, reason: 'Proceedings ended' });
    expect(await deleteDueCases(deps, late)).toEqual({ deleted: 1, kept: 0 });
  });

  it('lets only a supervisor or the oversight body place a hold, once, and a handler neither', async () => {
    const deps = agencyDeps();
    const caseId = await closedCase(deps);
    expect(await domainError(setLegalHold(deps, handler, caseId, { held: true, reason: 'x' }))).toMatchObject({ status: 403 });
    expect(await domainError(setLegalHold(deps, supervisor, caseId, { held: false, reason: 'x' }))).toMatchObject({ status: 409 });
    await setLegalHold(deps, supervisor, caseId, { held: true, reason: 'x' });
    expect(await domainError(setLegalHold(deps, supervisor, caseId, { held: true, reason: 'x' }))).toMatchObject({ status: 409 });
    expect(await domainError(setLegalHold(deps, staff('supervisor@kr-moef'), caseId, { held: false, reason: 'x' }))).toMatchObject({
      status: 404,
    });
  });
});
