// POST /track — the whistleblower's view of their case, by tracking code alone (in the body, never the URL), with
// names in the reader's language.
import { trackCase } from '#core/trackCase.js';
import { citizenDeps } from '#composition/portalDeps.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { parseInput } from '#runtime/parse.js';
import { trackRequest } from '#schemas/track.js';

const deps = await citizenDeps();

export const handler = jsonHandler(async (body) => {
  const { trackingCode, language } = parseInput(trackRequest, body);
  return json(200, await trackCase(deps, trackingCode, language));
});
