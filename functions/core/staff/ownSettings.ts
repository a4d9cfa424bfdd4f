// A staff member's own notification settings: read from the staff directory by the caller's own organization and
// username (the authorizer's claims), so nobody reads or changes another member's.
import type { AgencyUser } from '#contract/agencyRoles.js';
import type { StaffMeResponse, StaffMeUpdate } from '#schemas/staff.js';
import { notFound } from '../errors.js';
import type { StaffDirectory } from './ports.js';

export async function ownSettings(staff: StaffDirectory, user: AgencyUser): Promise<StaffMeResponse> {
  const member = await staff.member(user.organizationId, user.username);
  return {
    username: user.username,
    organizationId: user.organizationId,
    role: user.role,
    hasEmail: Boolean(member?.email),
    digest: member?.digest ?? false,
  };
}

export async function changeOwnSettings(staff: StaffDirectory, user: AgencyUser, change: StaffMeUpdate): Promise<StaffMeResponse> {
  if (!(await staff.setDigest(user.organizationId, user.username, change.digest))) {
    throw notFound('Your account has no entry in the staff directory; ask an administrator to add it.');
  }
  return ownSettings(staff, user);
}
