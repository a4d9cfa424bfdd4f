// GET /applications?status= — the deciding body's applications for protection and rewards, open ones first.
import { applicationQueue } from '#core/applications/applicationQueue.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { caller } from '#runtime/agencyRequest.js';
import { httpHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { parseInput } from '#runtime/parse.js';
import { applicationQueueQuery } from '#schemas/application.js';

const deps = await agencyDeps();

export const handler = httpHandler(async (event) => {
  const { status } = parseInput(applicationQueueQuery, event.queryStringParameters ?? {}, 'The query');
  return json(200, await applicationQueue(deps, caller(event), status));
});
