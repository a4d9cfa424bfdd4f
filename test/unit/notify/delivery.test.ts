// From notices to mail: recipients from the staff directory, a mail per event or a notice held for the daily digest,
// nobody without an address; the daily run's reminders and digests. Mails carry a link and fixed words only.
import { describe, expect, it } from 'vitest';
import { runDaily } from '#core/notify/dailyRun.js';
import { deliverNotices } from '#core/notify/deliverNotices.js';
import { mailTexts } from '#core/notify/mailText.js';
import type { Notice } from '#core/notify/notices.js';
import type { CaseFacts, HeldNotice, Mail, NoticeStore } from '#core/notify/ports.js';
import type { StaffMember } from '#core/staff/ports.js';
import { MemoryStaffDirectory } from '../support/memoryStaff.js';

class MemoryNotices implements NoticeStore {
  readonly items = new Map<string, HeldNotice[]>();
  async hold(organizationId: string, notice: HeldNotice) {
    this.items.set(organizationId, [...(this.items.get(organizationId) ?? []), notice]);
  }
  async held(organizationId: string) {
    return [...(this.items.get(organizationId) ?? [])];
  }
  async release(organizationId: string, notices: HeldNotice[]) {
    this.items.set(
      organizationId,
      (this.items.get(organizationId) ?? []).filter((n) => !notices.includes(n)),
    );
  }
}

const member = (username: string, over: Partial<StaffMember> = {}): StaffMember => ({
  username,
  organizationId: 'kr-molit',
  role: 'handler',
  email: `${username}@molit.example`,
  digest: false,
  ...over,
});

const CONSOLE = 'https://portal.example/agency.html';
const texts = mailTexts(
  { ko: { 'agency.notify.mail.newCase.subject': '새 사건' }, en: { 'agency.notify.mail.newCase.subject': 'New case' } },
  ['ko', 'en'],
);

function world(members: StaffMember[], due: CaseFacts[] = []) {
  const sent: Mail[] = [];
  const notices = new MemoryNotices();
  const deps = {
    staff: new MemoryStaffDirectory(members),
    notices,
    mailer: { send: async (mail: Mail) => void sent.push(mail) },
    texts,
    consoleUrl: CONSOLE,
    clock: { now: () => new Date('2026-10-01T06:00:00.000Z') },
    deadlines: { dueBetween: async () => due },
    organizationIds: ['kr-molit', 'kr-acrc'],
  };
  return { deps, sent, notices };
}

const toStaff: Notice = { kind: 'newCase', caseId: 'C-1', audience: { organizationId: 'kr-molit', member: null, otherwise: 'staff' } };

describe('deliverNotices', () => {
  it('mails every member of the organization with an address, in the country’s first language, with the case’s link', async () => {
    const { deps, sent } = world([member('mina'), member('sora', { role: 'supervisor' }), member('noaddress', { email: null })]);
    expect(await deliverNotices(deps, [toStaff])).toEqual({ mailed: 2, held: 0 });
    expect(sent.map((m) => m.to)).toEqual(['mina@molit.example', 'sora@molit.example']);
    expect(sent[0]!.subject).toBe('새 사건');
    expect(sent[0]!.text).toContain(`${CONSOLE}#/cases/C-1`);
  });

  it('holds the notice for a member who chose the daily digest instead of mailing them', async () => {
    const { deps, sent, notices } = world([member('mina', { digest: true }), member('sora')]);
    expect(await deliverNotices(deps, [toStaff])).toEqual({ mailed: 1, held: 1 });
    expect(sent.map((m) => m.to)).toEqual(['sora@molit.example']);
    expect(await notices.held('kr-molit')).toEqual([{ username: 'mina', kind: 'newCase', caseId: 'C-1', at: '2026-10-01T06:00:00.000Z' }]);
  });

  it('a named member alone; when they are not in the directory, the fallback (or nobody)', async () => {
    const { deps, sent } = world([member('mina'), member('sora', { role: 'supervisor' })]);
    const audience = (m: string | null, otherwise: 'staff' | 'supervisors' | 'nobody') => ({
      organizationId: 'kr-molit',
      member: m,
      otherwise,
    });
    await deliverNotices(deps, [{ kind: 'assigned', caseId: 'C-1', audience: audience('mina', 'nobody') }]);
    expect(sent.map((m) => m.to)).toEqual(['mina@molit.example']);
    sent.length = 0;
    await deliverNotices(deps, [{ kind: 'assigned', caseId: 'C-1', audience: audience('gone', 'nobody') }]);
    expect(sent).toEqual([]);
    await deliverNotices(deps, [{ kind: 'deadline', caseId: 'C-1', audience: audience(null, 'supervisors') }]);
    expect(sent.map((m) => m.to)).toEqual(['sora@molit.example']);
  });
});

describe('runDaily', () => {
  it('reminds the supervisors of a deadline in the window when nobody is assigned, then sends the digests', async () => {
    const due: CaseFacts[] = [{ caseId: 'C-9', organizationId: 'kr-molit', assignee: null, whistleblowerMessages: 0, dueAt: 'x' }];
    const { deps, sent } = world([member('mina', { digest: true }), member('sora', { role: 'supervisor' })], due);
    await deliverNotices(deps, [toStaff]);
    sent.length = 0;
    expect(await runDaily(deps, new Date('2026-10-01T06:00:00.000Z'))).toEqual({ reminded: 1, digests: 1 });
    // The supervisor's reminder, then the handler's digest (the new case held for them): no reminder for the handler.
    expect(sent.map((m) => m.to)).toEqual(['sora@molit.example', 'mina@molit.example']);
    expect(sent[1]!.text).not.toContain('#/cases/C-9');
  });

  it('one digest per member with held notices, each notice a line with its link; the notices go once sent', async () => {
    const { deps, sent, notices } = world(
      [member('mina', { digest: true, role: 'supervisor' })],
      [{ caseId: 'C-9', organizationId: 'kr-molit', assignee: null, whistleblowerMessages: 0, dueAt: 'x' }],
    );
    await deliverNotices(deps, [toStaff]);
    expect(await runDaily(deps, new Date('2026-10-01T06:00:00.000Z'))).toEqual({ reminded: 1, digests: 1 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain(`${CONSOLE}#/cases/C-1`);
    expect(sent[0]!.text).toContain(`${CONSOLE}#/cases/C-9`);
    expect(await notices.held('kr-molit')).toEqual([]);
  });

  it('a member who left, or lost their address, gets no digest, and what was held for them goes', async () => {
    const { deps, sent, notices } = world([member('mina', { digest: true })]);
    await deliverNotices(deps, [toStaff]);
    await deps.staff.register(member('mina', { digest: true, email: null }));
    expect((await runDaily(deps, new Date('2026-10-01T06:00:00.000Z'))).digests).toBe(0);
    expect(sent).toEqual([]);
    expect(await notices.held('kr-molit')).toEqual([]);
  });
});
