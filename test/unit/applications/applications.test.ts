// Applications for protection or a reward, through core with memory ports (no mocks): the reporter applies with the
// code alone, the deciding body alone opens the identity and decides, and the reporter sees the decision.
import { describe, expect, it } from 'vitest';
import { applicationQueue } from '#core/applications/applicationQueue.js';
import { addApplicantMessage } from '#core/applications/applicantMessage.js';
import { fileApplication } from '#core/applications/fileApplication.js';
import { decideApplication, messageApplicant, viewApplication } from '#core/applications/workOnApplication.js';
import { indexPack } from '#core/countryPackIndex.js';
import { publicConfig } from '#core/publicConfig.js';
import { submitReport } from '#core/submitReport.js';
import { trackCase } from '#core/trackCase.js';
import { applicationDetailResponse, applyRequest, reporterApplication } from '#schemas/application.js';
import { domainError } from '../support/errors.js';
import { loadKrPack, reportRequest } from '../support/fixtures.js';
import { type MemoryAgencyDeps, agencyDeps, staff } from '../support/memoryCaseWork.js';

const CODE = '7K3M-Q9TZ-X2B4-RW8D';
const IDENTITY = { name: '김민준', dateOfBirth: '1984-03-02', address: '세종특별자치시 도움6로 11', phone: '010-1234-5678' };
const ACRC = staff('oversight@kr-acrc');

async function filedCase(deps: MemoryAgencyDeps) {
  return (await submitReport(deps, reportRequest({ trackingCode: CODE, category: 'budget-waste', organizationId: 'kr-molit' }))).body;
}

const apply = (deps: MemoryAgencyDeps, overrides: Record<string, unknown> = {}) =>
  fileApplication(
    deps,
    applyRequest.parse({
      trackingCode: CODE,
      kind: 'protection',
      identity: IDENTITY,
      statement: 'I was moved to a remote post.',
      ...overrides,
    }),
  );

describe('applying (the reporter, with the code alone)', () => {
  it('files a protection application with its deadline from the pack, and shows it on the status page without the identity', async () => {
    const deps = agencyDeps();
    const filed = await filedCase(deps);
    const application = await apply(deps);
    expect(reporterApplication.parse(application)).toEqual(application);
    expect(application).toMatchObject({
      applicationId: `${filed.caseId}-protection`,
      kind: 'protection',
      status: 'received',
      filedAt: '2026-10-15T03:00:00.000Z',
      // 60 days from the end of the hour it was filed in (the pack's decideDays for kr).
      decideBy: '2026-12-14T04:00:00.000Z',
      overdue: false,
      decidingBody: { id: 'kr-acrc' },
      decidedAt: null,
      decisionNote: null,
      messages: [],
    });
    expect(application.legalBasis).toMatch(/Protection of Public Interest Whistleblowers Act/);
    const tracked = await trackCase(deps, CODE, 'en');
    expect(tracked.applications).toEqual([application]);
    expect(JSON.stringify(tracked)).not.toMatch(/김민준|1984-03-02|010-1234/);
  });

  it('seals the identity and the statement: nothing readable is stored', async () => {
    const deps = agencyDeps();
    await filedCase(deps);
    await apply(deps);
    const stored = JSON.stringify([...deps.applications.files.values()]);
    expect(stored).not.toMatch(/김민준|010-1234|remote post/);
  });

  it('asks for what the pack’s law requires, naming each missing field', async () => {
    const deps = agencyDeps();
    await filedCase(deps);
    const error = await domainError(apply(deps, { identity: { name: '김민준' } }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => d.path)).toEqual(['identity.dateOfBirth', 'identity.address', 'identity.phone']);
    expect(deps.applications.files.size).toBe(0);
  });

  it('answers 404 for a code with no report, and 409 for a second application of the same kind', async () => {
    const deps = agencyDeps();
    expect((await domainError(apply(deps))).code).toBe('NOT_FOUND');
    await filedCase(deps);
    await apply(deps);
    expect((await domainError(apply(deps))).code).toBe('CONFLICT');
    // The other kind is its own application.
    await expect(apply(deps, { kind: 'reward' })).resolves.toMatchObject({ kind: 'reward', decideBy: '2027-01-13T04:00:00.000Z' });
  });

  it('refuses a kind the pack does not offer (400), and every kind where the pack offers none', async () => {
    const pack = loadKrPack();
    const { reward: _reward, ...protectionOnly } = pack.country.applications!.kinds;
    const deps = agencyDeps({
      index: indexPack({ ...pack, country: { ...pack.country, applications: { ...pack.country.applications!, kinds: protectionOnly } } }),
    });
    await filedCase(deps);
    const error = await domainError(apply(deps, { kind: 'reward' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => d.path)).toEqual(['kind']);
    expect(publicConfig(deps.index, 'en').applications?.kinds.map((k) => k.kind)).toEqual(['protection']);
    const { applications: _none, ...country } = pack.country;
    const without = agencyDeps({ index: indexPack({ ...pack, country }) });
    expect(publicConfig(without.index, 'en').applications).toBeNull();
  });
});

describe('deciding (the body the pack names)', () => {
  it('lists the application in the deciding body’s queue with its linked case, and nobody else’s', async () => {
    const deps = agencyDeps();
    const filed = await filedCase(deps);
    await apply(deps);
    expect((await applicationQueue(deps, ACRC)).items).toEqual([
      expect.objectContaining({
        caseId: filed.caseId,
        kind: 'protection',
        status: 'received',
        organization: { id: 'kr-molit', name: expect.any(String) },
      }),
    ]);
    for (const other of ['handler@kr-acrc', 'supervisor@kr-molit', 'oversight@kr-bai']) {
      expect((await domainError(applicationQueue(deps, staff(other)))).code, other).toBe('FORBIDDEN');
    }
  });

  it('opens the identity for the deciding body only; the handling organization gets 404, never the data', async () => {
    const deps = agencyDeps();
    const filed = await filedCase(deps);
    await apply(deps);
    const id = `${filed.caseId}-protection`;
    for (const other of ['handler@kr-molit', 'supervisor@kr-molit', 'oversight@kr-bai', 'handler@kr-acrc']) {
      const error = await domainError(viewApplication(deps, staff(other), id));
      expect(error.code, other).toBe('NOT_FOUND');
      expect(JSON.stringify(error)).not.toMatch(/김민준/);
    }
    const detail = await viewApplication(deps, ACRC, id);
    expect(applicationDetailResponse.parse(detail)).toEqual(detail);
    expect(detail).toMatchObject({ identity: IDENTITY, statement: 'I was moved to a remote post.', auditVerified: true });
    expect(detail.audit.map((e) => e.action)).toEqual(['application.received', 'application.viewed']);
    expect((await domainError(viewApplication(deps, ACRC, 'not-an-id'))).code).toBe('NOT_FOUND');
  });

  it('decides with reasons the reporter reads; a decision is final, and reasons need a decision', async () => {
    const deps = agencyDeps();
    const filed = await filedCase(deps);
    await apply(deps);
    const id = `${filed.caseId}-protection`;
    expect((await domainError(decideApplication(deps, ACRC, id, { status: 'granted' }))).details.map((d) => d.path)).toEqual([
      'decisionNote',
    ]);
    expect((await domainError(decideApplication(deps, ACRC, id, { status: 'in_review', decisionNote: 'early' }))).code).toBe(
      'VALIDATION_FAILED',
    );
    await decideApplication(deps, ACRC, id, { status: 'in_review' });
    deps.clock.set('2026-10-20T09:30:00.000Z');
    const decided = await decideApplication(deps, ACRC, id, { status: 'granted', decisionNote: 'Your employer must restore your post.' });
    expect(decided).toMatchObject({ status: 'granted', decidedAt: '2026-10-20T09:30:00.000Z', auditVerified: true });
    expect((await domainError(decideApplication(deps, ACRC, id, { status: 'refused', decisionNote: 'no' }))).code).toBe('CONFLICT');
    const [seen] = (await trackCase(deps, CODE, 'en')).applications;
    expect(seen).toMatchObject({
      status: 'granted',
      decisionNote: 'Your employer must restore your post.',
      decidedAt: '2026-10-20T09:30:00.000Z',
    });
  });

  it('carries messages both ways, counting the applicant’s unread replies until the body opens the application', async () => {
    const deps = agencyDeps();
    const filed = await filedCase(deps);
    await apply(deps);
    const id = `${filed.caseId}-protection`;
    await messageApplicant(deps, ACRC, id, 'When were you moved?');
    await addApplicantMessage(deps, { trackingCode: CODE, kind: 'protection', body: 'On 3 October.' });
    expect((await applicationQueue(deps, ACRC)).items[0]!.unreadMessages).toBe(1);
    const detail = await viewApplication(deps, ACRC, id);
    expect(detail.messages.map((m) => [m.from, m.body])).toEqual([
      ['body', 'When were you moved?'],
      ['applicant', 'On 3 October.'],
    ]);
    expect(detail.unreadMessages).toBe(0);
    expect(detail.audit.map((e) => e.action)).toEqual(['application.received', 'application.message_sent', 'application.viewed']);
    const [seen] = (await trackCase(deps, CODE, 'en')).applications;
    expect(seen!.messages.map((m) => m.from)).toEqual(['body', 'applicant']);
    expect((await domainError(addApplicantMessage(deps, { trackingCode: CODE, kind: 'reward', body: 'hello' }))).code).toBe('NOT_FOUND');
  });

  it('marks an undecided application overdue once its deadline passed', async () => {
    const deps = agencyDeps();
    await filedCase(deps);
    await apply(deps);
    deps.clock.set('2026-12-14T04:00:00.001Z');
    expect((await applicationQueue(deps, ACRC)).items[0]!.overdue).toBe(true);
  });
});
