import { describe, expect, it } from 'vitest';
import { changeStatus } from '#core/agency/changeStatus.js';
import { messageWhistleblower } from '#core/agency/messageWhistleblower.js';
import { viewCase } from '#core/agency/viewCase.js';
import { trackCase } from '#core/trackCase.js';
import { addWhistleblowerMessage } from '#core/whistleblowerMessage.js';
import { caseDetailResponse, updateCaseRequest } from '#schemas/agency.js';
import { trackMessageRequest, trackResponse } from '#schemas/track.js';
import { domainError } from '../support/errors.js';
import { DAY_MS, HOUR_MS, type MemoryAgencyDeps, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';
import { TEST_NOW } from '../support/memoryPorts.js';

const handler = staff('handler@kr-molit');
const update = (body: Record<string, unknown>) => updateCaseRequest.parse(body);
const at = (ms: number) => new Date(Date.parse(TEST_NOW) + ms).toISOString();

/** The stored state of a case, to show that a refused change wrote nothing. */
async function snapshot(deps: MemoryAgencyDeps, caseId: string) {
  return JSON.stringify([await deps.store.getCaseFolder(caseId), deps.store.commits]);
}

describe('changeStatus', () => {
  it('acknowledges with a public note the whistleblower reads with their code', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    deps.clock.advance(DAY_MS);
    const changed = await changeStatus(
      deps,
      handler,
      filed.caseId,
      update({ status: 'acknowledged', publicNote: 'We have your report and will answer by December.' }),
    );
    expect(caseDetailResponse.parse(changed)).toEqual(changed);
    expect(changed).toMatchObject({ status: 'acknowledged', overdue: false, resolution: null, auditVerified: true });
    expect(changed.timeline).toEqual([
      { at: TEST_NOW, status: 'received' },
      { at: at(DAY_MS), status: 'acknowledged', publicNote: 'We have your report and will answer by December.' },
    ]);
    expect(changed.audit.at(-1)).toMatchObject({
      seq: 1,
      at: at(DAY_MS),
      actor: 'handler@kr-molit',
      action: 'case.status_changed',
      details: { from: 'received', to: 'acknowledged' },
    });
    expect(deps.store.record(filed.caseId)).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: at(DAY_MS),
      updatedAt: at(DAY_MS),
      overdue: false,
      // Now waiting for the response.
      dueAt: filed.respondBy,
      auditSeq: 1,
    });
    // Sealed at rest.
    expect(JSON.stringify(await deps.store.getCaseFolder(filed.caseId))).not.toContain('December');

    const tracked = await trackCase(deps, filed.trackingCode);
    expect(trackResponse.parse(tracked)).toEqual(tracked);
    expect(tracked.status).toBe('acknowledged');
    expect(tracked.timeline).toEqual(changed.timeline);
  });

  it('keeps an internal note in the notes only: never in the timeline, never for the whistleblower', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    deps.clock.advance(HOUR_MS);
    await changeStatus(
      deps,
      handler,
      filed.caseId,
      update({ status: 'acknowledged', publicNote: 'Received.', internalNote: 'Contractor is the director’s cousin.' }),
    );
    deps.clock.advance(HOUR_MS);
    const noted = await changeStatus(
      deps,
      handler,
      filed.caseId,
      update({ status: 'acknowledged', internalNote: 'Ask the audit office for the invoices.' }),
    );
    expect(noted.status).toBe('acknowledged');
    expect(noted.notes).toEqual([
      { id: expect.any(String), at: at(HOUR_MS), author: 'handler@kr-molit', body: 'Contractor is the director’s cousin.' },
      { id: expect.any(String), at: at(2 * HOUR_MS), author: 'handler@kr-molit', body: 'Ask the audit office for the invoices.' },
    ]);
    expect(noted.timeline).toEqual([
      { at: TEST_NOW, status: 'received' },
      { at: at(HOUR_MS), status: 'acknowledged', publicNote: 'Received.' },
    ]);
    expect(noted.audit.at(-1)).toMatchObject({ action: 'case.note_added', details: { from: 'acknowledged', to: 'acknowledged' } });
    expect(deps.store.record(filed.caseId).acknowledgedAt).toBe(at(HOUR_MS));

    const tracked = JSON.stringify(await trackCase(deps, filed.trackingCode));
    expect(tracked).toContain('Received.');
    expect(tracked).not.toContain('cousin');
    expect(tracked).not.toContain('invoices');
    expect(JSON.stringify(await deps.store.getCaseFolder(filed.caseId))).not.toContain('cousin');
  });

  it('adds a public note without moving the case, as a new timeline entry', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    await changeStatus(deps, handler, filed.caseId, update({ status: 'acknowledged' }));
    deps.clock.advance(DAY_MS);
    const noted = await changeStatus(
      deps,
      handler,
      filed.caseId,
      update({ status: 'acknowledged', publicNote: 'An investigator is assigned.' }),
    );
    expect(noted.timeline.at(-1)).toEqual({ at: at(DAY_MS), status: 'acknowledged', publicNote: 'An investigator is assigned.' });
    expect(noted.audit.at(-1)!.action).toBe('case.note_added');
  });

  it('refuses an illegal transition with 409 and writes nothing', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    const before = await snapshot(deps, filed.caseId);
    for (const body of [
      { status: 'investigating', publicNote: 'Skipping ahead.' },
      { status: 'in_review' },
      { status: 'closed', resolution: 'substantiated' },
      { status: 'transferred', internalNote: 'Wrong route.' },
      { status: 'received' },
    ]) {
      expect((await domainError(changeStatus(deps, handler, filed.caseId, update(body)))).code).toBe('CONFLICT');
    }
    expect(await snapshot(deps, filed.caseId)).toBe(before);
  });

  it('refuses to close without a resolution (400) and writes nothing', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    await changeStatus(deps, handler, filed.caseId, update({ status: 'acknowledged' }));
    const before = await snapshot(deps, filed.caseId);
    const error = await domainError(changeStatus(deps, handler, filed.caseId, update({ status: 'closed', publicNote: 'Done.' })));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'resolution' }] });
    expect(
      (await domainError(changeStatus(deps, handler, filed.caseId, update({ status: 'in_review', resolution: 'referred' })))).code,
    ).toBe('VALIDATION_FAILED');
    expect(await snapshot(deps, filed.caseId)).toBe(before);
  });

  it('walks the whole case life and closes with a resolution', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    for (const status of ['acknowledged', 'in_review', 'investigating'] as const) {
      deps.clock.advance(DAY_MS);
      expect((await changeStatus(deps, handler, filed.caseId, update({ status }))).status).toBe(status);
    }
    deps.clock.advance(DAY_MS);
    const closed = await changeStatus(
      deps,
      handler,
      filed.caseId,
      update({ status: 'closed', resolution: 'substantiated', publicNote: 'The payment was recovered.' }),
    );
    expect(closed).toMatchObject({ status: 'closed', resolution: 'substantiated', overdue: false, auditVerified: true });
    expect(closed.timeline.map((t) => t.status)).toEqual(['received', 'acknowledged', 'in_review', 'investigating', 'closed']);
    expect(closed.timeline.at(-1)).toEqual({ at: at(4 * DAY_MS), status: 'closed', publicNote: 'The payment was recovered.' });
    expect(closed.audit.at(-1)).toMatchObject({
      seq: 4,
      action: 'case.status_changed',
      details: { from: 'investigating', to: 'closed', resolution: 'substantiated' },
    });
    expect(deps.store.record(filed.caseId)).toMatchObject({
      status: 'closed',
      resolution: 'substantiated',
      closedAt: at(4 * DAY_MS),
      acknowledgedAt: at(DAY_MS),
      dueAt: null,
      overdue: false,
    });
    const tracked = await trackCase(deps, filed.trackingCode);
    expect(tracked.status).toBe('closed');
    expect(tracked.timeline.at(-1)).toEqual({ at: at(4 * DAY_MS), status: 'closed', publicNote: 'The payment was recovered.' });
  });

  it('closes an acknowledged case directly, and then keeps it closed', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    await changeStatus(deps, handler, filed.caseId, update({ status: 'acknowledged' }));
    deps.clock.advance(HOUR_MS);
    await changeStatus(deps, handler, filed.caseId, update({ status: 'closed', resolution: 'insufficient_information' }));
    const before = await snapshot(deps, filed.caseId);
    expect((await domainError(changeStatus(deps, handler, filed.caseId, update({ status: 'closed', internalNote: 'Again.' })))).code).toBe(
      'CONFLICT',
    );
    expect((await domainError(changeStatus(deps, handler, filed.caseId, update({ status: 'in_review' })))).code).toBe('CONFLICT');
    expect((await domainError(messageWhistleblower(deps, handler, filed.caseId, 'One more question'))).code).toBe('CONFLICT');
    expect(await snapshot(deps, filed.caseId)).toBe(before);
    const reply = trackMessageRequest.parse({ trackingCode: filed.trackingCode, body: 'More evidence' });
    expect((await domainError(addWhistleblowerMessage(deps, reply))).code).toBe('CONFLICT');
  });

  it('marks a case acknowledged late as no longer overdue, waiting for its response', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    deps.clock.advance(10 * DAY_MS);
    expect((await viewCase(deps, handler, filed.caseId)).overdue).toBe(true);
    const changed = await changeStatus(deps, handler, filed.caseId, update({ status: 'acknowledged' }));
    expect(changed.overdue).toBe(false);
    expect(deps.store.record(filed.caseId)).toMatchObject({ overdue: false, dueAt: filed.respondBy });
  });

  it('marks a case moved after its response deadline as overdue, left for the sweep to escalate', async () => {
    const deps = agencyDeps();
    const filed = await fileReport(deps);
    await changeStatus(deps, handler, filed.caseId, update({ status: 'acknowledged' }));
    deps.clock.set(new Date(Date.parse(filed.respondBy) + DAY_MS));
    const changed = await changeStatus(deps, handler, filed.caseId, update({ status: 'in_review' }));
    expect(changed.overdue).toBe(true);
    expect(deps.store.record(filed.caseId)).toMatchObject({
      status: 'in_review',
      overdue: true,
      dueAt: filed.respondBy,
      escalatedTo: null,
    });
  });
});
