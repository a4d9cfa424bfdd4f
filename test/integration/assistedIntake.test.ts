// Assisted intake through the local runtime (docs/assisted-intake.md): a staff member of one organization takes a
// report by phone and files it; the code on the slip tracks it like any report; it sits in the routed
// organization's queue marked "phone"; the audit names the staff member and never the reporter. Bad input and a
// caller without a token change nothing.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#composition/awsClients.js';
import { caseDetailResponse, caseListResponse } from '#schemas/agency.js';
import { assistedReportResponse } from '#schemas/intake.js';
import { trackResponse } from '#schemas/track.js';
import { type TestPortal, aReport, bearer, signIn, startTestPortal } from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

/** Every item of the table: a refused request must leave it exactly as it was. */
async function tableItems(): Promise<string[]> {
  const table = createDocumentClient('us-east-1', process.env.DYNAMODB_ENDPOINT);
  const keys: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.send(
      new ScanCommand({ TableName: process.env.TABLE_NAME!, ProjectionExpression: 'PK, SK', ExclusiveStartKey: start }),
    );
    keys.push(...(page.Items ?? []).map((i) => `${i.PK}|${i.SK}`));
    start = page.LastEvaluatedKey;
  } while (start);
  return keys.sort();
}

/** The reporter's own words and details, as the staff member typed them in: none may reach the audit or the logs. */
const CONTACT = { name: 'Park Ji-hoon', phone: '+82 10-9876-5432' };
function phonedReport(overrides: Record<string, unknown> = {}) {
  const { uploadIds: _none, ...fields } = aReport({
    category: 'budget-waste',
    organizationId: 'kr-molit',
    title: 'Road resurfaced twice in one month',
    anonymity: 'confidential',
    contact: CONTACT,
  });
  return { ...fields, channel: 'phone', ...overrides };
}

describe('a staff member files a report taken by phone', () => {
  let clerk: string;
  let filed: ReturnType<typeof assistedReportResponse.parse>;

  beforeAll(async () => {
    // A handler of another ministry takes the call: the pack, not the clerk, decides where the report goes.
    clerk = await signIn(portal, 'handler@kr-moef');
    const answer = await portal.api('POST', '/intake', phonedReport(), bearer(clerk));
    expect(answer.status, answer.text).toBe(201);
    filed = assistedReportResponse.strict().parse(answer.body);
  });

  it('answers 201 with the code for the slip, where the report went and its deadlines', () => {
    expect(filed.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(filed.organization.id).toBe('kr-molit');
    expect(Date.parse(filed.respondBy)).toBeGreaterThan(Date.parse(filed.acknowledgeBy));
  });

  it('the code tracks it like any report: status, deadlines and a filing receipt', async () => {
    const tracked = await portal.api('POST', '/track', { trackingCode: filed.trackingCode.toLowerCase().replace(/-/g, '') });
    expect(tracked.status).toBe(200);
    expect(trackResponse.parse(tracked.body)).toMatchObject({
      caseId: filed.caseId,
      status: 'received',
      acknowledgeBy: filed.acknowledgeBy,
      respondBy: filed.respondBy,
      organization: { id: 'kr-molit' },
      receipt: expect.any(String),
    });
  });

  it('sits in the routed organization’s queue marked "phone", and a web report beside it "web"', async () => {
    const web = await portal.api('POST', '/reports', aReport({ category: 'budget-waste', organizationId: 'kr-molit' }));
    expect(web.status).toBe(201);
    const handler = await signIn(portal, 'handler@kr-molit');
    const queue = caseListResponse.parse((await portal.api('GET', '/cases?limit=100', undefined, bearer(handler))).body);
    expect(queue.items.find((i) => i.caseId === filed.caseId)).toMatchObject({ status: 'received', channel: 'phone' });
    expect(queue.items.find((i) => i.caseId === web.body.caseId)).toMatchObject({ channel: 'web' });
    // Not in the clerk's own queue: filing gives them no access to the case.
    const clerksQueue = caseListResponse.parse((await portal.api('GET', '/cases?limit=100', undefined, bearer(clerk))).body);
    expect(clerksQueue.items.map((i) => i.caseId)).not.toContain(filed.caseId);
    expect((await portal.api('GET', `/cases/${filed.caseId}`, undefined, bearer(clerk))).status).toBe(404);
  });

  it('the case shows the channel; its audit starts with the staff member who entered it and never names the reporter', async () => {
    const handler = await signIn(portal, 'handler@kr-molit');
    const opened = await portal.api('GET', `/cases/${filed.caseId}`, undefined, bearer(handler));
    expect(opened.status).toBe(200);
    const detail = caseDetailResponse.parse(opened.body);
    expect(detail).toMatchObject({ channel: 'phone', anonymity: 'confidential', contact: CONTACT, auditVerified: true });
    expect(detail.audit[0]).toMatchObject({
      seq: 0,
      actor: 'handler@kr-moef',
      action: 'report.received',
      details: { organizationId: 'kr-molit', channel: 'phone' },
    });
    expect(detail.audit.map((e) => e.actor)).toEqual(['handler@kr-moef', 'handler@kr-molit']);
    const audit = JSON.stringify(detail.audit);
    for (const value of Object.values(CONTACT)) expect(audit).not.toContain(value);
    expect(audit).not.toContain('whistleblower');
  });

  it('logs neither the code nor the reporter’s details', () => {
    const output = portal.output();
    expect(output).toContain('assisted report filed');
    expect(output).not.toContain(filed.trackingCode);
    expect(output).not.toContain(filed.trackingCode.replace(/-/g, ''));
    for (const value of Object.values(CONTACT)) expect(output).not.toContain(value);
  });
});

describe('what assisted intake refuses', () => {
  let clerk: string;
  beforeAll(async () => {
    clerk = await signIn(portal, 'supervisor@kr-moef');
  });

  it.each([
    ['no channel', { channel: undefined }, 'channel'],
    ['the web as channel', { channel: 'web' }, 'channel'],
    ['a code of the staff member’s choosing', { trackingCode: '7K3M-Q9TZ-X2B4-RW8D' }, ''],
    ['uploads', { uploadIds: ['u1'] }, ''],
    ['a confidential report without contact details', { contact: null }, 'contact'],
    ['an unknown category', { category: 'no-such-category' }, 'category'],
  ])('%s: 400 in the contract’s shape, nothing written', async (_what, overrides, path) => {
    const before = await tableItems();
    const answer = await portal.api('POST', '/intake', phonedReport(overrides), bearer(clerk));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(answer.body.error.message).toEqual(expect.any(String));
    if (path) expect(answer.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await tableItems()).toEqual(before);
  });

  it('a caller without a valid token: 401, nothing written', async () => {
    const before = await tableItems();
    for (const headers of [{}, bearer('not-a-token')]) {
      const answer = await portal.api('POST', '/intake', phonedReport(), headers);
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('UNAUTHENTICATED');
    }
    expect(await tableItems()).toEqual(before);
  });
});
