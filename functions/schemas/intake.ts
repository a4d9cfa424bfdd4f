// POST /intake: a report a staff member takes by phone, post or a visit and files for the reporter (assisted intake,
// docs/assisted-intake.md). The reporter's own fields, as on the web, without what only the reporter's browser can
// give (uploads, the authorship commitment, a proposed tracking code): the server makes the code.
import * as z from 'zod';
import { ASSISTED_CHANNELS } from '#contract/intakeChannel.js';
import { isoInstant } from './common.js';
import { checkAnonymity, organizationRef, reportFields } from './report.js';

export const assistedChannel = z.enum(ASSISTED_CHANNELS);

export const assistedReportRequest = z
  .strictObject({
    ...reportFields,
    /** How the report reached the staff member. */
    channel: assistedChannel,
  })
  .superRefine(checkAnonymity);
export type AssistedReportRequest = z.infer<typeof assistedReportRequest>;

/** What goes on the reporter's slip: the code (once, here only), where the report went and its deadlines. */
export const assistedReportResponse = z.object({
  trackingCode: z.string(),
  caseId: z.string(),
  organization: organizationRef,
  acknowledgeBy: isoInstant,
  respondBy: isoInstant,
});
export type AssistedReportResponse = z.infer<typeof assistedReportResponse>;
