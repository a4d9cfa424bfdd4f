// `npm run export:verify -- <bundle.zip> [--keys <jwks.json | URL>]`: checks a case export (docs/case-export.md):
// every file against the manifest, and the manifest's signature against the portal's published key set (a saved
// file, or an address such as https://portal/api/receipts/keys). Without --keys, the bundle's own keys.json is used,
// with a warning to compare it with the published one.
import { readFile } from 'node:fs/promises';
import { loadKeySet } from './receiptVerifyCommand.js';
import { verifyExportFile } from './exportVerifyCommand.js';

const args = process.argv.slice(2);
const keysAt = args.indexOf('--keys');
const keysSource = keysAt >= 0 ? args[keysAt + 1] : null;
const file = args.find((arg, i) => !arg.startsWith('--') && (keysAt < 0 || i !== keysAt + 1));
if (!file || keysSource === undefined) {
  console.error('usage: npm run export:verify -- <bundle.zip> [--keys <jwks.json | https://portal/api/receipts/keys>]');
  process.exit(2);
}

try {
  const [zip, keys] = await Promise.all([readFile(file), keysSource ? loadKeySet(keysSource) : null]);
  process.exitCode = await verifyExportFile(zip, keys, console);
} catch (error) {
  console.error(`export:verify: ${(error as Error).message}`);
  process.exitCode = 2;
}
