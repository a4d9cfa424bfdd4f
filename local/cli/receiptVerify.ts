// `npm run receipt:verify -- <receipt.json> [--keys <jwks.json | URL>]`: checks a saved filing receipt against the
// portal's published key set, as the web app's "verify a receipt" page does. By default the keys come from the
// running `npm start` (GET /api/receipts/keys); give a saved key set or a deployed portal's address instead.
import { readFile } from 'node:fs/promises';
import { loadKeySet, verifyReceiptFile } from './receiptVerifyCommand.js';
import { localSettings } from '../runtime/settings.js';

const args = process.argv.slice(2);
const keysAt = args.indexOf('--keys');
const keysSource = keysAt >= 0 ? args[keysAt + 1] : `http://localhost:${localSettings(process.env).port}/api/receipts/keys`;
const file = args.find((arg, i) => !arg.startsWith('--') && (keysAt < 0 || i !== keysAt + 1));
if (!file || !keysSource) {
  console.error('usage: npm run receipt:verify -- <receipt.json> [--keys <jwks.json | https://portal/api/receipts/keys>]');
  process.exit(2);
}

try {
  const [text, keys] = await Promise.all([readFile(file, 'utf8'), loadKeySet(keysSource)]);
  process.exitCode = await verifyReceiptFile(text, keys, console);
} catch (error) {
  console.error(`receipt:verify: ${(error as Error).message}`);
  process.exitCode = 2;
}
