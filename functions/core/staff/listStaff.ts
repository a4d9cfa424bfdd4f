// GET /staff: the caller's own organization's staff, for choosing whom to assign a case to. Names and roles only:
// addresses and notification choices stay in the directory.
import type { AgencyUser } from '#contract/agencyRoles.js';
import type { StaffListResponse } from '#schemas/staff.js';
import type { StaffDirectory } from './ports.js';

export async function listStaff(staff: StaffDirectory, user: AgencyUser): Promise<StaffListResponse> {
  const members = await staff.members(user.organizationId);
  return { items: members.map(({ username, role }) => ({ username, role })) };
}
