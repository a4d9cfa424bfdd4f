// GET /staff — the caller's organization's staff (usernames and roles), to assign cases to.
import { listStaff } from '#core/staff/listStaff.js';
import { caller } from '#runtime/agencyRequest.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { httpHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';

const deps = await agencyDeps();

export const handler = httpHandler(async (event) => json(200, await listStaff(deps.staff, caller(event))));
