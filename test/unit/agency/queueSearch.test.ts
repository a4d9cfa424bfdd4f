// The queue's search: category, channel, filing dates and a case id, each still one store query per page.
import { describe, expect, it } from 'vitest';
import { listCases } from '#core/agency/listCases.js';
import { matchesQueueFilter, queueFilterOf } from '#core/agency/queueFilter.js';
import { listCasesQuery } from '#schemas/agency.js';
import type { CaseRecord } from '#core/ports.js';
import { DAY_MS, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';

const supervisor = staff('supervisor@kr-molit');
const search = (query: Record<string, string>) => listCasesQuery.parse(query);

describe('queueFilterOf', () => {
  it('reads `me` as the caller, `none` as nobody, and a closed day range as whole UTC days', () => {
    expect(queueFilterOf(search({ assignee: 'me', from: '2026-03-01', to: '2026-03-31' }), supervisor)).toEqual({
      assignee: 'supervisor@kr-molit',
      createdFrom: '2026-03-01T00:00:00.000Z',
      createdBefore: '2026-04-01T00:00:00.000Z',
    });
    expect(queueFilterOf(search({ assignee: 'none', channel: 'phone', category: 'bribery' }), supervisor)).toEqual({
      assignee: null,
      channel: 'phone',
      category: 'bribery',
    });
  });

  it('counts a case from before channels as filed on the web, and an absent assignee as nobody', () => {
    const old = { category: 'bribery', createdAt: '2026-03-05T10:00:00.000Z' } as CaseRecord;
    expect(matchesQueueFilter(old, { channel: 'web', assignee: null })).toBe(true);
    expect(matchesQueueFilter(old, { channel: 'phone' })).toBe(false);
    expect(matchesQueueFilter(old, { createdFrom: '2026-03-05T10:00:00.000Z', createdBefore: '2026-03-06T00:00:00.000Z' })).toBe(true);
    expect(matchesQueueFilter(old, { createdBefore: '2026-03-05T10:00:00.000Z' })).toBe(false);
  });

  it('refuses a range that ends before it starts, an unknown channel and an unknown parameter (400 shapes)', () => {
    expect(listCasesQuery.safeParse({ from: '2026-03-02', to: '2026-03-01' }).success).toBe(false);
    expect(listCasesQuery.safeParse({ channel: 'fax' }).success).toBe(false);
    expect(listCasesQuery.safeParse({ from: '2026-02-30' }).success).toBe(false);
    expect(listCasesQuery.safeParse({ title: 'x' }).success).toBe(false);
  });
});

describe('listCases search', () => {
  it('narrows the queue by category and filing date', async () => {
    const deps = agencyDeps();
    const first = await fileReport(deps, { category: 'budget-waste' });
    deps.clock.advance(3 * DAY_MS);
    const later = await fileReport(deps, { category: 'budget-waste' });
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const laterDay = day(deps.clock.now().getTime());
    const ids = async (query: Record<string, string>) => (await listCases(deps, supervisor, search(query))).items.map((i) => i.caseId);
    expect(await ids({ category: 'budget-waste' })).toEqual([first.caseId, later.caseId]);
    expect(await ids({ category: 'bribery' })).toEqual([]);
    expect(await ids({ from: laterDay })).toEqual([later.caseId]);
    expect(await ids({ to: day(deps.clock.now().getTime() - 2 * DAY_MS) })).toEqual([first.caseId]);
    expect(await ids({ channel: 'web' })).toEqual([first.caseId, later.caseId]);
    expect(await ids({ channel: 'visit' })).toEqual([]);
  });

  it('finds one case by id only in the caller’s reach, and only if it matches the other filters', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps, { category: 'budget-waste' });
    const found = await listCases(deps, supervisor, search({ caseId: filed.caseId }));
    expect(found).toEqual({ items: [expect.objectContaining({ caseId: filed.caseId })], nextCursor: null });
    expect((await listCases(deps, supervisor, search({ caseId: filed.caseId, category: 'bribery' }))).items).toEqual([]);
    expect((await listCases(deps, staff('supervisor@kr-moef'), search({ caseId: filed.caseId }))).items).toEqual([]);
    expect((await listCases(deps, supervisor, search({ caseId: 'not-a-case-id' }))).items).toEqual([]);
  });

  it('binds the cursor to the search: a cursor from one search does not page another', async () => {
    const deps = agencyDeps();
    for (let i = 0; i < 3; i++) await fileReport(deps);
    const page = await listCases(deps, supervisor, search({ limit: '1', category: 'budget-waste' }));
    expect(page.nextCursor).not.toBeNull();
    await expect(listCases(deps, supervisor, search({ limit: '1', category: 'bribery', cursor: page.nextCursor! }))).rejects.toMatchObject({
      status: 400,
    });
  });
});
