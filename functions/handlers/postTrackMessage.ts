// POST /track/messages — the whistleblower answers the agency or adds evidence.
import { addWhistleblowerMessage } from '#core/whistleblowerMessage.js';
import { citizenDeps } from '#composition/portalDeps.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { parseInput } from '#runtime/parse.js';
import { trackMessageRequest } from '#schemas/track.js';

const deps = await citizenDeps();

export const handler = jsonHandler(async (body) =>
  json(201, await addWhistleblowerMessage(deps, parseInput(trackMessageRequest, body, 'The message'))),
);
