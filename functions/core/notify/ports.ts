// What the notifier talks through (functions/handlers/notifyStaff.ts): the mail it sends, the notices it holds for a
// member's daily digest, and the due list it reads deadlines from. Adapters: SES or SMTP (functions/adapters), the
// portal's table.
import type { Notice, NoticeKind } from './notices.js';

/** One plain-text mail to one address. It says that there is something to see, and where: never what. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** The only way the portal sends mail (SES deployed, the local SMTP catcher in `npm start`). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** A notice held for a member's digest: what kind, which case, when. Nothing else of the case is kept. */
export interface HeldNotice {
  username: string;
  kind: NoticeKind;
  caseId: string;
  at: string;
}

/** The notices held for the members of an organization who chose one mail a day (partition NOTICE#<org>). */
export interface NoticeStore {
  hold(organizationId: string, notice: HeldNotice): Promise<void>;
  /** Every notice held for the organization's members, oldest first. */
  held(organizationId: string): Promise<HeldNotice[]>;
  /** Forgets notices once their digest went out. */
  release(organizationId: string, notices: HeldNotice[]): Promise<void>;
}

/** The facts of a case the notifier may know: ids, whose it is, how many replies, its deadlines. Never its text. */
export interface CaseFacts {
  caseId: string;
  organizationId: string;
  assignee: string | null;
  whistleblowerMessages: number;
  /** The pending deadline (acknowledgeBy or respondBy) not yet swept; null once missed or closed. */
  dueAt: string | null;
}

/** The cases whose pending deadline falls in a window (the due list, GSI4 `DUE`). */
export interface DeadlineList {
  dueBetween(from: string, to: string): Promise<CaseFacts[]>;
}

export type { Notice };
