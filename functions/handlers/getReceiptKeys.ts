// GET /receipts/keys — the public key set filing receipts verify against (a JSON Web Key Set, docs/receipts.md).
// Public and cacheable: it changes only when the key is replaced.
import { receiptKeySet } from '#composition/receiptKeyDeps.js';
import { httpHandler } from '#runtime/httpHandler.js';
import { json } from '#runtime/httpResponse.js';

const keys = receiptKeySet();

export const handler = httpHandler(async () => json(200, await keys.keySet(), { 'cache-control': 'public, max-age=300' }));
