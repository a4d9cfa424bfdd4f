// Rewards and protection end to end, through the local runtime against the embedded servers: file a report → save
// its receipt → apply for protection with identity → the handling organization cannot see the identity → the
// oversight body the pack names decides → the reporter sees the decision. And the identity is sealed in the table.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#composition/awsClients.js';
import { parseFilingReceiptClaims, receiptKeySet } from '#schemas/receipt.js';
import { verifyReceipt } from '#contract/filingReceiptCheck.js';
import { applicationDetailResponse, applicationListResponse, reporterApplication } from '#schemas/application.js';
import { trackResponse } from '#schemas/track.js';
import { type TestPortal, aReport, bearer, proposedCode, signIn, startTestPortal } from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const IDENTITY = { name: 'Park Ji-woo', dateOfBirth: '1990-07-14', address: '11 Doum 6-ro, Sejong', phone: '+82 10 5555 0199' };

describe('a protection application, from filing to decision', { timeout: 60_000 }, () => {
  const code = proposedCode();
  let caseId: string;
  let applicationId: string;

  it('files a report routed to kr-molit and saves a receipt that verifies', async () => {
    const filed = await portal.api(
      'POST',
      '/reports',
      aReport({ trackingCode: code, category: 'budget-waste', organizationId: 'kr-molit' }),
    );
    expect(filed.status).toBe(201);
    expect(filed.body.organization.id).toBe('kr-molit');
    caseId = filed.body.caseId;
    const keys = receiptKeySet.parse((await portal.api('GET', '/receipts/keys')).body);
    expect(await verifyReceipt({ receipt: filed.body.receipt }, keys, parseFilingReceiptClaims)).toMatchObject({
      valid: true,
      claims: { caseId, organizationId: 'kr-molit' },
    });
  });

  it('applies for protection with the code and the identity the pack requires', async () => {
    const missing = await portal.api('POST', '/track/applications', {
      trackingCode: code,
      kind: 'protection',
      identity: { name: IDENTITY.name },
      statement: 'After my report I was moved to a remote post.',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'identity.dateOfBirth',
      'identity.address',
      'identity.phone',
    ]);

    const applied = await portal.api('POST', '/track/applications', {
      trackingCode: code,
      kind: 'protection',
      identity: IDENTITY,
      statement: 'After my report I was moved to a remote post.',
      language: 'en',
    });
    expect(applied.status).toBe(201);
    const application = reporterApplication.parse(applied.body);
    expect(application).toMatchObject({ kind: 'protection', status: 'received', decidingBody: { id: 'kr-acrc' } });
    applicationId = application.applicationId;
    expect(JSON.stringify(applied.body)).not.toContain(IDENTITY.name);

    const again = await portal.api('POST', '/track/applications', {
      trackingCode: code,
      kind: 'protection',
      identity: IDENTITY,
      statement: 'Again.',
    });
    expect(again.status).toBe(409);
  });

  it('keeps the identity from the handling organization: absent from its case view, 404 for the application', async () => {
    const molit = await signIn(portal, 'supervisor@kr-molit');
    const view = await portal.api('GET', `/cases/${caseId}`, undefined, bearer(molit));
    expect(view.status).toBe(200);
    expect(view.text).not.toContain(IDENTITY.name);
    expect(view.text).not.toContain(IDENTITY.phone);
    expect(view.text).not.toMatch(/protection application|application\./);
    const application = await portal.api('GET', `/applications/${applicationId}`, undefined, bearer(molit));
    expect(application.status).toBe(404);
    expect(application.text).not.toContain(IDENTITY.name);
    expect((await portal.api('GET', '/applications', undefined, bearer(molit))).status).toBe(403);
  });

  it('stores the identity sealed, in the applications’ own partition', async () => {
    const table = createDocumentClient('us-east-1', process.env.DYNAMODB_ENDPOINT);
    const { Items } = await table.send(
      new QueryCommand({
        TableName: process.env.TABLE_NAME,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `APPLICATION#${caseId}` },
      }),
    );
    expect(Items!.length).toBeGreaterThan(0);
    expect(JSON.stringify(Items)).not.toMatch(/Park Ji-woo|5555 0199|remote post/);
  });

  it('lets the oversight body the pack names open it, ask, and decide; the reporter sees all of it', async () => {
    const acrc = await signIn(portal, 'oversight@kr-acrc');
    const queue = applicationListResponse.parse((await portal.api('GET', '/applications', undefined, bearer(acrc))).body);
    expect(queue.items.map((i) => i.applicationId)).toContain(applicationId);

    const opened = await portal.api('GET', `/applications/${applicationId}`, undefined, bearer(acrc));
    expect(opened.status).toBe(200);
    const detail = applicationDetailResponse.parse(opened.body);
    expect(detail).toMatchObject({ identity: IDENTITY, caseId, organization: { id: 'kr-molit' }, auditVerified: true });

    const asked = await portal.api(
      'POST',
      `/applications/${applicationId}/messages`,
      { body: 'Which post were you moved to?' },
      bearer(acrc),
    );
    expect(asked.status).toBe(201);
    const answered = await portal.api('POST', '/track/applications/messages', {
      trackingCode: code,
      kind: 'protection',
      body: 'The Jeju office.',
    });
    expect(answered.status).toBe(201);

    const noReasons = await portal.api('PATCH', `/applications/${applicationId}`, { status: 'granted' }, bearer(acrc));
    expect(noReasons.status).toBe(400);
    const decided = await portal.api(
      'PATCH',
      `/applications/${applicationId}`,
      { status: 'granted', decisionNote: 'The ministry must restore your post within 30 days.' },
      bearer(acrc),
    );
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'granted', auditVerified: true });
    expect(decided.body.audit.map((e: { action: string }) => e.action)).toEqual([
      'application.received',
      'application.viewed',
      'application.message_sent',
      'application.status_changed',
    ]);

    const tracked = trackResponse.parse((await portal.api('POST', '/track', { trackingCode: code, language: 'en' })).body);
    expect(tracked.applications).toEqual([
      expect.objectContaining({
        applicationId,
        status: 'granted',
        decisionNote: 'The ministry must restore your post within 30 days.',
        messages: [
          expect.objectContaining({ from: 'body', body: 'Which post were you moved to?' }),
          expect.objectContaining({ from: 'applicant', body: 'The Jeju office.' }),
        ],
      }),
    ]);
    expect(JSON.stringify(tracked)).not.toContain(IDENTITY.phone);
  });

  it('refuses a decision by anyone but the deciding body’s oversight role (404), and bad input with a 4xx in the contract’s shape', async () => {
    const handler = await signIn(portal, 'handler@kr-acrc');
    const other = await portal.api('PATCH', `/applications/${applicationId}`, { status: 'refused', decisionNote: 'no' }, bearer(handler));
    expect(other.status).toBe(404);
    const bad = await portal.api('POST', '/track/applications', { trackingCode: code, kind: 'bonus', identity: IDENTITY, statement: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });
});
