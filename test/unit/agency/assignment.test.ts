// A supervisor designates the staff member responsible for a case; that member can step aside for a conflict of
// interest, and the case returns to the supervisors, never to be assigned to them again. Each step is audited.
import { describe, expect, it } from 'vitest';
import { assignCase } from '#core/agency/assignCase.js';
import { declareConflict } from '#core/agency/declareConflict.js';
import { changeStatus } from '#core/agency/changeStatus.js';
import { listCases } from '#core/agency/listCases.js';
import { transferCase } from '#core/agency/transferCase.js';
import {
  assignmentRequest,
  caseDetailResponse,
  conflictDeclaration,
  listCasesQuery,
  transferRequest,
  updateCaseRequest,
} from '#schemas/agency.js';
import { domainError } from '../support/errors.js';
import { HOUR_MS, type MemoryAgencyDeps, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';

const supervisor = staff('supervisor@kr-molit');
const handler = staff('handler@kr-molit');
const second = { username: 'mina@kr-molit', organizationId: 'kr-molit', role: 'handler' as const };
const assign = (assignee: string) => assignmentRequest.parse({ assignee });
const REASON = 'The official named in the report is my brother-in-law.';

async function world(): Promise<{ deps: MemoryAgencyDeps; caseId: string }> {
  const deps = agencyDeps();
  await deps.staff.register({ ...second, email: 'mina@molit.example', digest: false });
  const { caseId } = await fileReport(deps);
  deps.clock.advance(HOUR_MS);
  return { deps, caseId };
}

describe('assignCase', () => {
  it('names the handler, answers the case with its assignee, and audits who assigned whom', async () => {
    const { deps, caseId } = await world();
    const detail = await assignCase(deps, supervisor, caseId, assign('handler@kr-molit'));
    expect(caseDetailResponse.parse(detail)).toEqual(detail);
    expect(detail).toMatchObject({ assignee: 'handler@kr-molit', assignedAt: deps.clock.now().toISOString(), recused: [] });
    expect(detail.audit.at(-1)).toMatchObject({
      actor: 'supervisor@kr-molit',
      action: 'case.assigned',
      details: { assignee: 'handler@kr-molit' },
    });
    expect(detail.auditVerified).toBe(true);

    const again = await assignCase(deps, supervisor, caseId, assign('mina@kr-molit'));
    expect(again.audit.at(-1)).toMatchObject({ details: { assignee: 'mina@kr-molit', previous: 'handler@kr-molit' } });
  });

  it('is a supervisor’s act: a handler gets 403, another organization 404, and nothing is written', async () => {
    const { deps, caseId } = await world();
    const before = deps.store.auditOf(caseId).length;
    expect(await domainError(assignCase(deps, handler, caseId, assign('handler@kr-molit')))).toMatchObject({ status: 403 });
    expect(await domainError(assignCase(deps, staff('supervisor@kr-moef'), caseId, assign('handler@kr-molit')))).toMatchObject({
      status: 404,
    });
    expect(deps.store.auditOf(caseId)).toHaveLength(before);
  });

  it('only names a handler or supervisor of the case’s own organization (400 otherwise)', async () => {
    const { deps, caseId } = await world();
    for (const stranger of ['handler@kr-moef', 'nobody@kr-molit', 'oversight@kr-acrc']) {
      const refused = await domainError(assignCase(deps, supervisor, caseId, assign(stranger)));
      expect(refused, stranger).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(deps.store.record(caseId).assignee ?? null).toBeNull();
  });

  it('refuses the current assignee again, and a closed case (409)', async () => {
    const { deps, caseId } = await world();
    await assignCase(deps, supervisor, caseId, assign('handler@kr-molit'));
    expect(await domainError(assignCase(deps, supervisor, caseId, assign('handler@kr-molit')))).toMatchObject({ status: 409 });
    await changeStatus(deps, handler, caseId, updateCaseRequest.parse({ status: 'acknowledged' }));
    await changeStatus(
      deps,
      handler,
      caseId,
      updateCaseRequest.parse({ status: 'closed', resolution: 'unsubstantiated', publicNote: 'Closed.' }),
    );
    expect(await domainError(assignCase(deps, supervisor, caseId, assign('mina@kr-molit')))).toMatchObject({ status: 409 });
  });

  it('is cleared by a transfer: the new organization designates its own', async () => {
    const { deps, caseId } = await world();
    await assignCase(deps, supervisor, caseId, assign('handler@kr-molit'));
    const moved = await transferCase(deps, supervisor, caseId, transferRequest.parse({ organizationId: 'kr-moef', reason: 'Theirs.' }));
    expect(moved.assignee).toBeNull();
  });
});

describe('declareConflict', () => {
  it('returns the case unassigned, keeps the reason as a sealed note, audits it, and bars the declarer from it', async () => {
    const { deps, caseId } = await world();
    await assignCase(deps, supervisor, caseId, assign('handler@kr-molit'));
    const detail = await declareConflict(deps, handler, caseId, conflictDeclaration.parse({ reason: REASON }));
    expect(detail).toMatchObject({ assignee: null, assignedAt: null, recused: ['handler@kr-molit'], auditVerified: true });
    expect(detail.audit.at(-1)).toMatchObject({
      actor: 'handler@kr-molit',
      action: 'case.conflict_declared',
      details: { steppedAside: 'handler@kr-molit' },
    });
    // The reason is case text: sealed at rest, in the audit event not at all.
    expect(detail.notes.at(-1)).toMatchObject({ author: 'handler@kr-molit', body: `Conflict of interest declared: ${REASON}` });
    expect(JSON.stringify(deps.store.auditOf(caseId))).not.toContain('brother-in-law');

    expect(await domainError(assignCase(deps, supervisor, caseId, assign('handler@kr-molit')))).toMatchObject({ status: 409 });
    const reassigned = await assignCase(deps, supervisor, caseId, assign('mina@kr-molit'));
    expect(reassigned).toMatchObject({ assignee: 'mina@kr-molit', recused: ['handler@kr-molit'] });
  });

  it('is only for the member the case is assigned to (409), in the owning organization (404 elsewhere)', async () => {
    const { deps, caseId } = await world();
    const declaration = conflictDeclaration.parse({ reason: REASON });
    expect(await domainError(declareConflict(deps, handler, caseId, declaration))).toMatchObject({ status: 409 });
    await assignCase(deps, supervisor, caseId, assign('mina@kr-molit'));
    expect(await domainError(declareConflict(deps, handler, caseId, declaration))).toMatchObject({ status: 409 });
    expect(await domainError(declareConflict(deps, staff('handler@kr-moef'), caseId, declaration))).toMatchObject({ status: 404 });
    expect(deps.store.record(caseId).assignee).toBe('mina@kr-molit');
  });
});

describe('the queue by assignee', () => {
  it('lists my cases, the unassigned ones, or one member’s, and shows each case’s assignee', async () => {
    const { deps, caseId } = await world();
    const { caseId: other } = await fileReport(deps);
    await assignCase(deps, supervisor, caseId, assign('handler@kr-molit'));
    const ids = async (user: typeof handler, query: Record<string, string>) =>
      (await listCases(deps, user, listCasesQuery.parse(query))).items.map((i) => i.caseId);
    expect(await ids(handler, { assignee: 'me' })).toEqual([caseId]);
    expect(await ids(supervisor, { assignee: 'none' })).toEqual([other]);
    expect(await ids(supervisor, { assignee: 'handler@kr-molit' })).toEqual([caseId]);
    expect(await ids(supervisor, { assignee: 'me' })).toEqual([]);
    const all = await listCases(deps, supervisor, listCasesQuery.parse({}));
    expect(all.items.map((i) => [i.caseId, i.assignee])).toEqual([
      [caseId, 'handler@kr-molit'],
      [other, null],
    ]);
  });
});
