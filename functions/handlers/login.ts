// POST /auth/login — agency sign-in: a password, or the answer to the MFA challenge. The only agency route without
// a token; it is rate limited like the tracking-code lookups, and refusals never tell who has an account.
import { signIn } from '#core/signIn.js';
import { authDeps } from '#composition/authDeps.js';
import { jsonHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';
import { parseInput } from '#runtime/parse.js';
import { loginRequest } from '#schemas/auth.js';

const { identity } = authDeps();

export const handler = jsonHandler(async (body) => json(200, await signIn(identity, parseInput(loginRequest, body))));
