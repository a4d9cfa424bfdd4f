// POST /track/applications/messages — the applicant writes to the deciding body, with the tracking code alone.
import { addApplicantMessage } from '#core/applications/applicantMessage.js';
import { citizenDeps } from '#composition/portalDeps.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { parseInput } from '#runtime/parse.js';
import { applicationMessageRequest } from '#schemas/application.js';

const deps = await citizenDeps();

export const handler = jsonHandler(async (body) =>
  json(201, await addApplicantMessage(deps, parseInput(applicationMessageRequest, body, 'The message'))),
);
