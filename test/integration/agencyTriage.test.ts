// The whole triage flow through the local runtime: sign in, list, open, acknowledge with a public note (the
// whistleblower sees it), ask a question, the whistleblower answers, download evidence, transfer, close — and the
// hash-chained audit trail, verified by the API and by `npm run audit:verify`, caught when tampered with.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#composition/awsClients.js';
import { caseDetailResponse, caseListResponse, statsResponse } from '#schemas/agency.js';
import { DynamoCaseStore } from '#adapters/dynamoCaseStore.js';
import { LocalAuditMacKey } from '#adapters/localAuditMacKey.js';
import { commitFor } from '#core/agency/recordChange.js';
import { TABLE_NAME } from '#local/runtime/localStorage.js';
import { portalTable } from '../support/auditTampering.js';
import { childEnvironment } from '../support/testWorld.js';
import { type TestPortal, bearer, fileReport, signIn, startTestPortal, uploadFile } from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

describe('triage of one report, from filing to closing', () => {
  let report: Record<string, any>;
  let handler: string;
  let caseId: string;
  const contact = { name: 'Lee Min-ji', email: 'minji@example.org' };

  it('the citizen files a confidential report with evidence; it lands in MOLIT’s queue', async () => {
    const uploadId = await uploadFile(portal, {
      name: 'invoices.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4\ninvoices\n%%EOF\n'),
    });
    report = await fileReport(portal, {
      category: 'budget-waste',
      anonymity: 'confidential',
      contact,
      uploadIds: [uploadId],
      title: 'Bridge study paid twice',
    });
    expect(report.organization.id).toBe('kr-molit');
    caseId = report.caseId;
  });

  it('a handler signs in and sees it in the queue', async () => {
    handler = await signIn(portal, 'handler@kr-molit');
    const list = await portal.api('GET', '/cases', undefined, bearer(handler));
    expect(list.status).toBe(200);
    const queue = caseListResponse.parse(list.body);
    expect(queue.items.map((i) => i.caseId)).toContain(caseId);
    expect(queue.items.find((i) => i.caseId === caseId)).toMatchObject({
      title: 'Bridge study paid twice',
      status: 'received',
      overdue: false,
      escalated: false,
    });
    expect(queue.items.every((i) => i.organizationId === 'kr-molit')).toBe(true);
  });

  it('opens the case: report text, contact, attachments, and an audit trail that verifies', async () => {
    const answer = await portal.api('GET', `/cases/${caseId}`, undefined, bearer(handler));
    expect(answer.status).toBe(200);
    const detail = caseDetailResponse.parse(answer.body);
    expect(detail).toMatchObject({
      caseId,
      status: 'received',
      title: 'Bridge study paid twice',
      anonymity: 'confidential',
      contact,
      auditVerified: true,
    });
    expect(detail.attachments).toEqual([{ id: expect.any(String), name: 'invoices.pdf', size: 24, contentType: 'application/pdf' }]);
    expect(detail.audit.map((e) => [e.actor, e.action])).toEqual([
      ['whistleblower', 'report.received'],
      ['handler@kr-molit', 'case.viewed'],
    ]);
    expect(detail.audit[1]!.previousHash).toBe(detail.audit[0]!.hash);
  });

  it('acknowledges with a public note, which the whistleblower reads; internal notes stay inside', async () => {
    const ack = await portal.api(
      'PATCH',
      `/cases/${caseId}`,
      { status: 'acknowledged', publicNote: 'We have your report and will look into it.' },
      bearer(handler),
    );
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('acknowledged');
    const review = await portal.api(
      'PATCH',
      `/cases/${caseId}`,
      { status: 'in_review', internalNote: 'Compare the 2024 and 2025 invoices.' },
      bearer(handler),
    );
    expect(review.status).toBe(200);
    expect(review.body.notes).toEqual([
      expect.objectContaining({ author: 'handler@kr-molit', body: 'Compare the 2024 and 2025 invoices.' }),
    ]);

    const tracked = await portal.api('POST', '/track', { trackingCode: report.trackingCode });
    expect(tracked.body.status).toBe('in_review');
    expect(tracked.body.timeline).toEqual([
      expect.objectContaining({ status: 'received' }),
      expect.objectContaining({ status: 'acknowledged', publicNote: 'We have your report and will look into it.' }),
      expect.objectContaining({ status: 'in_review' }),
    ]);
    expect(tracked.text).not.toContain('Compare the 2024');
    expect(tracked.text).not.toContain('audit');
    expect(tracked.text).not.toContain('minji@example.org');
  });

  it('asks a question; the whistleblower reads it with the code and answers', async () => {
    const asked = await portal.api(
      'POST',
      `/cases/${caseId}/messages`,
      { body: 'Which regional office sent the second invoice?' },
      bearer(handler),
    );
    expect(asked.status).toBe(201);
    const tracked = await portal.api('POST', '/track', { trackingCode: report.trackingCode.toLowerCase() });
    expect(tracked.body.messages).toEqual([
      { id: asked.body.id, at: asked.body.at, from: 'agency', body: 'Which regional office sent the second invoice?' },
    ]);
    const answered = await portal.api('POST', '/track/messages', { trackingCode: report.trackingCode, body: 'The Daejeon office.' });
    expect(answered.status).toBe(201);
    // The queue marks the answer as unread until someone of the organization opens the case.
    const unread = async () =>
      caseListResponse.parse((await portal.api('GET', '/cases', undefined, bearer(handler))).body).items.find((i) => i.caseId === caseId)
        ?.unreadReplies;
    expect(await unread()).toBe(1);
    const detail = (await portal.api('GET', `/cases/${caseId}`, undefined, bearer(handler))).body;
    expect(detail.messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
      ['agency', 'Which regional office sent the second invoice?'],
      ['whistleblower', 'The Daejeon office.'],
    ]);
    expect(await unread()).toBe(0);
  });

  it('refuses, as stale, a change computed before an answer landed, so the answer’s count is never written back', async () => {
    const store = new DynamoCaseStore(portalTable(portal.dataDir), TABLE_NAME);
    const before = (await store.getCaseFolder(caseId))!.case;
    const answered = await portal.api('POST', '/track/messages', { trackingCode: report.trackingCode, body: 'And Sejong, once.' });
    expect(answered.status).toBe(201);
    const change = await commitFor(new LocalAuditMacKey(Buffer.alloc(32)), before, {
      record: { ...before, whistleblowerMessagesSeen: before.whistleblowerMessages },
      audit: { at: new Date().toISOString(), actor: 'handler@kr-molit', action: 'case.viewed', details: { access: 'owner' } },
    });
    expect(await store.commit(change)).toBe('stale');
    expect((await store.getCaseFolder(caseId))!.case).toMatchObject({
      auditSeq: before.auditSeq,
      whistleblowerMessages: before.whistleblowerMessages + 1,
    });
    // Opened again, the case reads the answer too.
    expect((await portal.api('GET', `/cases/${caseId}`, undefined, bearer(handler))).status).toBe(200);
  });

  it('downloads the evidence through a five-minute link, as a download', async () => {
    const detail = (await portal.api('GET', `/cases/${caseId}`, undefined, bearer(handler))).body;
    const link = await portal.api('GET', `/cases/${caseId}/attachments/${detail.attachments[0].id}`, undefined, bearer(handler));
    expect(link.status).toBe(200);
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const file = await fetch(link.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await file.arrayBuffer()).toString()).toContain('invoices');
    expect((await portal.api('GET', `/cases/${caseId}/attachments/NOSUCHATTACHMENT0`, undefined, bearer(handler))).status).toBe(404);
  });

  it('a handler may not transfer; a supervisor moves it to the Ministry of Economy and Finance', async () => {
    const refused = await portal.api(
      'POST',
      `/cases/${caseId}/transfer`,
      { organizationId: 'kr-moef', reason: 'Budget matter' },
      bearer(handler),
    );
    expect(refused.status).toBe(403);
    const supervisor = await signIn(portal, 'supervisor@kr-molit');
    const moved = await portal.api(
      'POST',
      `/cases/${caseId}/transfer`,
      { organizationId: 'kr-moef', reason: 'A national budget matter.' },
      bearer(supervisor),
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'received', organization: { id: 'kr-moef' }, contact: null });
    expect((await portal.api('GET', `/cases/${caseId}`, undefined, bearer(handler))).status).toBe(404);

    const tracked = await portal.api('POST', '/track', { trackingCode: report.trackingCode });
    expect(tracked.body.organization).toEqual({ id: 'kr-moef', name: 'Ministry of Economy and Finance' });
    expect(tracked.body.timeline.at(-2)).toMatchObject({
      status: 'transferred',
      organization: { id: 'kr-moef', name: 'Ministry of Economy and Finance' },
    });
    expect(tracked.body.timeline.at(-1)).toMatchObject({ status: 'received' });
  });

  it('the new organization works it to a close with a resolution; closed is final', async () => {
    const moef = await signIn(portal, 'handler@kr-moef');
    const queue = (await portal.api('GET', '/cases?status=received', undefined, bearer(moef))).body;
    expect(queue.items.map((i: { caseId: string }) => i.caseId)).toContain(caseId);
    for (const status of ['acknowledged', 'in_review', 'investigating']) {
      expect((await portal.api('PATCH', `/cases/${caseId}`, { status }, bearer(moef))).status).toBe(200);
    }
    const noResolution = await portal.api('PATCH', `/cases/${caseId}`, { status: 'closed' }, bearer(moef));
    expect(noResolution.status).toBe(400);
    const closed = await portal.api(
      'PATCH',
      `/cases/${caseId}`,
      { status: 'closed', resolution: 'substantiated', publicNote: 'The double payment has been recovered.' },
      bearer(moef),
    );
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', resolution: 'substantiated', auditVerified: true });
    // Answers to changes never carry the contact details; only opening the case does, and is audited so.
    expect(closed.body.contact).toBeNull();
    expect((await portal.api('PATCH', `/cases/${caseId}`, { status: 'investigating' }, bearer(moef))).status).toBe(409);
    expect((await portal.api('POST', `/cases/${caseId}/messages`, { body: 'hello' }, bearer(moef))).status).toBe(409);
    expect((await portal.api('POST', '/track/messages', { trackingCode: report.trackingCode, body: 'thanks' })).status).toBe(409);

    const stats = statsResponse.parse((await portal.api('GET', '/stats', undefined, bearer(moef))).body);
    expect(stats).toMatchObject({ organizationId: 'kr-moef', total: 1, overdue: 0, medianDaysToClose: 0 });
    expect(stats.byStatus.closed).toBe(1);
  });
});

describe('the state machine over HTTP', () => {
  it('answers an illegal transition with 409 and changes nothing', async () => {
    const report = await fileReport(portal, { category: 'code-of-conduct', organizationId: 'kr-molit' });
    const token = await signIn(portal, 'handler@kr-molit');
    const jump = await portal.api('PATCH', `/cases/${report.caseId}`, { status: 'investigating' }, bearer(token));
    expect(jump.status).toBe(409);
    expect(jump.body.error.code).toBe('CONFLICT');
    expect((await portal.api('POST', '/track', { trackingCode: report.trackingCode })).body.status).toBe('received');
    expect((await portal.api('PATCH', `/cases/${report.caseId}`, { status: 'teleported' }, bearer(token))).status).toBe(400);
    expect(
      (await portal.api('PATCH', `/cases/${report.caseId}`, { status: 'acknowledged', resolution: 'referred' }, bearer(token))).status,
    ).toBe(400);
  });
});

describe('a tampered audit trail', () => {
  it('fails verification in the case view and in npm run audit:verify, naming the event', async () => {
    const report = await fileReport(portal, { category: 'code-of-conduct', organizationId: 'kr-molit' });
    const token = await signIn(portal, 'handler@kr-molit');
    expect((await portal.api('GET', `/cases/${report.caseId}`, undefined, bearer(token))).body.auditVerified).toBe(true);
    expect((await portal.api('PATCH', `/cases/${report.caseId}`, { status: 'acknowledged' }, bearer(token))).status).toBe(200);

    const verify = () =>
      promisify(execFile)(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), 'local/cli/auditVerify.ts', report.caseId], {
        env: childEnvironment({ DATA_DIR: portal.dataDir }),
      }).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
    const clean = await verify();
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('chain verified');

    // Someone with write access to the table rewrites who looked at the case.
    await createDocumentClient('us-east-1', process.env.DYNAMODB_ENDPOINT).send(
      new UpdateCommand({
        TableName: process.env.TABLE_NAME!,
        Key: { PK: `CASE#${report.caseId}`, SK: 'AUDIT#00000001' },
        UpdateExpression: 'SET actor = :a',
        ExpressionAttributeValues: { ':a': 'nobody@kr-molit' },
      }),
    );
    const detail = (await portal.api('GET', `/cases/${report.caseId}`, undefined, bearer(token))).body;
    expect(detail.auditVerified).toBe(false);
    expect(detail.auditProblem).toMatch(/event #1 \(case\.viewed/);

    const tampered = await verify();
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/event #1 \(case\.viewed at [^)]+\) was altered/);
  });
});
