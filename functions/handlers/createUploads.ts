// POST /uploads — presigned S3 POSTs for the citizen's attachments, under incoming/.
import { issueUploads } from '#core/issueUploads.js';
import { citizenDeps } from '#composition/portalDeps.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { parseInput } from '#runtime/parse.js';
import { uploadsRequest } from '#schemas/uploads.js';

const deps = await citizenDeps();

export const handler = jsonHandler(async (body) => json(201, await issueUploads(deps, parseInput(uploadsRequest, body))));
