import { describe, expect, it } from 'vitest';
import { changeStatus } from '#core/agency/changeStatus.js';
import { listCases } from '#core/agency/listCases.js';
import { SWEEP_ACTOR, sweepDeadlines } from '#core/agency/sweepDeadlines.js';
import { transferCase } from '#core/agency/transferCase.js';
import { viewCase } from '#core/agency/viewCase.js';
import { verifyAuditChain } from '#core/auditChain.js';
import { listCasesQuery, updateCaseRequest } from '#schemas/agency.js';
import { domainError } from '../support/errors.js';
import { TEST_AUDIT_KEYS } from '../support/memoryPorts.js';
import { DAY_MS, HOUR_MS, type MemoryAgencyDeps, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';

const handler = staff('handler@kr-molit');
const oversight = staff('oversight@kr-acrc');
const CONTACT = { email: 'reporter@example.kr' };
const list = (query: Record<string, string> = {}) => listCasesQuery.parse(query);
const past = (at: string, ms = 1) => new Date(Date.parse(at) + ms);
const sweepNow = (deps: MemoryAgencyDeps) => sweepDeadlines(deps, deps.clock.now());

async function chainOf(deps: MemoryAgencyDeps, caseId: string) {
  const record = deps.store.record(caseId);
  return await verifyAuditChain(TEST_AUDIT_KEYS, deps.store.auditOf(caseId), { seq: record.auditSeq, hash: record.auditHash });
}

describe('sweepDeadlines', () => {
  it('never escalates a report about the head of the oversight body to that body (invariant 5)', async () => {
    const deps = agencyDeps();
    // The kr pack sends a report about the ACRC's own head to the Board of Audit and Inspection.
    const filed = await fileReport(deps, { subjectIsHead: true, organizationId: 'kr-acrc' });
    expect(filed.organization.id).toBe('kr-bai');
    deps.clock.set(past(filed.acknowledgeBy, HOUR_MS));
    expect(await sweepNow(deps)).toEqual({ overdue: 1, skipped: 0 });
    expect(deps.store.record(filed.caseId)).toMatchObject({
      overdue: true,
      escalatedTo: null,
      escalatedAt: null,
      dueAt: null,
      organizationId: 'kr-bai',
    });
    expect(deps.store.auditOf(filed.caseId).at(-1)).toMatchObject({
      actor: SWEEP_ACTOR,
      action: 'deadline.missed',
      details: { deadline: 'acknowledge', escalatedTo: 'none', notEscalated: 'the report is about the head of kr-acrc' },
    });
    // The ACRC neither lists it among its escalations nor opens it; the Board keeps it, overdue, first in its queue.
    expect((await listCases(deps, oversight, list({ escalated: 'true' }))).items).toEqual([]);
    expect((await domainError(viewCase(deps, oversight, filed.caseId))).code).toBe('NOT_FOUND');
    expect((await listCases(deps, staff('handler@kr-bai'), list())).items[0]).toMatchObject({
      caseId: filed.caseId,
      overdue: true,
      escalated: false,
    });
    expect(await chainOf(deps, filed.caseId)).toEqual({ verified: true });
    // A later run changes nothing more.
    expect(await sweepNow(deps)).toEqual({ overdue: 0, skipped: 0 });
  });

  it('keeps a head report escalated to its subject by an older sweep out of that body’s escalations', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps, { subjectIsHead: true, organizationId: 'kr-acrc' });
    deps.store.update(filed.caseId, (file) => {
      file.case.escalatedTo = 'kr-acrc';
      file.case.overdue = true;
    });
    expect((await listCases(deps, oversight, list({ escalated: 'true' }))).items).toEqual([]);
    expect((await domainError(viewCase(deps, oversight, filed.caseId))).code).toBe('NOT_FOUND');
  });

  it('does nothing before the acknowledgement deadline, up to the very instant of it', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    for (const at of [deps.clock.now(), past(filed.acknowledgeBy, -DAY_MS), new Date(filed.acknowledgeBy)]) {
      deps.clock.set(at);
      expect(await sweepNow(deps)).toEqual({ overdue: 0, skipped: 0 });
    }
    expect(deps.store.record(filed.caseId)).toMatchObject({ overdue: false, escalatedTo: null, dueAt: filed.acknowledgeBy, auditSeq: 0 });
    expect(deps.store.commits).toBe(0);
  });

  it('marks a received case overdue after its acknowledgement deadline and escalates it to kr-acrc, once', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    const sweptAt = past(filed.acknowledgeBy, HOUR_MS);
    deps.clock.set(sweptAt);
    expect(await sweepNow(deps)).toEqual({ overdue: 1, skipped: 0 });

    expect(deps.store.record(filed.caseId)).toMatchObject({
      status: 'received',
      organizationId: 'kr-molit',
      overdue: true,
      dueAt: null,
      escalatedTo: 'kr-acrc',
      escalatedAt: sweptAt.toISOString(),
      auditSeq: 1,
    });
    const audit = deps.store.auditOf(filed.caseId);
    expect(audit.at(-1)).toMatchObject({
      seq: 1,
      at: sweptAt.toISOString(),
      actor: SWEEP_ACTOR,
      action: 'deadline.missed',
      details: { deadline: 'acknowledge', due: filed.acknowledgeBy, escalatedTo: 'kr-acrc' },
    });
    expect(await chainOf(deps, filed.caseId)).toEqual({ verified: true });

    // Idempotent: later runs find nothing more to do.
    const folder = JSON.stringify(await deps.store.getCaseFolder(filed.caseId));
    for (const hours of [0, 1, 24 * 30]) {
      deps.clock.set(past(sweptAt.toISOString(), hours * HOUR_MS));
      expect(await sweepNow(deps)).toEqual({ overdue: 0, skipped: 0 });
    }
    expect(deps.store.auditOf(filed.caseId)).toHaveLength(2);
    expect(JSON.stringify(await deps.store.getCaseFolder(filed.caseId))).toBe(folder);
  });

  it('lets a case acknowledged in time become overdue only after its response deadline', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    deps.clock.advance(2 * DAY_MS);
    await changeStatus(deps, handler, filed.caseId, updateCaseRequest.parse({ status: 'acknowledged' }));
    for (const at of [past(filed.acknowledgeBy), past(filed.acknowledgeBy, 30 * DAY_MS), new Date(filed.respondBy)]) {
      deps.clock.set(at);
      expect(await sweepNow(deps)).toEqual({ overdue: 0, skipped: 0 });
    }
    expect(deps.store.record(filed.caseId)).toMatchObject({ overdue: false, escalatedTo: null });

    deps.clock.set(past(filed.respondBy));
    expect(await sweepNow(deps)).toEqual({ overdue: 1, skipped: 0 });
    expect(deps.store.record(filed.caseId)).toMatchObject({ status: 'acknowledged', overdue: true, escalatedTo: 'kr-acrc', dueAt: null });
    expect(deps.store.auditOf(filed.caseId).at(-1)).toMatchObject({
      action: 'deadline.missed',
      details: { deadline: 'respond', due: filed.respondBy, escalatedTo: 'kr-acrc' },
    });
    expect(await sweepNow(deps)).toEqual({ overdue: 0, skipped: 0 });
  });

  it('never sweeps a closed case', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    await changeStatus(deps, handler, filed.caseId, updateCaseRequest.parse({ status: 'acknowledged' }));
    await changeStatus(deps, handler, filed.caseId, updateCaseRequest.parse({ status: 'closed', resolution: 'unsubstantiated' }));
    const audit = deps.store.auditOf(filed.caseId);
    for (const at of [past(filed.acknowledgeBy), past(filed.respondBy), new Date('2036-01-01T00:00:00.000Z')]) {
      deps.clock.set(at);
      expect(await sweepNow(deps)).toEqual({ overdue: 0, skipped: 0 });
    }
    expect(deps.store.record(filed.caseId)).toMatchObject({ status: 'closed', overdue: false, escalatedTo: null, dueAt: null });
    expect(deps.store.auditOf(filed.caseId)).toEqual(audit);
  });

  it('sweeps every due case, oldest deadline first, and only those', async () => {
    const deps = agencyDeps();
    const first = await fileReport(deps);
    deps.clock.advance(DAY_MS);
    const second = await fileReport(deps, { category: 'code-of-conduct', organizationId: 'kr-moef' });
    deps.clock.advance(DAY_MS);
    const notYet = await fileReport(deps);
    deps.clock.set(past(second.acknowledgeBy));
    expect(await sweepNow(deps)).toEqual({ overdue: 2, skipped: 0 });
    expect(deps.store.record(first.caseId)).toMatchObject({ overdue: true, escalatedTo: 'kr-acrc' });
    expect(deps.store.record(second.caseId)).toMatchObject({ overdue: true, escalatedTo: 'kr-acrc', organizationId: 'kr-moef' });
    expect(deps.store.record(notYet.caseId)).toMatchObject({ overdue: false, escalatedTo: null });
  });

  it('works through more due cases than one batch', async () => {
    const deps = agencyDeps();
    const ids: string[] = [];
    for (let i = 0; i < 230; i++) ids.push((await fileReport(deps)).caseId);
    deps.clock.advance(8 * DAY_MS);
    expect(await sweepNow(deps)).toEqual({ overdue: 230, skipped: 0 });
    expect(ids.every((id) => deps.store.record(id).overdue && deps.store.record(id).escalatedTo === 'kr-acrc')).toBe(true);
    expect(await sweepNow(deps)).toEqual({ overdue: 0, skipped: 0 });
  });

  it('skips a case changed since the due list was read, leaving it for the next run', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    deps.clock.set(past(filed.acknowledgeBy));
    let interleaved = false;
    deps.store.beforeCommit = async (change) => {
      if (change.audit.action !== 'deadline.missed' || interleaved) return;
      interleaved = true;
      // A handler opens the case just as the sweep reaches it.
      await viewCase(deps, handler, filed.caseId);
    };
    expect(await sweepNow(deps)).toEqual({ overdue: 0, skipped: 1 });
    expect(deps.store.record(filed.caseId)).toMatchObject({ overdue: false, auditSeq: 1 });
    expect(await sweepNow(deps)).toEqual({ overdue: 1, skipped: 0 });
    expect(deps.store.auditOf(filed.caseId).map((e) => e.action)).toEqual(['report.received', 'case.viewed', 'deadline.missed']);
    expect(await chainOf(deps, filed.caseId)).toEqual({ verified: true });
  });

  it('still escalates a case that a status change found already past its deadline', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    await changeStatus(deps, handler, filed.caseId, updateCaseRequest.parse({ status: 'acknowledged' }));
    // The sweep did not run in time (a stopped local portal, a missed schedule); the handler moves the case on.
    deps.clock.set(past(filed.respondBy, DAY_MS));
    const moved = await changeStatus(deps, handler, filed.caseId, updateCaseRequest.parse({ status: 'in_review' }));
    expect(moved.overdue).toBe(true);
    expect(deps.store.record(filed.caseId).overdue).toBe(true);
    expect(await sweepNow(deps)).toEqual({ overdue: 1, skipped: 0 });
    expect(deps.store.record(filed.caseId)).toMatchObject({ status: 'in_review', overdue: true, escalatedTo: 'kr-acrc', dueAt: null });
    expect(deps.store.auditOf(filed.caseId).at(-1)).toMatchObject({ action: 'deadline.missed', details: { deadline: 'respond' } });
    expect(await sweepNow(deps)).toEqual({ overdue: 0, skipped: 0 });
  });

  it('escalates a case transferred after its acknowledgement deadline that nobody acknowledges', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    await changeStatus(deps, handler, filed.caseId, updateCaseRequest.parse({ status: 'acknowledged' }));
    deps.clock.set(past(filed.acknowledgeBy, 3 * DAY_MS));
    await transferCase(deps, staff('supervisor@kr-molit'), filed.caseId, { organizationId: 'kr-moef', reason: 'Their budget line.' });
    expect(deps.store.record(filed.caseId)).toMatchObject({ organizationId: 'kr-moef', status: 'received', overdue: true });
    await sweepNow(deps);
    expect(deps.store.record(filed.caseId)).toMatchObject({
      organizationId: 'kr-moef',
      overdue: true,
      escalatedTo: 'kr-acrc',
      dueAt: null,
    });
    expect((await listCases(deps, oversight, list({ escalated: 'true' }))).items.map((i) => i.caseId)).toEqual([filed.caseId]);
  });

  it('shows the escalation to oversight, and keeps the case first in its own organization’s queue', async () => {
    const deps = agencyDeps();
    // An older case acknowledged in time, and a newer one nobody acknowledges.
    const older = await fileReport(deps, { anonymity: 'confidential', contact: CONTACT, title: 'Older, acknowledged' });
    await changeStatus(deps, handler, older.caseId, updateCaseRequest.parse({ status: 'acknowledged' }));
    deps.clock.advance(HOUR_MS);
    const late = await fileReport(deps, { anonymity: 'confidential', contact: CONTACT, title: 'Newer, never acknowledged' });
    expect((await listCases(deps, oversight, list({ escalated: 'true' }))).items).toEqual([]);

    deps.clock.set(past(late.acknowledgeBy));
    await sweepNow(deps);

    const escalated = await listCases(deps, oversight, list({ escalated: 'true' }));
    expect(escalated).toEqual({
      items: [
        {
          caseId: late.caseId,
          category: 'budget-waste',
          title: 'Newer, never acknowledged',
          status: 'received',
          createdAt: expect.any(String),
          acknowledgeBy: late.acknowledgeBy,
          respondBy: late.respondBy,
          overdue: true,
          organizationId: 'kr-molit',
          escalated: true,
          unreadReplies: 0,
          held: false,
          assignee: null,
        },
      ],
      nextCursor: null,
    });
    // The oversight body's own queue is its own cases, not the escalations.
    expect((await listCases(deps, oversight, list())).items.map((i) => i.caseId)).not.toContain(late.caseId);

    const opened = await viewCase(deps, oversight, late.caseId);
    expect(opened).toMatchObject({
      caseId: late.caseId,
      organization: { id: 'kr-molit' },
      contact: null,
      overdue: true,
      escalatedTo: 'kr-acrc',
      auditVerified: true,
    });
    expect(opened.audit.at(-1)).toMatchObject({ actor: 'oversight@kr-acrc', action: 'case.viewed', details: { access: 'oversight' } });

    const own = await listCases(deps, handler, list());
    expect(own.items.map((i) => [i.caseId, i.overdue, i.escalated])).toEqual([
      [late.caseId, true, true],
      [older.caseId, false, false],
    ]);
    expect((await viewCase(deps, handler, late.caseId)).contact).toEqual(CONTACT);
  });

  it('refuses the escalated list to handlers and supervisors', async () => {
    const deps = agencyDeps();
    for (const username of ['handler@kr-molit', 'supervisor@kr-molit', 'handler@kr-acrc', 'supervisor@kr-acrc']) {
      expect((await domainError(listCases(deps, staff(username), list({ escalated: 'true' })))).code).toBe('FORBIDDEN');
    }
  });
});
