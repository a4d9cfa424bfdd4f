// The demo accounts' entries in the staff directory (core/staff/ports.ts), so a supervisor has handlers to assign and
// the notifier has addresses to write to: each account gets `<role>@<organizationId>.example` (a reserved domain;
// the local mail catcher takes it). Written when the accounts are created, or when a data directory from before the
// directory existed has none: never at every start, which would undo the members' own digest choices.
import type { LocalUser } from '#adapters/localIdentity.js';
import type { StaffDirectory, StaffMember } from '#core/staff/ports.js';

export const demoEmail = (username: string) => `${username}.example`;

export function demoStaffMember(user: Pick<LocalUser, 'username' | 'organizationId' | 'role'>): StaffMember {
  return { username: user.username, organizationId: user.organizationId, role: user.role, email: demoEmail(user.username), digest: false };
}

/** How many registrations run at once: a 1,042-organization pack has 2,000+ accounts. */
const PARALLEL = 16;

/** Registers the demo users missing from the directory; answers how many were written. */
export async function ensureDemoStaff(directory: StaffDirectory, users: LocalUser[], accountsCreated: boolean): Promise<number> {
  const demo = users.filter((u) => u.demo);
  const first = demo[0];
  if (!first) return 0;
  // One read tells a data directory whose demo staff are already registered.
  if (!accountsCreated && (await directory.member(first.organizationId, first.username))) return 0;
  for (let i = 0; i < demo.length; i += PARALLEL) {
    await Promise.all(demo.slice(i, i + PARALLEL).map((u) => directory.register(demoStaffMember(u))));
  }
  return demo.length;
}
