// `npm run audit:verify -- <caseId>`: re-checks one case's audit chain from the stored events, against the newest
// anchor of its heads, and says which event fails. `npm run audit:verify -- --all` checks the anchors themselves
// (every root's MAC and link, every chunk against its root) and then every case. Uses the running `npm start`'s
// table when there is one, else opens the local data itself. Against AWS: set TABLE_NAME, PEPPER_SECRET_ARN and
// AUDIT_MAC_KEY_ID (and AWS credentials) instead.
import { resolve } from 'node:path';
import { parseCaseId } from '#core/trackingKey.js';
import { openAuditTrail, verifyEverything, verifyOneCase } from './auditVerifyCommand.js';
import { localSettings } from '../runtime/settings.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const argument = process.argv[2] ?? '';
const caseId = parseCaseId(argument);
if (argument !== '--all' && !caseId) {
  console.error('usage: npm run audit:verify -- <caseId>   (a 20-character case id)');
  console.error('       npm run audit:verify -- --all      (the anchors, then every case)');
  process.exit(2);
}

const opened = await openAuditTrail({
  dataDir: resolve(localSettings(process.env).dataDir),
  region: process.env.AWS_REGION ?? 'us-east-1',
  ...(process.env.TABLE_NAME ? { tableName: process.env.TABLE_NAME } : {}),
  ...(process.env.PEPPER_SECRET_ARN ? { pepperSecretArn: process.env.PEPPER_SECRET_ARN } : {}),
  ...(process.env.AUDIT_MAC_KEY_ID ? { auditMacKeyId: process.env.AUDIT_MAC_KEY_ID } : {}),
}).catch((error: Error) => {
  // Another portal holds the data dir, or the table server did not start: one line, no stack.
  console.error(`audit:verify: ${error.message}`);
  process.exit(1);
});
try {
  process.exitCode = caseId ? await verifyOneCase(opened.deps, caseId, console) : await verifyEverything(opened.deps, console);
} finally {
  await opened.close();
}
