// The staff directory in memory, seeded like the demo accounts: `handler@<org>` and `supervisor@<org>` for every
// organization of the pack, `oversight@<body>` for the oversight body.
import type { PackIndex } from '#core/countryPackIndex.js';
import type { StaffDirectory, StaffMember } from '#core/staff/ports.js';

export class MemoryStaffDirectory implements StaffDirectory {
  private readonly byKey = new Map<string, StaffMember>();

  constructor(members: StaffMember[] = []) {
    for (const m of members) this.byKey.set(`${m.organizationId}#${m.username}`, { ...m });
  }

  static forPack(index: PackIndex): MemoryStaffDirectory {
    const member = (role: StaffMember['role'], organizationId: string): StaffMember => ({
      username: `${role}@${organizationId}`,
      organizationId,
      role,
      email: `${role}@${organizationId}.example`,
      digest: false,
    });
    return new MemoryStaffDirectory([
      ...index.pack.organizations.flatMap((o) => [member('handler', o.id), member('supervisor', o.id)]),
      member('oversight', index.pack.country.oversightOrganizationId),
    ]);
  }

  async members(organizationId: string): Promise<StaffMember[]> {
    return [...this.byKey.values()]
      .filter((m) => m.organizationId === organizationId)
      .sort((a, b) => a.username.localeCompare(b.username))
      .map((m) => ({ ...m }));
  }

  async member(organizationId: string, username: string): Promise<StaffMember | null> {
    const found = this.byKey.get(`${organizationId}#${username}`);
    return found ? { ...found } : null;
  }

  async register(member: StaffMember): Promise<void> {
    this.byKey.set(`${member.organizationId}#${member.username}`, { ...member });
  }

  async setDigest(organizationId: string, username: string, digest: boolean): Promise<boolean> {
    const found = this.byKey.get(`${organizationId}#${username}`);
    if (!found) return false;
    found.digest = digest;
    return true;
  }
}
