import { describe, expect, it } from 'vitest';
import { attachmentLink } from '#core/agency/attachmentLink.js';
import { CASE_NOT_FOUND, accessTo, openCaseFolder } from '#core/agency/caseAccess.js';
import { changeStatus } from '#core/agency/changeStatus.js';
import { messageWhistleblower } from '#core/agency/messageWhistleblower.js';
import { sweepDeadlines } from '#core/agency/sweepDeadlines.js';
import { transferCase } from '#core/agency/transferCase.js';
import { viewCase } from '#core/agency/viewCase.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import { domainError } from '../support/errors.js';
import { krIndex } from '../support/fixtures.js';
import { DAY_MS, type MemoryAgencyDeps, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';

const CONTACT = { name: '김민수', email: 'minsu.kim@example.kr' };

/** A confidential budget-waste report about kr-molit, which the pack routes to kr-molit. */
async function molitCase(deps: MemoryAgencyDeps) {
  return fileReport(deps, { anonymity: 'confidential', contact: CONTACT });
}

/** Lets the acknowledgement deadline pass and runs the sweep, which escalates the case to kr-acrc. */
async function escalate(deps: MemoryAgencyDeps) {
  deps.clock.advance(8 * DAY_MS);
  await sweepDeadlines(deps, deps.clock.now());
}

/** Every agency use case on one case, as one user. */
const everyUseCase = (deps: MemoryAgencyDeps, user: AgencyUser, caseId: string) => ({
  viewCase: () => viewCase(deps, user, caseId),
  changeStatus: () => changeStatus(deps, user, caseId, { status: 'acknowledged', publicNote: 'Received.' }),
  messageWhistleblower: () => messageWhistleblower(deps, user, caseId, 'A question'),
  transferCase: () => transferCase(deps, user, caseId, { organizationId: 'kr-moef', reason: 'theirs' }),
  attachmentLink: () => attachmentLink(deps, user, caseId, 'ANYATTACHMENT000'),
});

describe('accessTo', () => {
  const organizations = krIndex().organizations;
  const record = (organizationId: string, escalatedTo: string | null, head?: string) => ({
    organizationId,
    escalatedTo,
    subjectIsHead: head !== undefined,
    reportedOrganizationId: head ?? organizationId,
  });
  const access = (username: string, r: ReturnType<typeof record>) => accessTo(staff(username), r, organizations);

  it('gives the owning organization owner access, whatever the role', () => {
    for (const username of ['handler@kr-molit', 'supervisor@kr-molit']) expect(access(username, record('kr-molit', null))).toBe('owner');
    expect(access('oversight@kr-acrc', record('kr-acrc', null))).toBe('owner');
    expect(access('oversight@kr-acrc', record('kr-acrc', 'kr-acrc'))).toBe('owner');
  });

  it('gives an oversight user access to the cases escalated to their own body only', () => {
    expect(access('oversight@kr-acrc', record('kr-molit', 'kr-acrc'))).toBe('oversight');
    expect(access('oversight@kr-acrc', record('kr-molit', null))).toBeNull();
    expect(access('oversight@kr-bai', record('kr-molit', 'kr-acrc'))).toBeNull();
  });

  it('keeps a head report from the head’s organization and those under it, whatever the stored owner or escalation says', () => {
    // A report about the head of kr-acrc (the oversight body) escalated to it by an older sweep.
    expect(access('oversight@kr-acrc', record('kr-bai', 'kr-acrc', 'kr-acrc'))).toBeNull();
    expect(access('oversight@kr-bai', record('kr-bai', 'kr-acrc', 'kr-acrc'))).toBe('owner');
    // A report about the head of kr-moef moved to kr-nts, which sits under kr-moef, by an older transfer.
    expect(access('handler@kr-nts', record('kr-nts', null, 'kr-moef'))).toBeNull();
    expect(access('handler@kr-moef', record('kr-moef', null, 'kr-moef'))).toBeNull();
  });

  it('gives staff of other organizations nothing, escalated or not', () => {
    for (const username of ['handler@kr-moef', 'supervisor@kr-moef', 'handler@kr-acrc', 'supervisor@kr-acrc']) {
      expect(access(username, record('kr-molit', null))).toBeNull();
      expect(access(username, record('kr-molit', 'kr-acrc'))).toBeNull();
    }
  });
});

describe('case isolation', () => {
  it('opens a case for its own organization as owner', async () => {
    const deps = agencyDeps();
    const filed = await molitCase(deps);
    for (const username of ['handler@kr-molit', 'supervisor@kr-molit']) {
      const { folder, access } = await openCaseFolder(deps, staff(username), filed.caseId);
      expect(access).toBe('owner');
      expect(folder.case.caseId).toBe(filed.caseId);
    }
    const viewed = await viewCase(deps, staff('handler@kr-molit'), filed.caseId);
    expect(viewed.contact).toEqual(CONTACT);
  });

  it('answers 404 to every use case for staff of another organization, and writes nothing', async () => {
    const deps = agencyDeps();
    const filed = await molitCase(deps);
    const before = JSON.stringify(await deps.store.getCaseFolder(filed.caseId));
    const auditBefore = deps.store.auditOf(filed.caseId);
    for (const username of [
      'handler@kr-moef',
      'supervisor@kr-moef',
      'handler@kr-acrc',
      'supervisor@kr-acrc',
      'oversight@kr-acrc',
      'oversight@kr-bai',
    ]) {
      for (const [name, run] of Object.entries(everyUseCase(deps, staff(username), filed.caseId))) {
        const error = await domainError(run());
        expect({ username, name, code: error.code, message: error.message }).toEqual({
          username,
          name,
          code: 'NOT_FOUND',
          message: CASE_NOT_FOUND,
        });
      }
    }
    expect(deps.store.auditOf(filed.caseId)).toEqual(auditBefore);
    expect(JSON.stringify(await deps.store.getCaseFolder(filed.caseId))).toBe(before);
    expect(deps.store.commits).toBe(0);
  });

  it('answers exactly as for a case that does not exist', async () => {
    const deps = agencyDeps();
    const filed = await molitCase(deps);
    const foreign = await domainError(viewCase(deps, staff('handler@kr-moef'), filed.caseId));
    const missing = await domainError(viewCase(deps, staff('handler@kr-moef'), '0123456789ABCDEFGHJK'));
    expect({ ...foreign, stack: undefined }).toEqual({ ...missing, stack: undefined });
    expect(foreign.message).toBe(missing.message);
  });

  it('lets oversight open a case escalated to it, without the contact details', async () => {
    const deps = agencyDeps();
    const filed = await molitCase(deps);
    await escalate(deps);
    expect(deps.store.record(filed.caseId)).toMatchObject({ organizationId: 'kr-molit', escalatedTo: 'kr-acrc' });
    const { access } = await openCaseFolder(deps, staff('oversight@kr-acrc'), filed.caseId);
    expect(access).toBe('oversight');
    const viewed = await viewCase(deps, staff('oversight@kr-acrc'), filed.caseId);
    expect(viewed.contact).toBeNull();
    expect(viewed.audit.at(-1)).toMatchObject({ actor: 'oversight@kr-acrc', action: 'case.viewed', details: { access: 'oversight' } });
  });

  it('still refuses an escalated case to non-oversight staff of the oversight body and to other oversight bodies', async () => {
    const deps = agencyDeps();
    const filed = await molitCase(deps);
    await escalate(deps);
    for (const username of ['handler@kr-acrc', 'supervisor@kr-acrc', 'oversight@kr-bai', 'supervisor@kr-moef']) {
      expect((await domainError(viewCase(deps, staff(username), filed.caseId))).code).toBe('NOT_FOUND');
    }
  });

  it('refuses an oversight user a case of another organization that is not escalated', async () => {
    const deps = agencyDeps();
    const filed = await molitCase(deps);
    expect(deps.store.record(filed.caseId).escalatedTo).toBeNull();
    expect((await domainError(viewCase(deps, staff('oversight@kr-acrc'), filed.caseId))).code).toBe('NOT_FOUND');
  });

  it.each([
    '',
    'abc',
    '../../CASE',
    '0123456789ABCDEFGHJ',
    '0123456789ABCDEFGHJKM',
    '0123456789abcdefghjk',
    '0123456789ABCDEFGHIL',
    'CASE#0123456789ABCDEF',
  ])('answers 404 for the malformed case id %j without reading the store', async (caseId) => {
    const deps = agencyDeps();
    let reads = 0;
    const getCaseFolder = deps.store.getCaseFolder.bind(deps.store);
    deps.store.getCaseFolder = async (id) => {
      reads++;
      return getCaseFolder(id);
    };
    const error = await domainError(viewCase(deps, staff('handler@kr-molit'), caseId));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: CASE_NOT_FOUND });
    expect(reads).toBe(0);
  });
});
