// The staff API: an organization's members, as the console offers them for assignment.
import * as z from 'zod';
import { AGENCY_ROLES } from '#contract/agencyRoles.js';

export const staffListResponse = z.object({
  items: z.array(z.object({ username: z.string(), role: z.enum(AGENCY_ROLES) })),
});
export type StaffListResponse = z.infer<typeof staffListResponse>;
