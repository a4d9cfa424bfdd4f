// `npm run audit:verify -- <caseId>`: re-checks one case's audit chain from the stored events and says which
// event fails. Uses the running `npm start`'s table when there is one, else opens the local data itself.
// Against AWS: set TABLE_NAME and PEPPER_SECRET_ARN (and AWS credentials) instead.
import { join, resolve } from 'node:path';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoCaseStore } from '../functions/adapters/dynamoCaseStore.js';
import { readOrCreateSecretFile } from '../functions/adapters/localKeySealer.js';
import { readPepperSecret } from '../functions/adapters/pepperSecret.js';
import { verifyAuditChain } from '../functions/core/auditChain.js';
import { parseCaseId } from '../functions/core/trackingKey.js';
import { createDocumentClient } from '../functions/runtime/citizenDeps.js';
import { type DataDirLock, lockDataDir } from './dataDirLock.js';
import { type EmbeddedServer, startDynamoDb } from './embedded/dynamodb.js';
import { TABLE_NAME } from './localPortal.js';
import { readRuntimeFile } from './runtimeFile.js';
import { localSettings } from './settings.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const caseId = parseCaseId(process.argv[2] ?? '');
if (!caseId) {
  console.error('usage: npm run audit:verify -- <caseId>   (a 20-character case id)');
  process.exit(2);
}

const region = process.env.AWS_REGION ?? 'us-east-1';
let embedded: EmbeddedServer | null = null;
let lock: DataDirLock | null = null;
let store: DynamoCaseStore;
let pepper: Uint8Array;
if (process.env.TABLE_NAME && process.env.PEPPER_SECRET_ARN) {
  store = new DynamoCaseStore(createDocumentClient(region, undefined), process.env.TABLE_NAME);
  pepper = await readPepperSecret(new SecretsManagerClient({ region }), process.env.PEPPER_SECRET_ARN);
} else {
  const dataDir = resolve(localSettings(process.env).dataDir);
  process.env.AWS_ACCESS_KEY_ID ??= 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER';
  const running = readRuntimeFile(dataDir);
  let endpoint = running?.dynamoDbEndpoint;
  if (!endpoint) {
    // Opening the data files itself: as a portal would, it holds the data dir's lock while it does.
    lock = await lockDataDir(dataDir).catch((error: Error) => {
      console.error(`audit:verify: ${error.message}`);
      process.exit(1);
    });
    embedded = await startDynamoDb(join(dataDir, 'dynamodb'));
    if (embedded.processes) lock.recordTableServer(embedded.processes);
    endpoint = embedded.endpoint;
  }
  store = new DynamoCaseStore(createDocumentClient(region, endpoint), TABLE_NAME);
  pepper = readOrCreateSecretFile(join(dataDir, 'secrets', 'pepper'), 32);
}

try {
  const folder = await store.getCaseFolder(caseId);
  if (!folder) {
    console.error(`no case ${caseId}`);
    process.exitCode = 2;
  } else {
    const events = [...folder.audit].sort((a, b) => a.seq - b.seq);
    for (const e of events) console.log(`#${e.seq}  ${e.at}  ${e.actor.padEnd(28)} ${e.action.padEnd(22)} ${e.hash.slice(0, 16)}…`);
    const verdict = verifyAuditChain(pepper, events, { seq: folder.case.auditSeq, hash: folder.case.auditHash });
    if (verdict.verified) console.log(`✓ case ${caseId}: ${events.length} audit events, chain verified`);
    else {
      console.error(`✗ case ${caseId}: ${verdict.problem}`);
      process.exitCode = 1;
    }
  }
} finally {
  await embedded?.stop();
  lock?.release();
}
