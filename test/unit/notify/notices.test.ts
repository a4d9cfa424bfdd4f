// Which staff hear of a case change: decided from the case's facts before and after, nothing else.
import { describe, expect, it } from 'vitest';
import { deadlineNotice, noticesOfChange, reminderWindow } from '#core/notify/notices.js';
import type { CaseFacts } from '#core/notify/ports.js';

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId: 'C-1',
  organizationId: 'kr-molit',
  assignee: null,
  whistleblowerMessages: 0,
  dueAt: '2026-10-08T00:00:00.000Z',
  ...over,
});
const staff = (organizationId = 'kr-molit') => ({ organizationId, member: null, otherwise: 'staff' });

describe('noticesOfChange', () => {
  it('a new case: its organization’s staff', () => {
    expect(noticesOfChange(null, facts())).toEqual([{ kind: 'newCase', caseId: 'C-1', audience: staff() }]);
  });

  it('a transfer: a new case for the organization it went to, none for the one it left', () => {
    expect(noticesOfChange(facts(), facts({ organizationId: 'kr-acrc' }))).toEqual([
      { kind: 'newCase', caseId: 'C-1', audience: staff('kr-acrc') },
    ]);
  });

  it('a reporter’s reply: the assignee, else the organization’s staff', () => {
    expect(noticesOfChange(facts(), facts({ whistleblowerMessages: 1 }))).toEqual([{ kind: 'reply', caseId: 'C-1', audience: staff() }]);
    expect(noticesOfChange(facts({ assignee: 'mina' }), facts({ assignee: 'mina', whistleblowerMessages: 2 }))).toEqual([
      { kind: 'reply', caseId: 'C-1', audience: { organizationId: 'kr-molit', member: 'mina', otherwise: 'staff' } },
    ]);
  });

  it('an assignment: that person alone; taking it away or keeping it says nothing', () => {
    expect(noticesOfChange(facts(), facts({ assignee: 'mina' }))).toEqual([
      { kind: 'assigned', caseId: 'C-1', audience: { organizationId: 'kr-molit', member: 'mina', otherwise: 'nobody' } },
    ]);
    expect(noticesOfChange(facts({ assignee: 'mina' }), facts({ assignee: 'sora' }))[0]?.audience.member).toBe('sora');
    expect(noticesOfChange(facts({ assignee: 'mina' }), facts())).toEqual([]);
    expect(noticesOfChange(facts({ assignee: 'mina' }), facts({ assignee: 'mina' }))).toEqual([]);
  });

  it('any other change, and a case that went away, make none', () => {
    expect(noticesOfChange(facts(), facts({ dueAt: null }))).toEqual([]);
    expect(noticesOfChange(facts({ whistleblowerMessages: 2 }), facts({ whistleblowerMessages: 2 }))).toEqual([]);
    expect(noticesOfChange(facts(), null)).toEqual([]);
  });
});

describe('deadline reminders', () => {
  it('look one to two days ahead of the run', () => {
    expect(reminderWindow(new Date('2026-10-01T06:00:00.000Z'))).toEqual({
      from: '2026-10-02T06:00:00.000Z',
      to: '2026-10-03T06:00:00.000Z',
    });
  });

  it('go to the assignee, else the organization’s supervisors', () => {
    expect(deadlineNotice(facts({ assignee: 'mina' })).audience).toEqual({
      organizationId: 'kr-molit',
      member: 'mina',
      otherwise: 'supervisors',
    });
    expect(deadlineNotice(facts()).audience).toEqual({ organizationId: 'kr-molit', member: null, otherwise: 'supervisors' });
  });
});
