// GET /stats — the caller's organization: counts by status, overdue, escalated, median days to acknowledge and close.
import { organizationStats } from '#core/agency/organizationStats.js';
import { caller } from '#runtime/agencyRequest.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { httpHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';

const deps = await agencyDeps();

export const handler = httpHandler(async (event) => json(200, await organizationStats(deps, caller(event))));
