// Turns notices into mail: finds each notice's recipients in the staff directory, mails those who want a mail per
// event, and holds the notice for those who chose one mail a day. A member without an address gets nothing.
import type { Clock } from '../ports.js';
import type { StaffDirectory, StaffMember } from '../staff/ports.js';
import { type MailTexts, noticeMail } from './mailText.js';
import type { Audience, Notice } from './notices.js';
import type { Mailer, NoticeStore } from './ports.js';

export interface NotifyDeps {
  staff: StaffDirectory;
  notices: NoticeStore;
  mailer: Mailer;
  texts: MailTexts;
  /** The agency console's address (…/agency.html), the links' base. */
  consoleUrl: string;
  clock: Clock;
}

export interface Delivered {
  mailed: number;
  held: number;
}

/** Each organization's members read once per batch, however many notices name it. */
class Rosters {
  private readonly byOrganization = new Map<string, Promise<StaffMember[]>>();
  constructor(private readonly staff: StaffDirectory) {}

  members(organizationId: string): Promise<StaffMember[]> {
    let found = this.byOrganization.get(organizationId);
    if (!found) {
      found = this.staff.members(organizationId);
      this.byOrganization.set(organizationId, found);
    }
    return found;
  }

  async recipients(audience: Audience): Promise<StaffMember[]> {
    const members = await this.members(audience.organizationId);
    const named = audience.member ? members.find((m) => m.username === audience.member) : undefined;
    if (named) return [named];
    if (audience.otherwise === 'staff') return members;
    if (audience.otherwise === 'supervisors') return members.filter((m) => m.role === 'supervisor');
    return [];
  }
}

export async function deliverNotices(deps: NotifyDeps, notices: readonly Notice[]): Promise<Delivered> {
  const rosters = new Rosters(deps.staff);
  const delivered: Delivered = { mailed: 0, held: 0 };
  const at = deps.clock.now().toISOString();
  for (const notice of notices) {
    for (const member of await rosters.recipients(notice.audience)) {
      if (!member.email) continue;
      if (member.digest) {
        await deps.notices.hold(member.organizationId, { username: member.username, kind: notice.kind, caseId: notice.caseId, at });
        delivered.held++;
      } else {
        await deps.mailer.send({ to: member.email, ...noticeMail(deps.texts, deps.consoleUrl, notice) });
        delivered.mailed++;
      }
    }
  }
  return delivered;
}
