// GET /staff/me — the caller's own settings: who they are, whether an address is on file, their digest choice.
import { staffDirectory } from '#composition/staffDeps.js';
import { ownSettings } from '#core/staff/ownSettings.js';
import { caller } from '#runtime/agencyRequest.js';
import { httpHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';

const staff = staffDirectory();

export const handler = httpHandler(async (event) => json(200, await ownSettings(staff, caller(event))));
