// The demo accounts reach the staff directory once: when created, or when an older data directory has none, never
// again at each start (which would undo a member's digest choice).
import { describe, expect, it } from 'vitest';
import type { LocalUser } from '#adapters/localIdentity.js';
import { demoStaffMember, ensureDemoStaff } from '#local/demo/demoStaff.js';
import { MemoryStaffDirectory } from './support/memoryStaff.js';

const user = (username: string, demo = true): LocalUser => {
  const [role, organizationId] = username.split('@') as [LocalUser['role'], string];
  return { username, organizationId, role, passwordHash: 'scrypt$x', demo };
};
const USERS = [user('handler@kr-molit'), user('supervisor@kr-molit'), user('mina@kr-molit', false)];

describe('ensureDemoStaff', () => {
  it('registers every demo account with a reserved-domain address, and no other account', async () => {
    const directory = new MemoryStaffDirectory();
    expect(await ensureDemoStaff(directory, USERS, true)).toBe(2);
    expect(await directory.members('kr-molit')).toEqual([
      demoStaffMember(USERS[0]!),
      {
        username: 'supervisor@kr-molit',
        organizationId: 'kr-molit',
        role: 'supervisor',
        email: 'supervisor@kr-molit.example',
        digest: false,
      },
    ]);
  });

  it('leaves an existing directory alone at a later start, keeping members’ choices', async () => {
    const directory = new MemoryStaffDirectory();
    await ensureDemoStaff(directory, USERS, true);
    await directory.setDigest('kr-molit', 'handler@kr-molit', true);
    expect(await ensureDemoStaff(directory, USERS, false)).toBe(0);
    expect((await directory.member('kr-molit', 'handler@kr-molit'))?.digest).toBe(true);
  });

  it('fills the directory of a data directory from before it existed', async () => {
    const directory = new MemoryStaffDirectory();
    expect(await ensureDemoStaff(directory, USERS, false)).toBe(2);
  });
});
