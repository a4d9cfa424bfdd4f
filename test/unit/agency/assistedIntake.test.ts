// Assisted intake (docs/assisted-intake.md): a staff member files a report taken by phone, post or a visit. It is
// routed, dated and stored as a web report; the first audit event names the staff member and the channel.
import { describe, expect, it } from 'vitest';
import { fileAssistedReport } from '#core/agency/assistedIntake.js';
import { listCases } from '#core/agency/listCases.js';
import { viewCase } from '#core/agency/viewCase.js';
import { verifyAuditChain } from '#core/auditChain.js';
import { submitReport } from '#core/submitReport.js';
import { trackCase } from '#core/trackCase.js';
import { caseIdForCode } from '#core/trackingKey.js';
import { normalizeTrackingCode } from '#contract/trackingCode.js';
import { listCasesQuery } from '#schemas/agency.js';
import { assistedReportRequest, assistedReportResponse } from '#schemas/intake.js';
import { aReport } from '../../support/aReport.js';
import { reportRequest } from '../support/fixtures.js';
import { DependencyDown, TEST_AUDIT_KEYS, TEST_NOW } from '../support/memoryPorts.js';
import { agencyDeps, staff } from '../support/memoryCaseWork.js';

const clerk = staff('handler@kr-moef');
const CONTACT = { name: '김민수', phone: '+82 10-1234-5678' };

/** A report as the console sends it: the reporter's fields and the channel, nothing a browser alone can give. */
function assisted(overrides: Record<string, unknown> = {}) {
  const { uploadIds: _uploads, ...fields } = aReport({ category: 'budget-waste', organizationId: 'kr-molit' });
  return assistedReportRequest.parse({ ...fields, channel: 'phone', ...overrides });
}

describe('fileAssistedReport', () => {
  it('files the report as the web would: routed by the pack, the pack deadlines, a server-made code that tracks it', async () => {
    const deps = agencyDeps();
    const filed = await fileAssistedReport(deps, clerk, assisted());
    expect(assistedReportResponse.strict().parse(filed)).toEqual(filed);

    // The same report filed on the web lands in the same queue with the same deadlines.
    const web = await submitReport(agencyDeps(), reportRequest({ category: 'budget-waste', organizationId: 'kr-molit' }));
    expect(filed).toMatchObject({
      organization: web.body.organization,
      acknowledgeBy: web.body.acknowledgeBy,
      respondBy: web.body.respondBy,
    });
    const code = normalizeTrackingCode(filed.trackingCode)!;
    expect(filed.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(filed.caseId).toBe(caseIdForCode(deps.pepper, code));

    const tracked = await trackCase(deps, filed.trackingCode);
    expect(tracked).toMatchObject({ caseId: filed.caseId, status: 'received', acknowledgeBy: filed.acknowledgeBy });
    expect(deps.store.files.get(filed.caseId)!.case).toMatchObject({
      organizationId: 'kr-molit',
      status: 'received',
      createdAt: TEST_NOW,
      channel: 'phone',
      anonymity: 'anonymous',
    });
  });

  it('names the staff member and the channel in the first audit event, and signs it into the chain', async () => {
    const deps = agencyDeps();
    const filed = await fileAssistedReport(deps, clerk, assisted({ channel: 'post' }));
    const events = deps.store.audits.get(filed.caseId)!;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      seq: 0,
      actor: 'handler@kr-moef',
      action: 'report.received',
      details: { organizationId: 'kr-molit', routingRuleId: 'budget-waste-to-reported-organization', channel: 'post' },
    });
    const record = deps.store.files.get(filed.caseId)!.case;
    expect(await verifyAuditChain(TEST_AUDIT_KEYS, events, { seq: record.auditSeq, hash: record.auditHash })).toEqual({
      verified: true,
    });
  });

  it('keeps a confidential reporter’s contact sealed and out of the audit trail', async () => {
    const deps = agencyDeps();
    const filed = await fileAssistedReport(deps, clerk, assisted({ anonymity: 'confidential', contact: CONTACT, channel: 'visit' }));
    const record = deps.store.files.get(filed.caseId)!.case;
    expect(record.sealedContact).not.toBeNull();
    expect(record.sealedContact).not.toContain(CONTACT.phone);
    expect(record.contactSharedWith).toBe('kr-molit');
    const audit = JSON.stringify(deps.store.audits.get(filed.caseId));
    for (const value of Object.values(CONTACT)) expect(audit).not.toContain(value);

    // The receiving organization sees it as any confidential report, with how it arrived.
    const viewed = await viewCase(deps, staff('handler@kr-molit'), filed.caseId);
    expect(viewed).toMatchObject({ channel: 'visit', anonymity: 'confidential', contact: CONTACT });
  });

  it('shows the channel in the queue; a web report shows "web"', async () => {
    const deps = agencyDeps();
    const phoned = await fileAssistedReport(deps, clerk, assisted());
    const online = (await submitReport(deps, reportRequest({ category: 'budget-waste', organizationId: 'kr-molit' }))).body;
    const { items } = await listCases(deps, staff('handler@kr-molit'), listCasesQuery.parse({}));
    const channelOf = (caseId: string) => items.find((i) => i.caseId === caseId)?.channel;
    expect(channelOf(phoned.caseId)).toBe('phone');
    expect(channelOf(online.caseId)).toBe('web');
  });

  it('routes by the pack whoever files: a report about a head goes to the oversight body, even filed by that organization', async () => {
    const deps = agencyDeps();
    const filed = await fileAssistedReport(deps, staff('handler@kr-molit'), assisted({ subjectIsHead: true }));
    expect(filed.organization.id).not.toBe('kr-molit');
    expect(deps.store.files.get(filed.caseId)!.case.organizationId).toBe(filed.organization.id);
  });

  it('refuses what the pack does not know, and writes nothing', async () => {
    const deps = agencyDeps();
    await expect(fileAssistedReport(deps, clerk, assisted({ category: 'no-such-category' }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'category', message: expect.any(String) }],
    });
    expect(deps.store.files.size).toBe(0);
  });

  it('writes nothing when the store fails, and says so', async () => {
    const deps = agencyDeps();
    deps.store.failNextWrite = new DependencyDown('case table');
    await expect(fileAssistedReport(deps, clerk, assisted())).rejects.toBeInstanceOf(DependencyDown);
    expect(deps.store.files.size).toBe(0);
    expect(deps.store.audits.size).toBe(0);
  });
});

describe('assistedReportRequest', () => {
  const fields = () => {
    const { uploadIds: _uploads, ...rest } = aReport();
    return rest;
  };

  it.each(['phone', 'post', 'visit'])('takes the channel %s', (channel) => {
    expect(assistedReportRequest.safeParse({ ...fields(), channel }).success).toBe(true);
  });

  it.each([[{}], [{ channel: 'web' }], [{ channel: 'fax' }]])('refuses a missing or non-assisted channel: %j', (extra) => {
    const parsed = assistedReportRequest.safeParse({ ...fields(), ...extra });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(['channel']);
  });

  it.each([
    ['trackingCode', '7K3M-Q9TZ-X2B4-RW8D'],
    ['uploadIds', []],
    ['authorCommitment', 'a'.repeat(43)],
  ])('refuses %s, which only the reporter’s own browser can give', (field, value) => {
    const parsed = assistedReportRequest.safeParse({ ...fields(), channel: 'phone', [field]: value });
    expect(parsed.success).toBe(false);
  });

  it('asks contact details of a confidential report and refuses them on an anonymous one', () => {
    const confidential = assistedReportRequest.safeParse({ ...fields(), channel: 'phone', anonymity: 'confidential', contact: null });
    expect(confidential.error!.issues.map((i) => i.path.join('.'))).toEqual(['contact']);
    const anonymous = assistedReportRequest.safeParse({ ...fields(), channel: 'phone', contact: CONTACT });
    expect(anonymous.error!.issues.map((i) => i.path.join('.'))).toEqual(['contact']);
  });
});
