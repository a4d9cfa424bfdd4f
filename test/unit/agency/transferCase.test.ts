import { describe, expect, it } from 'vitest';
import { changeStatus } from '#core/agency/changeStatus.js';
import { listCases } from '#core/agency/listCases.js';
import { sweepDeadlines } from '#core/agency/sweepDeadlines.js';
import { transferCase } from '#core/agency/transferCase.js';
import { viewCase } from '#core/agency/viewCase.js';
import { trackCase } from '#core/trackCase.js';
import { caseDetailResponse, listCasesQuery, transferRequest, updateCaseRequest } from '#schemas/agency.js';
import { domainError } from '../support/errors.js';
import { DAY_MS, HOUR_MS, type MemoryAgencyDeps, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';
import { TEST_NOW } from '../support/memoryPorts.js';

const supervisor = staff('supervisor@kr-molit');
const CONTACT = { email: 'reporter@example.kr' };
const transfer = (organizationId: string, reason = 'The contract is managed by the finance ministry.') =>
  transferRequest.parse({ organizationId, reason });
const at = (ms: number) => new Date(Date.parse(TEST_NOW) + ms).toISOString();
const queueOf = async (deps: MemoryAgencyDeps, username: string) =>
  (await listCases(deps, staff(username), listCasesQuery.parse({}))).items.map((i) => i.caseId);

async function snapshot(deps: MemoryAgencyDeps, caseId: string) {
  return JSON.stringify([await deps.store.getCaseFolder(caseId), deps.store.commits]);
}

describe('transferCase', () => {
  it('moves the case to the other organization’s queue, received again, and tells the whistleblower where it went', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps, { anonymity: 'confidential', contact: CONTACT });
    deps.clock.advance(HOUR_MS);
    await changeStatus(
      deps,
      staff('handler@kr-molit'),
      filed.caseId,
      updateCaseRequest.parse({ status: 'acknowledged', publicNote: 'Received.' }),
    );
    deps.clock.advance(HOUR_MS);

    const moved = await transferCase(deps, supervisor, filed.caseId, transfer('kr-moef'));
    expect(caseDetailResponse.parse(moved)).toEqual(moved);
    expect(moved).toMatchObject({
      status: 'received',
      organization: { id: 'kr-moef', name: '기획재정부' },
      reportedOrganization: { id: 'kr-molit' },
      // The caller no longer owns it.
      contact: null,
      auditVerified: true,
    });
    expect(moved.timeline).toEqual([
      { at: TEST_NOW, status: 'received' },
      { at: at(HOUR_MS), status: 'acknowledged', publicNote: 'Received.' },
      { at: at(2 * HOUR_MS), status: 'transferred', organization: { id: 'kr-moef', name: '기획재정부' } },
      { at: at(2 * HOUR_MS + 1), status: 'received', organization: { id: 'kr-moef', name: '기획재정부' } },
    ]);
    expect(moved.notes).toEqual([
      {
        id: expect.any(String),
        at: at(2 * HOUR_MS),
        author: 'supervisor@kr-molit',
        body: 'Transfer reason: The contract is managed by the finance ministry.',
      },
    ]);
    expect(moved.audit.at(-1)).toMatchObject({
      actor: 'supervisor@kr-molit',
      action: 'case.transferred',
      details: { from: 'kr-molit', to: 'kr-moef' },
    });
    expect(deps.store.record(filed.caseId)).toMatchObject({
      organizationId: 'kr-moef',
      reportedOrganizationId: 'kr-molit',
      status: 'received',
      acknowledgedAt: null,
    });

    // The old organization has lost it; the new one has it with the reason, but not the reporter's contact details,
    // which were shared with kr-molit only (contactDisclosure.ts).
    for (const username of ['handler@kr-molit', 'supervisor@kr-molit']) {
      expect((await domainError(viewCase(deps, staff(username), filed.caseId))).code).toBe('NOT_FOUND');
    }
    expect(await queueOf(deps, 'handler@kr-molit')).toEqual([]);
    expect(await queueOf(deps, 'handler@kr-moef')).toEqual([filed.caseId]);
    const theirs = await viewCase(deps, staff('handler@kr-moef'), filed.caseId);
    expect(theirs).toMatchObject({ status: 'received', contact: null, contactSharedWith: { id: 'kr-molit' }, auditVerified: true });
    expect(theirs.audit.at(-1)!.details).toEqual({ access: 'owner' });
    expect(theirs.notes.map((n) => n.body)).toEqual(['Transfer reason: The contract is managed by the finance ministry.']);

    // The whistleblower sees the move, in their language, but never the reason.
    const tracked = await trackCase(deps, filed.trackingCode);
    expect(tracked.organization).toEqual({ id: 'kr-moef', name: 'Ministry of Economy and Finance' });
    expect(tracked.timeline.slice(2)).toEqual([
      { at: at(2 * HOUR_MS), status: 'transferred', organization: { id: 'kr-moef', name: 'Ministry of Economy and Finance' } },
      { at: at(2 * HOUR_MS + 1), status: 'received', organization: { id: 'kr-moef', name: 'Ministry of Economy and Finance' } },
    ]);
    expect(JSON.stringify(tracked)).not.toContain('finance ministry');
  });

  it('starts the case again in the new queue: it must be acknowledged there', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    await changeStatus(deps, staff('handler@kr-molit'), filed.caseId, updateCaseRequest.parse({ status: 'acknowledged' }));
    await transferCase(deps, supervisor, filed.caseId, transfer('kr-moef'));
    const moef = staff('handler@kr-moef');
    expect((await domainError(changeStatus(deps, moef, filed.caseId, updateCaseRequest.parse({ status: 'in_review' })))).code).toBe(
      'CONFLICT',
    );
    expect((await changeStatus(deps, moef, filed.caseId, updateCaseRequest.parse({ status: 'acknowledged' }))).status).toBe('acknowledged');
  });

  it('refuses a handler (403), even of the owning organization, and writes nothing', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    const before = await snapshot(deps, filed.caseId);
    const error = await domainError(transferCase(deps, staff('handler@kr-molit'), filed.caseId, transfer('kr-moef')));
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(await snapshot(deps, filed.caseId)).toBe(before);
  });

  it('answers 404, not 403, to a handler of another organization', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    expect((await domainError(transferCase(deps, staff('handler@kr-moef'), filed.caseId, transfer('kr-moef')))).code).toBe('NOT_FOUND');
  });

  it('refuses an organization the pack does not have (400 on organizationId)', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    const before = await snapshot(deps, filed.caseId);
    const error = await domainError(transferCase(deps, supervisor, filed.caseId, transfer('kr-nowhere')));
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'organizationId', message: expect.stringContaining('kr-nowhere') }],
    });
    expect(await snapshot(deps, filed.caseId)).toBe(before);
  });

  it('refuses a transfer to the organization that already has the case (409)', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    const before = await snapshot(deps, filed.caseId);
    expect((await domainError(transferCase(deps, supervisor, filed.caseId, transfer('kr-molit')))).code).toBe('CONFLICT');
    expect(await snapshot(deps, filed.caseId)).toBe(before);
  });

  it('never sends a report about an organization’s head to that organization (invariant 5)', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps, { subjectIsHead: true });
    expect(filed.organization.id).toBe('kr-acrc');
    const acrc = staff('supervisor@kr-acrc');
    const before = await snapshot(deps, filed.caseId);
    const error = await domainError(transferCase(deps, acrc, filed.caseId, transfer('kr-molit')));
    expect(error.code).toBe('CONFLICT');
    expect(await snapshot(deps, filed.caseId)).toBe(before);
    // Elsewhere is fine.
    expect((await transferCase(deps, acrc, filed.caseId, transfer('kr-bai'))).organization.id).toBe('kr-bai');
    // And a further transfer from there to the head's organization is refused too.
    expect((await domainError(transferCase(deps, staff('supervisor@kr-bai'), filed.caseId, transfer('kr-molit')))).code).toBe('CONFLICT');
  });

  it('never sends a head report to an organization under the head’s organization either (invariant 5)', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps, { subjectIsHead: true, organizationId: 'kr-moef' });
    expect(filed.organization.id).toBe('kr-acrc');
    const acrc = staff('supervisor@kr-acrc');
    const before = await snapshot(deps, filed.caseId);
    // The National Tax Service and the Customs Service sit under the Ministry of Economy and Finance.
    for (const subordinate of ['kr-nts', 'kr-customs']) {
      const error = await domainError(transferCase(deps, acrc, filed.caseId, transfer(subordinate)));
      expect(error.code).toBe('CONFLICT');
    }
    expect(await snapshot(deps, filed.caseId)).toBe(before);
    // A sibling ministry is fine.
    expect((await transferCase(deps, acrc, filed.caseId, transfer('kr-molit'))).organization.id).toBe('kr-molit');
  });

  it('refuses to transfer a closed case', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    const handler = staff('handler@kr-molit');
    await changeStatus(deps, handler, filed.caseId, updateCaseRequest.parse({ status: 'acknowledged' }));
    await changeStatus(deps, handler, filed.caseId, updateCaseRequest.parse({ status: 'closed', resolution: 'referred' }));
    const before = await snapshot(deps, filed.caseId);
    expect((await domainError(transferCase(deps, supervisor, filed.caseId, transfer('kr-moef')))).code).toBe('CONFLICT');
    expect(await snapshot(deps, filed.caseId)).toBe(before);
  });

  it('lets oversight transfer a case escalated to it, and keep watching it', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps, { anonymity: 'confidential', contact: CONTACT });
    deps.clock.advance(8 * DAY_MS);
    await sweepDeadlines(deps, deps.clock.now());
    const oversight = staff('oversight@kr-acrc');
    const moved = await transferCase(deps, oversight, filed.caseId, transfer('kr-moef', 'Escalated and reassigned.'));
    expect(moved).toMatchObject({ organization: { id: 'kr-moef' }, escalatedTo: 'kr-acrc', contact: null });
    expect((await viewCase(deps, oversight, filed.caseId)).contact).toBeNull();
    expect((await viewCase(deps, staff('handler@kr-moef'), filed.caseId)).contact).toBeNull();
  });

  it('gives an oversight user transferring into their own body the case as owner, but not the contact details', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps, { anonymity: 'confidential', contact: CONTACT });
    deps.clock.advance(8 * DAY_MS);
    await sweepDeadlines(deps, deps.clock.now());
    const oversight = staff('oversight@kr-acrc');
    const moved = await transferCase(deps, oversight, filed.caseId, transfer('kr-acrc', 'We take it over.'));
    expect(moved).toMatchObject({ organization: { id: 'kr-acrc' }, contact: null, contactSharedWith: { id: 'kr-molit' } });
    const viewed = await viewCase(deps, oversight, filed.caseId);
    expect(viewed).toMatchObject({ organization: { id: 'kr-acrc' }, contact: null });
    expect(viewed.audit.at(-1)!.details).toEqual({ access: 'owner' });
  });

  it('opens the contact details again for the organization they were shared with once the case is back', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps, { anonymity: 'confidential', contact: CONTACT });
    await transferCase(deps, supervisor, filed.caseId, transfer('kr-moef'));
    await transferCase(deps, staff('supervisor@kr-moef'), filed.caseId, transfer('kr-molit', 'It is theirs after all.'));
    const viewed = await viewCase(deps, staff('handler@kr-molit'), filed.caseId);
    expect(viewed.contact).toEqual(CONTACT);
    expect(viewed.audit.at(-1)!.details).toEqual({ access: 'owner', contact: 'opened' });
  });
});
