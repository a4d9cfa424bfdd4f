// The notifier's daily run (an EventBridge schedule): reminders of deadlines two days away, then one digest mail per
// member who chose it, listing what was held for them since the last run.
import { type NotifyDeps, deliverNotices } from './deliverNotices.js';
import { digestMail } from './mailText.js';
import { deadlineNotice, reminderWindow } from './notices.js';
import type { DeadlineList, HeldNotice } from './ports.js';

export interface DailyDeps extends NotifyDeps {
  deadlines: DeadlineList;
  /** Every organization of the pack: whose held notices to look for. */
  organizationIds: readonly string[];
}

export interface DailyResult {
  reminded: number;
  digests: number;
}

export async function runDaily(deps: DailyDeps, at: Date): Promise<DailyResult> {
  const window = reminderWindow(at);
  const due = await deps.deadlines.dueBetween(window.from, window.to);
  const reminders = await deliverNotices(deps, due.map(deadlineNotice));
  let digests = 0;
  for (const organizationId of deps.organizationIds) digests += await sendDigests(deps, organizationId);
  return { reminded: reminders.mailed + reminders.held, digests };
}

/** One organization's digests: a Query of its held notices (usually none), then a mail per member who has some. */
async function sendDigests(deps: DailyDeps, organizationId: string): Promise<number> {
  const held = await deps.notices.held(organizationId);
  if (held.length === 0) return 0;
  const byMember = new Map<string, HeldNotice[]>();
  for (const notice of held) byMember.set(notice.username, [...(byMember.get(notice.username) ?? []), notice]);
  let sent = 0;
  for (const [username, notices] of byMember) {
    const member = await deps.staff.member(organizationId, username);
    // A member who left, or whose address was taken off, gets nothing; what was held for them goes.
    if (member?.email) {
      await deps.mailer.send({ to: member.email, ...digestMail(deps.texts, deps.consoleUrl, notices) });
      sent++;
    }
    await deps.notices.release(organizationId, notices);
  }
  return sent;
}
