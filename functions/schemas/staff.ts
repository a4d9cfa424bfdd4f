// The staff API: an organization's members, as the console offers them for assignment; and a member's own settings
// (GET and PATCH /staff/me): who they are, whether the portal has an address to write to, and their choice of one
// mail a day instead of one per event (docs/notifications.md).
import * as z from 'zod';
import { AGENCY_ROLES } from '#contract/agencyRoles.js';

export const staffListResponse = z.object({
  items: z.array(z.object({ username: z.string(), role: z.enum(AGENCY_ROLES) })),
});
export type StaffListResponse = z.infer<typeof staffListResponse>;

export const staffMeResponse = z.object({
  username: z.string(),
  organizationId: z.string(),
  role: z.enum(AGENCY_ROLES),
  /** Whether notifications have an address to go to; the address itself is never sent back. */
  hasEmail: z.boolean(),
  /** One mail a day listing what there is to see, instead of one mail per event. */
  digest: z.boolean(),
});
export type StaffMeResponse = z.infer<typeof staffMeResponse>;

export const staffMeUpdate = z.strictObject({ digest: z.boolean() });
export type StaffMeUpdate = z.infer<typeof staffMeUpdate>;
