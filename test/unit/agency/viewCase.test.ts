import { describe, expect, it } from 'vitest';
import { sweepDeadlines } from '#core/agency/sweepDeadlines.js';
import { viewCase } from '#core/agency/viewCase.js';
import { anchorAuditHeads } from '#core/anchorAuditHeads.js';
import { GENESIS_HASH } from '#core/auditChain.js';
import { caseDetailResponse } from '#schemas/agency.js';
import { PDF_BYTES } from '../support/fixtures.js';
import { DAY_MS, HOUR_MS, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';
import { memoryAuditHeads } from '../support/memoryAuditAnchors.js';
import { TEST_AUDIT_KEY, TEST_NOW } from '../support/memoryPorts.js';
import { uploadOne } from '../support/uploads.js';

const handler = staff('handler@kr-molit');
const CONTACT = { name: '김민수', email: 'minsu.kim@example.kr', phone: '+82 10-1234-5678' };

describe('viewCase', () => {
  it('shows the whole report to its organization and records the view in the audit trail', async () => {
    const deps = agencyDeps();
    const { uploadId } = await uploadOne(deps, { name: '영수증.pdf', contentType: 'application/pdf', body: PDF_BYTES });
    const filed = await fileReport(deps, {
      anonymity: 'confidential',
      contact: CONTACT,
      uploadIds: [uploadId],
      title: 'Paving paid twice',
    });
    deps.clock.advance(HOUR_MS);

    const viewed = await viewCase(deps, handler, filed.caseId);
    expect(caseDetailResponse.parse(viewed)).toEqual(viewed);
    expect(viewed).toMatchObject({
      caseId: filed.caseId,
      status: 'received',
      organization: { id: 'kr-molit', name: '국토교통부' },
      reportedOrganization: { id: 'kr-molit', name: '국토교통부' },
      category: 'budget-waste',
      title: 'Paving paid twice',
      description: expect.stringContaining('5,000,000 won'),
      occurredOn: '2026-10-01',
      location: 'Sejong',
      amount: { value: 5_000_000, currency: 'KRW' },
      subjectIsHead: false,
      anonymity: 'confidential',
      contact: CONTACT,
      contactSharedWith: { id: 'kr-molit', name: '국토교통부' },
      createdAt: TEST_NOW,
      acknowledgeBy: filed.acknowledgeBy,
      respondBy: filed.respondBy,
      overdue: false,
      escalatedTo: null,
      resolution: null,
      timeline: [{ at: TEST_NOW, status: 'received' }],
      messages: [],
      notes: [],
      attachments: [{ id: expect.any(String), name: '영수증.pdf', size: PDF_BYTES.length, contentType: 'application/pdf' }],
      auditVerified: true,
      auditProblem: null,
    });
    expect(viewed.audit).toEqual([
      {
        seq: 0,
        at: TEST_NOW,
        actor: 'whistleblower',
        action: 'report.received',
        details: { organizationId: 'kr-molit', routingRuleId: 'budget-waste-to-reported-organization' },
        previousHash: GENESIS_HASH,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      {
        seq: 1,
        at: '2026-10-15T04:00:00.000Z',
        actor: 'handler@kr-molit',
        action: 'case.viewed',
        details: { access: 'owner', contact: 'opened' },
        previousHash: viewed.audit[0]!.hash,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    // The view is stored, not only shown: the case head moved with it.
    expect(deps.store.auditOf(filed.caseId)).toHaveLength(2);
    expect(deps.store.record(filed.caseId)).toMatchObject({
      auditSeq: 1,
      auditHash: viewed.audit[1]!.hash,
      status: 'received',
      updatedAt: TEST_NOW,
    });
  });

  it('appends one event per view, and the chain keeps verifying', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    for (let i = 1; i <= 4; i++) {
      deps.clock.advance(HOUR_MS);
      const viewed = await viewCase(deps, i % 2 ? handler : staff('supervisor@kr-molit'), filed.caseId);
      expect(viewed.audit).toHaveLength(i + 1);
      expect(viewed.auditVerified).toBe(true);
    }
    expect(deps.store.auditOf(filed.caseId).map((e) => [e.seq, e.actor])).toEqual([
      [0, 'whistleblower'],
      [1, 'handler@kr-molit'],
      [2, 'supervisor@kr-molit'],
      [3, 'handler@kr-molit'],
      [4, 'supervisor@kr-molit'],
    ]);
  });

  it('gives no contact for an anonymous report', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    expect((await viewCase(deps, handler, filed.caseId)).contact).toBeNull();
  });

  it('gives oversight reading an escalation the report but never the contact', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps, { anonymity: 'confidential', contact: CONTACT });
    deps.clock.advance(8 * DAY_MS);
    await sweepDeadlines(deps, deps.clock.now());
    const viewed = await viewCase(deps, staff('oversight@kr-acrc'), filed.caseId);
    expect(viewed).toMatchObject({ contact: null, anonymity: 'confidential', overdue: true, escalatedTo: 'kr-acrc', auditVerified: true });
    expect(viewed.title).toBe('Permit officer asked for cash');
    expect(JSON.stringify(viewed)).not.toContain('minsu.kim');
    expect((await viewCase(deps, handler, filed.caseId)).contact).toEqual(CONTACT);
  });

  it('shows the case as overdue once its deadline has passed, even before the sweep marked it', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    deps.clock.set(new Date(Date.parse(filed.acknowledgeBy) + 1));
    const viewed = await viewCase(deps, handler, filed.caseId);
    expect(viewed.overdue).toBe(true);
    expect(deps.store.record(filed.caseId).overdue).toBe(false);
  });

  it('reports an audit trail edited in storage as not verified, naming the event', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    deps.clock.advance(HOUR_MS);
    await viewCase(deps, handler, filed.caseId);
    // Someone with table access rewrites who looked at the case.
    deps.store.audits.get(filed.caseId)![1]!.actor = 'nobody';
    deps.clock.advance(HOUR_MS);
    const viewed = await viewCase(deps, handler, filed.caseId);
    expect(viewed.auditVerified).toBe(false);
    expect(viewed.auditProblem).toMatch(/#1 .*altered/);
  });

  it('reports the newest events deleted from storage as not verified', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    await viewCase(deps, handler, filed.caseId);
    await viewCase(deps, handler, filed.caseId);
    deps.store.audits.get(filed.caseId)!.pop();
    const viewed = await viewCase(deps, handler, filed.caseId);
    expect(viewed.auditVerified).toBe(false);
    expect(viewed.auditProblem).toMatch(/#2 is missing/);
  });

  describe('against the anchors of the audit heads', () => {
    /** A case viewed three times (events #0 to #3), then the newest two events deleted and its head rolled back. */
    async function cutAfterViews(anchorFirst: boolean) {
      const deps = agencyDeps();
      const filed = await fileReport(deps);
      for (let i = 0; i < 3; i++) {
        deps.clock.advance(HOUR_MS);
        await viewCase(deps, handler, filed.caseId);
      }
      if (anchorFirst)
        await anchorAuditHeads({ heads: memoryAuditHeads(deps.store), anchors: deps.anchors, auditKey: TEST_AUDIT_KEY, clock: deps.clock });
      const events = deps.store.audits.get(filed.caseId)!;
      events.splice(2);
      deps.store.update(filed.caseId, (file) => {
        file.case.auditSeq = events[1]!.seq;
        file.case.auditHash = events[1]!.hash;
      });
      deps.clock.advance(HOUR_MS);
      return { deps, viewed: await viewCase(deps, handler, filed.caseId) };
    }

    it('catches the newest events deleted with the case head rolled back, once an anchor recorded them', async () => {
      const { viewed } = await cutAfterViews(true);
      expect(viewed.auditVerified).toBe(false);
      // The view itself appended event #2 to what was left.
      expect(viewed.auditProblem).toBe('the chain was cut: the anchor of 2026-10-15 06:00 UTC recorded event #3, the case now ends at #2');
      expect(viewed.audit.map((e) => e.seq)).toEqual([0, 1, 2]);
    });

    it('cannot catch that cut before the first anchor: the chain alone accepts a rolled-back head', async () => {
      const { viewed } = await cutAfterViews(false);
      expect(viewed).toMatchObject({ auditVerified: true, auditProblem: null });
    });

    it('reads the anchor once per view, whether the case was anchored or not', async () => {
      const deps = agencyDeps();
      const filed = await fileReport(deps);
      await viewCase(deps, handler, filed.caseId);
      expect(deps.anchors.lookups).toBe(1);
      await anchorAuditHeads({ heads: memoryAuditHeads(deps.store), anchors: deps.anchors, auditKey: TEST_AUDIT_KEY, clock: deps.clock });
      await viewCase(deps, handler, filed.caseId);
      expect(deps.anchors.lookups).toBe(2);
    });
  });
});
