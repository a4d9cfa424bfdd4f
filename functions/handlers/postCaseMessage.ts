// POST /cases/{caseId}/messages — the agency asks the whistleblower a question.
import { messageWhistleblower } from '#core/agency/messageWhistleblower.js';
import { caller } from '#runtime/agencyRequest.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { parseInput } from '#runtime/parse.js';
import { agencyMessageRequest, caseParams } from '#schemas/agency.js';

const deps = await agencyDeps({ auditTrail: true });

export const handler = jsonHandler(async (body, event) => {
  const user = caller(event);
  const { caseId } = parseInput(caseParams, event.pathParameters ?? {}, 'The case address');
  const { body: text } = parseInput(agencyMessageRequest, body, 'The message');
  return json(201, await messageWhistleblower(deps, user, caseId, text));
});
