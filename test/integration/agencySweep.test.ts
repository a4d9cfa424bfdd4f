// The deadline sweep against the real table and its due index, run as EventBridge would run it, at chosen times:
// the acknowledge deadline, the respond deadline, escalation to the oversight body, and idempotence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext, scheduledEvent } from '#local/runtime/apiGatewayEvent.js';
import { type TestPortal, bearer, fileReport, signIn, startTestPortal } from './support/testPortal.js';

let portal: TestPortal;
let sweep: (at: Date) => Promise<{ overdue: number; skipped: number; deleted: number; kept: number }>;
beforeAll(async () => {
  portal = await startTestPortal();
  const { handler } = (await import('#handlers/sweepDeadlines.js')) as {
    handler: (
      e: ReturnType<typeof scheduledEvent>,
      c: ReturnType<typeof lambdaContext>,
    ) => Promise<{ overdue: number; skipped: number; deleted: number; kept: number }>;
  };
  sweep = (at) => handler(scheduledEvent(`sweep-${at.getTime()}`, at), lambdaContext('sweepDeadlines', 'test'));
});
afterAll(async () => {
  await portal?.stop();
});

const DAY = 24 * 60 * 60 * 1000;

describe('the deadline sweep', () => {
  let waiting: Record<string, any>;
  let acknowledged: Record<string, any>;
  let closed: Record<string, any>;
  let molit: string;

  beforeAll(async () => {
    molit = await signIn(portal, 'handler@kr-molit');
    waiting = await fileReport(portal, {
      category: 'code-of-conduct',
      organizationId: 'kr-molit',
      anonymity: 'confidential',
      contact: { phone: '+82 10 1234 5678' },
    });
    acknowledged = await fileReport(portal, { category: 'code-of-conduct', organizationId: 'kr-molit' });
    closed = await fileReport(portal, { category: 'code-of-conduct', organizationId: 'kr-molit' });
    for (const c of [acknowledged, closed]) {
      expect((await portal.api('PATCH', `/cases/${c.caseId}`, { status: 'acknowledged' }, bearer(molit))).status).toBe(200);
    }
    expect(
      (await portal.api('PATCH', `/cases/${closed.caseId}`, { status: 'closed', resolution: 'unsubstantiated' }, bearer(molit))).status,
    ).toBe(200);
  });

  const view = async (c: Record<string, any>) => (await portal.api('GET', `/cases/${c.caseId}`, undefined, bearer(molit))).body;

  it('does nothing before any deadline', async () => {
    expect(await sweep(new Date(Date.now() + DAY))).toEqual({ overdue: 0, skipped: 0, deleted: 0, kept: 0 });
    expect((await view(waiting)).overdue).toBe(false);
  });

  it('marks an unacknowledged case overdue after 7 days and escalates it to the ACRC, once', async () => {
    const at = new Date(Date.parse(waiting.acknowledgeBy) + 60_000);
    expect((await sweep(at)).overdue).toBe(1);
    const detail = await view(waiting);
    expect(detail).toMatchObject({ overdue: true, escalatedTo: 'kr-acrc', auditVerified: true });
    expect(detail.audit.find((e: { action: string }) => e.action === 'deadline.missed')).toMatchObject({
      actor: 'system:deadline-sweep',
      details: { deadline: 'acknowledge', escalatedTo: 'kr-acrc' },
    });
    const auditLength = detail.audit.length;

    expect(await sweep(at)).toEqual({ overdue: 0, skipped: 0, deleted: 0, kept: 0 });
    expect(await sweep(new Date(at.getTime() + DAY))).toEqual({ overdue: 0, skipped: 0, deleted: 0, kept: 0 });
    expect((await view(waiting)).audit.length).toBe(auditLength + 1); // the view itself, nothing from the sweeps
  });

  it('keeps the case in the owner’s queue, overdue first, and shows it to the oversight body without contact details', async () => {
    const queue = (await portal.api('GET', '/cases', undefined, bearer(molit))).body;
    expect(queue.items[0]).toMatchObject({ caseId: waiting.caseId, overdue: true, escalated: true });
    const overdueOnly = (await portal.api('GET', '/cases?overdue=true', undefined, bearer(molit))).body;
    expect(overdueOnly.items.map((i: { caseId: string }) => i.caseId)).toEqual([waiting.caseId]);

    const oversight = await signIn(portal, 'oversight@kr-acrc');
    const escalations = (await portal.api('GET', '/cases?escalated=true', undefined, bearer(oversight))).body;
    expect(escalations.items.map((i: { caseId: string }) => i.caseId)).toEqual([waiting.caseId]);
    const seen = await portal.api('GET', `/cases/${waiting.caseId}`, undefined, bearer(oversight));
    expect(seen.status).toBe(200);
    expect(seen.body.contact).toBeNull();
    expect((await view(waiting)).contact).toEqual({ phone: '+82 10 1234 5678' });
  });

  it('marks an acknowledged case overdue only after its 60-day respond deadline; a closed case never', async () => {
    expect((await sweep(new Date(Date.parse(acknowledged.acknowledgeBy) + 60_000))).overdue).toBe(0);
    expect((await view(acknowledged)).overdue).toBe(false);
    expect((await sweep(new Date(Date.parse(acknowledged.respondBy) + 60_000))).overdue).toBe(1);
    const detail = await view(acknowledged);
    expect(detail.overdue).toBe(true);
    expect(detail.audit.find((e: { action: string }) => e.action === 'deadline.missed').details.deadline).toBe('respond');
    expect((await view(closed)).overdue).toBe(false);
    expect((await view(closed)).escalatedTo).toBeNull();
  });

  it('never hands the contact details to the oversight body, not even when it takes the case into its own queue', async () => {
    const contact = { email: 'witness@example.org' };
    const filed = await fileReport(portal, { category: 'code-of-conduct', organizationId: 'kr-molit', anonymity: 'confidential', contact });
    await sweep(new Date(Date.parse(filed.acknowledgeBy) + 60_000));
    const oversight = await signIn(portal, 'oversight@kr-acrc');
    const taken = await portal.api(
      'POST',
      `/cases/${filed.caseId}/transfer`,
      { organizationId: 'kr-acrc', reason: 'We take it over.' },
      bearer(oversight),
    );
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ organization: { id: 'kr-acrc' }, contact: null, contactSharedWith: { id: 'kr-molit' } });
    const seen = (await portal.api('GET', `/cases/${filed.caseId}`, undefined, bearer(oversight))).body;
    expect(seen).toMatchObject({ organization: { id: 'kr-acrc' }, contact: null });
    expect(seen.audit.at(-1)).toMatchObject({ action: 'case.viewed', details: { access: 'owner' } });
    expect(JSON.stringify(seen)).not.toContain(contact.email);
  });

  it('never escalates a report about the ACRC’s own head to the ACRC, nor lets a head report be moved under the head', async () => {
    const aboutAcrcHead = await fileReport(portal, { category: 'corruption', organizationId: 'kr-acrc', subjectIsHead: true });
    expect(aboutAcrcHead.organization.id).toBe('kr-bai');
    await sweep(new Date(Date.parse(aboutAcrcHead.acknowledgeBy) + 60_000));
    const acrc = await signIn(portal, 'oversight@kr-acrc');
    const escalations = (await portal.api('GET', '/cases?escalated=true&limit=100', undefined, bearer(acrc))).body;
    expect(escalations.items.map((i: { caseId: string }) => i.caseId)).not.toContain(aboutAcrcHead.caseId);
    for (const [method, path, body] of [
      ['GET', `/cases/${aboutAcrcHead.caseId}`, undefined],
      ['POST', `/cases/${aboutAcrcHead.caseId}/messages`, { body: 'Who told you?' }],
      ['PATCH', `/cases/${aboutAcrcHead.caseId}`, { status: 'acknowledged' }],
    ] as const) {
      expect((await portal.api(method, path, body, bearer(acrc))).status, `${method} ${path}`).toBe(404);
    }
    const bai = (await portal.api('GET', `/cases/${aboutAcrcHead.caseId}`, undefined, bearer(await signIn(portal, 'handler@kr-bai')))).body;
    expect(bai).toMatchObject({ overdue: true, escalatedTo: null, auditVerified: true });
    expect(bai.audit.find((e: { action: string }) => e.action === 'deadline.missed').details).toMatchObject({ escalatedTo: 'none' });

    // A report about the head of the finance ministry, at the ACRC, cannot be moved to the tax service under it.
    const aboutMinister = await fileReport(portal, { category: 'budget-waste', organizationId: 'kr-moef', subjectIsHead: true });
    const moved = await portal.api(
      'POST',
      `/cases/${aboutMinister.caseId}/transfer`,
      { organizationId: 'kr-nts', reason: 'Tax matter.' },
      bearer(acrc),
    );
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe('CONFLICT');
  });
});
