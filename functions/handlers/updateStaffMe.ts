// PATCH /staff/me — the caller changes their own choice of a daily digest ({ digest: boolean }).
import { staffDirectory } from '#composition/staffDeps.js';
import { changeOwnSettings } from '#core/staff/ownSettings.js';
import { caller } from '#runtime/agencyRequest.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { parseInput } from '#runtime/parse.js';
import { staffMeUpdate } from '#schemas/staff.js';

const staff = staffDirectory();

export const handler = jsonHandler(async (body, event) =>
  json(200, await changeOwnSettings(staff, caller(event), parseInput(staffMeUpdate, body, 'The notification settings'))),
);
