import { describe, expect, it } from 'vitest';
import { changeStatus } from '#core/agency/changeStatus.js';
import { listCases } from '#core/agency/listCases.js';
import { sweepDeadlines } from '#core/agency/sweepDeadlines.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import { caseListResponse, listCasesQuery, updateCaseRequest } from '#schemas/agency.js';
import { domainError } from '../support/errors.js';
import { DAY_MS, HOUR_MS, type MemoryAgencyDeps, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';
import { TEST_NOW } from '../support/memoryPorts.js';

const handler = staff('handler@kr-molit');
const query = (q: Record<string, string> = {}) => listCasesQuery.parse(q);
const move = (deps: MemoryAgencyDeps, caseId: string, body: Record<string, unknown>) =>
  changeStatus(deps, handler, caseId, updateCaseRequest.parse(body));

/**
 * Four kr-molit cases an hour apart: `first` and `second` acknowledged in time, `late` never acknowledged (so
 * overdue once swept), `done` closed; plus one kr-moef case. The clock ends 8 days on, after the sweep.
 */
async function queue(deps: MemoryAgencyDeps) {
  const file = async (title: string, overrides: Record<string, unknown> = {}) => {
    const filed = await fileReport(deps, { title, ...overrides });
    deps.clock.advance(HOUR_MS);
    return filed.caseId;
  };
  const first = await file('first');
  const second = await file('second');
  const late = await file('late');
  const done = await file('done');
  const elsewhere = await file('elsewhere', { category: 'code-of-conduct', organizationId: 'kr-moef' });
  for (const id of [first, second, done]) await move(deps, id, { status: 'acknowledged' });
  await move(deps, done, { status: 'closed', resolution: 'unsubstantiated' });
  deps.clock.advance(8 * DAY_MS);
  await sweepDeadlines(deps, deps.clock.now());
  return { first, second, late, done, elsewhere };
}

async function allPages(deps: MemoryAgencyDeps, user: AgencyUser, q: Record<string, string>) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await listCases(deps, user, query({ ...q, ...(cursor ? { cursor } : {}) }));
    pages.push(page.items.map((i) => i.caseId));
    cursor = page.nextCursor;
    if (pages.length > 20) throw new Error('the pages never end');
  } while (cursor);
  return pages;
}

describe('listCases', () => {
  it('lists the organization’s cases overdue first, then open ones oldest first, then closed ones', async () => {
    const deps = agencyDeps();
    const { first, second, late, done, elsewhere } = await queue(deps);
    const listed = await listCases(deps, handler, query());
    expect(caseListResponse.parse(listed)).toEqual(listed);
    expect(listed.items.map((i) => i.caseId)).toEqual([late, first, second, done]);
    expect(listed.items.map((i) => i.caseId)).not.toContain(elsewhere);
    expect(listed.nextCursor).toBeNull();
    expect(listed.items[0]).toEqual({
      caseId: late,
      category: 'budget-waste',
      title: 'late',
      status: 'received',
      createdAt: new Date(Date.parse(TEST_NOW) + 2 * HOUR_MS).toISOString(),
      // From the end of the filing's hour (core/reporterTime.ts).
      acknowledgeBy: new Date(Date.parse(TEST_NOW) + 3 * HOUR_MS + 7 * DAY_MS).toISOString(),
      respondBy: new Date(Date.parse(TEST_NOW) + 3 * HOUR_MS + 60 * DAY_MS).toISOString(),
      overdue: true,
      organizationId: 'kr-molit',
      escalated: true,
      unreadReplies: 0,
      held: false,
      assignee: null,
    });
    expect(listed.items.map((i) => [i.title, i.status, i.overdue])).toEqual([
      ['late', 'received', true],
      ['first', 'acknowledged', false],
      ['second', 'acknowledged', false],
      ['done', 'closed', false],
    ]);
    expect((await listCases(deps, staff('supervisor@kr-moef'), query())).items.map((i) => i.caseId)).toEqual([elsewhere]);
    expect((await listCases(deps, staff('handler@kr-mohw'), query())).items).toEqual([]);
  });

  it('filters by status', async () => {
    const deps = agencyDeps();
    const { first, second, late, done } = await queue(deps);
    const ids = async (status: string) => (await listCases(deps, handler, query({ status }))).items.map((i) => i.caseId);
    expect(await ids('acknowledged')).toEqual([first, second]);
    expect(await ids('received')).toEqual([late]);
    expect(await ids('closed')).toEqual([done]);
    expect(await ids('investigating')).toEqual([]);
  });

  it('filters the overdue cases, alone or with a status', async () => {
    const deps = agencyDeps();
    const { late } = await queue(deps);
    const ids = async (q: Record<string, string>) => (await listCases(deps, handler, query(q))).items.map((i) => i.caseId);
    expect(await ids({ overdue: 'true' })).toEqual([late]);
    expect(await ids({ overdue: 'true', status: 'received' })).toEqual([late]);
    expect(await ids({ overdue: 'true', status: 'acknowledged' })).toEqual([]);
    expect(await ids({ overdue: 'false' })).toHaveLength(4);
  });

  it('pages through the queue with a cursor, every case once and in order', async () => {
    const deps = agencyDeps();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push((await fileReport(deps, { title: `case ${i}` })).caseId);
      deps.clock.advance(HOUR_MS);
    }
    const pages = await allPages(deps, handler, { limit: '3' });
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(ids);
    expect((await listCases(deps, handler, query({ limit: '100' }))).items.map((i) => i.caseId)).toEqual(ids);
  });

  it('pages through a queue that fills its last page exactly (DynamoDB then answers one more, empty page)', async () => {
    const deps = agencyDeps();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      ids.push((await fileReport(deps)).caseId);
      deps.clock.advance(HOUR_MS);
    }
    const pages = await allPages(deps, handler, { limit: '3' });
    expect(pages.flat()).toEqual(ids);
    expect(pages.slice(0, 2).map((p) => p.length)).toEqual([3, 3]);
  });

  it('pages through a filtered queue', async () => {
    const deps = agencyDeps();
    const acknowledged: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { caseId } = await fileReport(deps);
      if (i % 2 === 0) {
        await move(deps, caseId, { status: 'acknowledged' });
        acknowledged.push(caseId);
      }
      deps.clock.advance(HOUR_MS);
    }
    expect((await allPages(deps, handler, { status: 'acknowledged', limit: '3' })).flat()).toEqual(acknowledged);
  });

  it('refuses a cursor from another organization’s listing, or from other filters (400 on cursor)', async () => {
    const deps = agencyDeps();
    for (let i = 0; i < 3; i++) {
      await fileReport(deps);
      await fileReport(deps, { category: 'code-of-conduct', organizationId: 'kr-moef' });
    }
    const moefCursor = (await listCases(deps, staff('handler@kr-moef'), query({ limit: '2' }))).nextCursor!;
    expect(moefCursor).toEqual(expect.any(String));
    const error = await domainError(listCases(deps, handler, query({ limit: '2', cursor: moefCursor })));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'cursor' }] });

    const ownCursor = (await listCases(deps, handler, query({ limit: '2' }))).nextCursor!;
    for (const other of [{ limit: '3' }, { limit: '2', status: 'received' }, { limit: '2', overdue: 'true' }] as Record<string, string>[]) {
      expect((await domainError(listCases(deps, handler, query({ ...other, cursor: ownCursor })))).code).toBe('VALIDATION_FAILED');
    }
    expect((await domainError(listCases(deps, handler, query({ limit: '2', cursor: 'forged.cursor' })))).code).toBe('VALIDATION_FAILED');
    expect((await listCases(deps, handler, query({ limit: '2', cursor: ownCursor }))).items).toHaveLength(1);
  });

  it('shows a case as overdue once its deadline has passed, even before the sweep ran', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    deps.clock.set(new Date(Date.parse(filed.acknowledgeBy) + 1));
    expect((await listCases(deps, handler, query())).items.map((i) => [i.caseId, i.overdue, i.escalated])).toEqual([
      [filed.caseId, true, false],
    ]);
  });
});
