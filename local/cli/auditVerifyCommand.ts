// What `npm run audit:verify` does, apart from its command line (local/cli/auditVerify.ts): open the table (the running
// `npm start`'s, the local data itself, or AWS's), then check one case, or (`--all`) the anchors and every case.
// Answers the exit code: 0 when everything verifies, 1 when something does not, 2 when there is no such case.
import { join } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoAuditAnchorStore } from '#adapters/dynamoAuditAnchorStore.js';
import { DynamoCaseStore } from '#adapters/dynamoCaseStore.js';
import { KmsAuditMacKey } from '#adapters/kmsAuditMacKey.js';
import { LocalAuditMacKey } from '#adapters/localAuditMacKey.js';
import { readOrCreateSecretFile } from '#adapters/localKeySealer.js';
import { readPepperSecret } from '#adapters/pepperSecret.js';
import { type AuditTrailDeps, verifyAuditTrails, verifyCaseAuditTrail } from '#core/agency/verifyAuditTrails.js';
import { anchorName } from '#core/auditAnchor.js';
import { createDocumentClient } from '#composition/awsClients.js';
import { type DataDirLock, lockDataDir } from '../runtime/dataDirLock.js';
import { type EmbeddedServer, startDynamoDb } from '../runtime/embedded/dynamodb.js';
import { TABLE_NAME } from '../runtime/localStorage.js';
import { readRuntimeFile } from '../runtime/runtimeFile.js';

export interface AuditVerifyOutput {
  log(line: string): void;
  error(line: string): void;
}

export interface OpenedAuditTrail {
  deps: AuditTrailDeps;
  /** Stops the table server this opened, if it had to start one. */
  close(): Promise<void>;
}

/**
 * Against AWS when `tableName` and `pepperSecretArn` are given, with `auditMacKeyId` (and the caller's credentials,
 * allowed kms:VerifyMac on that key): the key checks what it signed, the pepper what was signed before it. Otherwise
 * the local data in `dataDir`, through the running portal's table server when there is one.
 */
export async function openAuditTrail(options: {
  dataDir: string;
  region: string;
  tableName?: string;
  pepperSecretArn?: string;
  auditMacKeyId?: string;
}): Promise<OpenedAuditTrail> {
  if (options.tableName && options.pepperSecretArn) {
    if (!options.auditMacKeyId) throw new Error('against AWS, set AUDIT_MAC_KEY_ID (the audit MAC key) as well');
    const client = createDocumentClient(options.region, undefined);
    const anchors = new DynamoAuditAnchorStore(client, options.tableName);
    const pepper = await readPepperSecret(new SecretsManagerClient({ region: options.region }), options.pepperSecretArn);
    const auditKey = new KmsAuditMacKey(new KMSClient({ region: options.region }), options.auditMacKeyId);
    return {
      deps: { store: new DynamoCaseStore(client, options.tableName), anchors, heads: anchors, deletions: anchors, auditKey, pepper },
      close: async () => undefined,
    };
  }
  // Credentials the embedded server accepts; real ones are never needed.
  process.env.AWS_ACCESS_KEY_ID ??= 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER';
  let embedded: EmbeddedServer | null = null;
  let lock: DataDirLock | null = null;
  let endpoint = readRuntimeFile(options.dataDir)?.dynamoDbEndpoint;
  if (!endpoint) {
    // Opening the data files itself: as a portal would, it holds the data dir's lock while it does.
    lock = await lockDataDir(options.dataDir);
    try {
      embedded = await startDynamoDb(join(options.dataDir, 'dynamodb'));
    } catch (error) {
      lock.release();
      throw error;
    }
    if (embedded.processes) lock.recordTableServer(embedded.processes);
    endpoint = embedded.endpoint;
  }
  const client = createDocumentClient(options.region, endpoint);
  const anchors = new DynamoAuditAnchorStore(client, TABLE_NAME);
  // The files npm start keeps beside each other (local/runtime/localPortal.ts): the audit key and the pepper.
  const pepper = readOrCreateSecretFile(join(options.dataDir, 'secrets', 'pepper'), 32);
  const auditKey = new LocalAuditMacKey(readOrCreateSecretFile(join(options.dataDir, 'secrets', 'audit-mac.key'), 32));
  return {
    deps: { store: new DynamoCaseStore(client, TABLE_NAME), anchors, heads: anchors, deletions: anchors, auditKey, pepper },
    close: async () => {
      await embedded?.stop();
      lock?.release();
    },
  };
}

/** One case: its events, then the verdict against the newest anchor of its bucket. */
export async function verifyOneCase(deps: AuditTrailDeps, caseId: string, out: AuditVerifyOutput): Promise<number> {
  const trail = await verifyCaseAuditTrail(deps, caseId);
  if (!trail) {
    out.error(`no case ${caseId}`);
    return 2;
  }
  for (const e of trail.events) out.log(`#${e.seq}  ${e.at}  ${e.actor.padEnd(28)} ${e.action.padEnd(22)} ${e.hash.slice(0, 16)}…`);
  if (trail.verdict.verified) {
    out.log(`✓ case ${caseId}: ${trail.events.length} audit events, chain verified`);
    return 0;
  }
  out.error(`✗ case ${caseId}: ${trail.verdict.problem}`);
  return 1;
}

/** The anchors (every root, every chunk) and then every case, anchored or filed since. */
export async function verifyEverything(deps: AuditTrailDeps, out: AuditVerifyOutput): Promise<number> {
  const report = await verifyAuditTrails(deps);
  if (report.latest) {
    out.log(
      `anchors: ${report.roots} roots, ${report.chunks} chunks; the newest is root #${report.latest.seq}, ${anchorName(report.latest.anchoredAt)}, of ${report.latest.cases} cases`,
    );
    out.log(`  its digest ${report.latestDigest}: the anchor job logged the same one ("audit heads anchored"), compare them`);
  } else {
    out.log('anchors: none yet (the anchor job has not run): every case is checked by its own chain alone');
  }
  for (const problem of report.problems) out.error(`✗ ${problem}`);
  for (const note of report.notes) out.log(`note: ${note}`);
  for (const { caseId, problem } of report.failed) out.error(`✗ case ${caseId}: ${problem}`);
  if (report.deleted > 0) out.log(`${report.deleted} anchored cases were deleted by the retention rule, each with a signed receipt`);
  const verified = report.casesChecked - report.failed.length;
  if (report.problems.length === 0 && report.failed.length === 0) {
    out.log(`✓ anchors verified; ${report.casesChecked} cases checked, every chain verified`);
    return 0;
  }
  out.error(
    `✗ ${report.problems.length} problems with the anchors; ${report.casesChecked} cases checked, ${verified} verified, ${report.failed.length} failed`,
  );
  return 1;
}
