// Who works in an organization: the staff a supervisor assigns cases to and the notifier writes to. Kept in the
// portal's table (partition STAFF#<organizationId>), written when an account is created (`npm run users:create`, the
// demo accounts at `npm start`); sign-in itself stays with the identity provider.
import type { AgencyRole } from '#contract/agencyRoles.js';

export interface StaffMember {
  username: string;
  organizationId: string;
  role: AgencyRole;
  /** Where notifications go; null when the account has none (it is then never written to). */
  email: string | null;
  /** One mail a day listing what there is to see, instead of one mail per event. */
  digest: boolean;
}

export interface StaffDirectory {
  /** Every member of an organization, in username order: one Query of its partition. */
  members(organizationId: string): Promise<StaffMember[]>;
  member(organizationId: string, username: string): Promise<StaffMember | null>;
  /** Adds or replaces a member (account creation). */
  register(member: StaffMember): Promise<void>;
  /** The member's own choice of a daily digest; false when there is no such member. */
  setDigest(organizationId: string, username: string, digest: boolean): Promise<boolean>;
}
