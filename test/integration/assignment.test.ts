// Assignment through the local runtime, against DynamoDB Local: a supervisor names a handler from the staff
// directory, the handler finds the case under "assigned to me", declares a conflict of interest and steps aside, and
// the supervisor reassigns it to someone else; the queue's search filters run inside DynamoDB's one Query per page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDetailResponse, caseListResponse } from '#schemas/agency.js';
import { staffListResponse } from '#schemas/staff.js';
import { type TestPortal, bearer, fileReport, signIn, startTestPortal } from './support/testPortal.js';

let portal: TestPortal;
let supervisor: string;
let handler: string;
let caseId: string;
let otherCaseId: string;

beforeAll(async () => {
  portal = await startTestPortal();
  supervisor = await signIn(portal, 'supervisor@kr-molit');
  handler = await signIn(portal, 'handler@kr-molit');
  caseId = (await fileReport(portal, { category: 'budget-waste', title: 'Bridge study paid twice' })).caseId;
  otherCaseId = (await fileReport(portal, { category: 'budget-waste', title: 'Road resurfaced on paper only' })).caseId;
});
afterAll(async () => {
  await portal?.stop();
});

const queue = async (token: string, query: string) => {
  const answer = await portal.api('GET', `/cases?${query}`, undefined, bearer(token));
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return caseListResponse.parse(answer.body).items.map((i) => i.caseId);
};

describe('assignment and conflict of interest', () => {
  it('lists the organization’s staff from the directory the demo accounts were entered in', async () => {
    const answer = await portal.api('GET', '/staff', undefined, bearer(supervisor));
    expect(answer.status).toBe(200);
    expect(staffListResponse.parse(answer.body).items).toEqual([
      { username: 'handler@kr-molit', role: 'handler' },
      { username: 'supervisor@kr-molit', role: 'supervisor' },
    ]);
    // Names and roles only: no address leaves the directory.
    expect(JSON.stringify(answer.body)).not.toContain('.example');
  });

  it('a supervisor assigns the case; the handler sees it under “assigned to me”, the other case stays unassigned', async () => {
    const assigned = await portal.api('POST', `/cases/${caseId}/assignment`, { assignee: 'handler@kr-molit' }, bearer(supervisor));
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(caseDetailResponse.parse(assigned.body)).toMatchObject({ assignee: 'handler@kr-molit', auditVerified: true });
    expect(await queue(handler, 'assignee=me')).toEqual([caseId]);
    expect(await queue(supervisor, 'assignee=none')).toEqual(expect.arrayContaining([otherCaseId]));
    expect(await queue(supervisor, 'assignee=none')).not.toContain(caseId);
  });

  it('refuses a handler assigning (403), a stranger as assignee (400), another organization (404)', async () => {
    const byHandler = await portal.api('POST', `/cases/${caseId}/assignment`, { assignee: 'handler@kr-molit' }, bearer(handler));
    expect(byHandler).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const stranger = await portal.api('POST', `/cases/${caseId}/assignment`, { assignee: 'handler@kr-moef' }, bearer(supervisor));
    expect(stranger).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    const elsewhere = await portal.api(
      'POST',
      `/cases/${caseId}/assignment`,
      { assignee: 'handler@kr-moef' },
      bearer(await signIn(portal, 'supervisor@kr-moef')),
    );
    expect(elsewhere.status).toBe(404);
    const noBody = await portal.api('POST', `/cases/${caseId}/assignment`, { assignee: '' }, bearer(supervisor));
    expect(noBody.status).toBe(400);
  });

  it('the handler declares a conflict: the case returns unassigned, audited, and cannot be assigned back to them', async () => {
    const declared = await portal.api(
      'POST',
      `/cases/${caseId}/conflict`,
      { reason: 'The official named is a relative of mine.' },
      bearer(handler),
    );
    expect(declared.status, JSON.stringify(declared.body)).toBe(200);
    const detail = caseDetailResponse.parse(declared.body);
    expect(detail).toMatchObject({ assignee: null, recused: ['handler@kr-molit'], auditVerified: true });
    expect(detail.audit.slice(-2).map((e) => [e.actor, e.action])).toEqual([
      ['supervisor@kr-molit', 'case.assigned'],
      ['handler@kr-molit', 'case.conflict_declared'],
    ]);
    expect(await queue(handler, 'assignee=me')).toEqual([]);

    const back = await portal.api('POST', `/cases/${caseId}/assignment`, { assignee: 'handler@kr-molit' }, bearer(supervisor));
    expect(back).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    const reassigned = await portal.api('POST', `/cases/${caseId}/assignment`, { assignee: 'supervisor@kr-molit' }, bearer(supervisor));
    expect(reassigned.status).toBe(200);
    expect(await queue(supervisor, 'assignee=me')).toEqual([caseId]);
    expect(await queue(supervisor, 'assignee=supervisor%40kr-molit')).toEqual([caseId]);
  });
});

describe('queue search', () => {
  it('filters by category, channel, filing dates and case id', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await queue(supervisor, 'category=budget-waste')).toEqual(expect.arrayContaining([caseId, otherCaseId]));
    expect(await queue(supervisor, 'category=bribery')).toEqual([]);
    expect(await queue(supervisor, 'channel=web')).toEqual(expect.arrayContaining([caseId, otherCaseId]));
    expect(await queue(supervisor, 'channel=phone')).toEqual([]);
    expect(await queue(supervisor, `from=${today}&to=${today}`)).toEqual(expect.arrayContaining([caseId, otherCaseId]));
    expect(await queue(supervisor, 'to=2020-01-01')).toEqual([]);
    expect(await queue(supervisor, `caseId=${otherCaseId}`)).toEqual([otherCaseId]);
    expect(await queue(await signIn(portal, 'supervisor@kr-moef'), `caseId=${otherCaseId}`)).toEqual([]);
  });

  it('pages a narrowed queue with a cursor bound to its search', async () => {
    const first = await portal.api('GET', '/cases?category=budget-waste&limit=1', undefined, bearer(supervisor));
    const page = caseListResponse.parse(first.body);
    expect(page.nextCursor).not.toBeNull();
    const other = await portal.api(
      'GET',
      `/cases?category=bribery&limit=1&cursor=${encodeURIComponent(page.nextCursor!)}`,
      undefined,
      bearer(supervisor),
    );
    expect(other.status).toBe(400);
  });

  it('answers a clear 400 for a bad search', async () => {
    for (const query of ['channel=fax', 'from=2026-13-01', 'from=2026-03-02&to=2026-03-01', 'assignee=', 'colour=red']) {
      const answer = await portal.api('GET', `/cases?${query}`, undefined, bearer(supervisor));
      expect(answer, query).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    }
  });
});
