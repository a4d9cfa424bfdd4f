// The queue marks the cases whose whistleblower wrote since the owning organization last opened them: the case counts
// the whistleblower's messages as they are added, and the owner's view records how many it was shown.
import { describe, expect, it } from 'vitest';
import { changeStatus } from '#core/agency/changeStatus.js';
import { listCases } from '#core/agency/listCases.js';
import { messageWhistleblower } from '#core/agency/messageWhistleblower.js';
import { sweepDeadlines } from '#core/agency/sweepDeadlines.js';
import { viewCase } from '#core/agency/viewCase.js';
import { addWhistleblowerMessage } from '#core/whistleblowerMessage.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import { listCasesQuery, updateCaseRequest } from '#schemas/agency.js';
import { trackMessageRequest } from '#schemas/track.js';
import { DAY_MS, HOUR_MS, type MemoryAgencyDeps, agencyDeps, fileReport, staff } from '../support/memoryCaseWork.js';

const handler = staff('handler@kr-molit');

async function unreadIn(deps: MemoryAgencyDeps, user: AgencyUser, caseId: string, escalated = false): Promise<number | undefined> {
  const page = await listCases(deps, user, listCasesQuery.parse(escalated ? { escalated: 'true' } : {}));
  return page.items.find((i) => i.caseId === caseId)?.unreadReplies;
}

async function filedCase(deps: MemoryAgencyDeps) {
  const filed = await fileReport(deps);
  const reply = async (body: string) => {
    deps.clock.advance(HOUR_MS);
    return addWhistleblowerMessage(deps, trackMessageRequest.parse({ trackingCode: filed.trackingCode, body }));
  };
  return { caseId: filed.caseId, reply };
}

describe('unread replies in the queue', () => {
  it('counts the whistleblower’s messages since the owner last opened the case, not the agency’s own', async () => {
    const deps = agencyDeps();
    const { caseId, reply } = await filedCase(deps);
    expect(await unreadIn(deps, handler, caseId)).toBe(0);

    await messageWhistleblower(deps, handler, caseId, 'Which office was it?');
    expect(await unreadIn(deps, handler, caseId)).toBe(0);
    await reply('The regional office.');
    await reply('On a Tuesday.');
    expect(await unreadIn(deps, handler, caseId)).toBe(2);

    // Any of the organization's staff reading the case reads it for the organization.
    const viewed = await viewCase(deps, staff('supervisor@kr-molit'), caseId);
    expect(viewed.messages.filter((m) => m.from === 'whistleblower').map((m) => m.body)).toEqual(['The regional office.', 'On a Tuesday.']);
    expect(await unreadIn(deps, handler, caseId)).toBe(0);
    await reply('And again in June.');
    expect(await unreadIn(deps, handler, caseId)).toBe(1);
  });

  it('is not cleared by the oversight body reading an escalated case', async () => {
    const deps = agencyDeps();
    const { caseId, reply } = await filedCase(deps);
    await reply('More evidence follows.');
    deps.clock.advance(8 * DAY_MS);
    await sweepDeadlines(deps, deps.clock.now());
    const oversight = staff('oversight@kr-acrc');
    expect(await unreadIn(deps, oversight, caseId, true)).toBe(1);
    await viewCase(deps, oversight, caseId);
    expect(await unreadIn(deps, handler, caseId)).toBe(1);
    await viewCase(deps, handler, caseId);
    expect(await unreadIn(deps, handler, caseId)).toBe(0);
  });

  it('marks as read only what the view showed: a reply landing before its write makes it read the case again', async () => {
    const deps = agencyDeps();
    const { caseId, reply } = await filedCase(deps);
    let replied = false;
    deps.store.beforeCommit = async () => {
      if (replied) return;
      replied = true;
      await reply('Sent while you were opening the case.');
    };
    const viewed = await viewCase(deps, handler, caseId);
    expect(viewed.messages.map((m) => m.body)).toEqual(['Sent while you were opening the case.']);
    expect(await unreadIn(deps, handler, caseId)).toBe(0);
    expect(deps.store.record(caseId)).toMatchObject({ whistleblowerMessages: 1, whistleblowerMessagesSeen: 1 });
  });

  it('keeps a reply that lands while a change is made: the change is recomputed rather than writing the old count back', async () => {
    const deps = agencyDeps();
    const { caseId, reply } = await filedCase(deps);
    let replied = false;
    deps.store.beforeCommit = async () => {
      if (replied) return;
      replied = true;
      await reply('One more thing.');
    };
    await changeStatus(deps, handler, caseId, updateCaseRequest.parse({ status: 'acknowledged' }));
    expect(deps.store.record(caseId)).toMatchObject({ status: 'acknowledged', whistleblowerMessages: 1, whistleblowerMessagesSeen: 0 });
    expect(await unreadIn(deps, handler, caseId)).toBe(1);
  });

  it('keeps a reply that lands while the deadline sweep marks the case: the sweep leaves it to its next run', async () => {
    const deps = agencyDeps();
    const { caseId, reply } = await filedCase(deps);
    deps.clock.advance(8 * DAY_MS);
    let replied = false;
    deps.store.beforeCommit = async () => {
      if (replied) return;
      replied = true;
      await reply('Nobody has answered me.');
    };
    expect(await sweepDeadlines(deps, deps.clock.now())).toEqual({ overdue: 0, skipped: 1 });
    expect(deps.store.record(caseId)).toMatchObject({ overdue: false, whistleblowerMessages: 1 });
    deps.store.beforeCommit = null;
    expect(await sweepDeadlines(deps, deps.clock.now())).toEqual({ overdue: 1, skipped: 0 });
    expect(await unreadIn(deps, handler, caseId)).toBe(1);
  });
});
