// How a report reached the portal: filed by the reporter on the web, or taken by staff from a call, a letter or a
// visit and entered for them (assisted intake). Routing, deadlines and the audit chain treat every channel alike.

export const INTAKE_CHANNELS = ['web', 'phone', 'post', 'visit'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** The channels a staff member enters a report from on the reporter's behalf. */
export const ASSISTED_CHANNELS = ['phone', 'post', 'visit'] as const;
export type AssistedChannel = (typeof ASSISTED_CHANNELS)[number];
