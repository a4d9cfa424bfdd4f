// GET /cases — the caller's queue: filter by status and overdue, overdue first then oldest, cursor pages.
import { listCases } from '#core/agency/listCases.js';
import { caller } from '#runtime/agencyRequest.js';
import { agencyDeps } from '#composition/portalDeps.js';
import { httpHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { parseInput } from '#runtime/parse.js';
import { listCasesQuery } from '#schemas/agency.js';

const deps = await agencyDeps();

export const handler = httpHandler(async (event) => {
  const user = caller(event);
  const query = parseInput(listCasesQuery, event.queryStringParameters ?? {}, 'The query');
  return json(200, await listCases(deps, user, query));
});
