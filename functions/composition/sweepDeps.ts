// The composition root of the deadline sweep: the case store, the country pack, the audit MAC key, and what it
// destroys when a case's retention runs out (the case's key, its evidence), set up once per cold start. Nothing
// else: no pepper, no case-text key (it reads no text and no tracking code, and it opens no object or case key:
// destroying them needs no key).
import { KMSClient } from '@aws-sdk/client-kms';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAuditAnchorStore } from '#adapters/dynamoAuditAnchorStore.js';
import { DynamoCaseStore } from '#adapters/dynamoCaseStore.js';
import { KmsAuditMacKey } from '#adapters/kmsAuditMacKey.js';
import { LocalAuditMacKey } from '#adapters/localAuditMacKey.js';
import { readOrCreateSecretFile } from '#adapters/localKeySealer.js';
import { S3EvidenceStore } from '#adapters/s3EvidenceStore.js';
import { NO_WRAPPING_KEY } from '#adapters/caseKeyWrapping.js';
import { DynamoCaseKeyStore } from '#adapters/dynamoCaseKeyStore.js';
import { LocalCaseKeyStore } from '#adapters/localCaseKeyStore.js';
import type { SweepDeps } from '#core/agency/sweepDeadlines.js';
import type { CaseDeletionDeps } from '#core/caseDeletion.js';
import { type SweepEnvironment, parseEnvironment, sweepEnvironment } from '#runtime/config.js';
import { createDocumentClient, createS3Client } from './awsClients.js';
import { loadPackIndex } from './packIndex.js';

export type SweepJobDeps = SweepDeps & CaseDeletionDeps;

export function buildSweepDeps(env: SweepEnvironment): SweepJobDeps {
  const auditKey =
    env.mode === 'local'
      ? new LocalAuditMacKey(readOrCreateSecretFile(env.AUDIT_MAC_KEY_FILE, 32))
      : new KmsAuditMacKey(new KMSClient({ region: env.AWS_REGION }), env.AUDIT_MAC_KEY_ID);
  const s3 = createS3Client(env.AWS_REGION, env.S3_ENDPOINT);
  const table = createDocumentClient(env.AWS_REGION, env.DYNAMODB_ENDPOINT);
  return {
    index: loadPackIndex(env),
    store: new DynamoCaseStore(table, env.TABLE_NAME),
    auditKey,
    caseKeys: caseKeyShredder(env, table),
    // The deleted cases' receipts live with the audit anchors (core/caseDeletionReceipt.ts).
    deletions: new DynamoAuditAnchorStore(table, env.TABLE_NAME),
    // Deployed the bucket keeps versions, and a deletion removes every one; the local storage server keeps none.
    evidence: new S3EvidenceStore(s3, s3, env.BUCKET_NAME, { versioned: env.mode !== 'local' }),
  };
}

/** The case keys it may only destroy: the key table deployed (and in the bench), the key directory locally. */
function caseKeyShredder(env: SweepEnvironment, table: DynamoDBDocumentClient): SweepJobDeps['caseKeys'] {
  if (env.mode === 'local' && !env.CASE_KEY_TABLE) return new LocalCaseKeyStore(env.CASE_KEYS_DIR, NO_WRAPPING_KEY);
  return new DynamoCaseKeyStore(table, env.CASE_KEY_TABLE!, NO_WRAPPING_KEY);
}

let shared: SweepJobDeps | undefined;

/** Built once per process from the environment (a Lambda cold start, or the local runtime). */
export function sweepDeps(): SweepJobDeps {
  shared ??= buildSweepDeps(parseEnvironment(sweepEnvironment));
  return shared;
}
