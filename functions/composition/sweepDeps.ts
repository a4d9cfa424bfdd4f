// The composition root of the deadline sweep: the case store, the country pack and the audit MAC key, set up once
// per cold start. Nothing else: no pepper, no case-text key, no bucket (it reads no text and no tracking code).
import { KMSClient } from '@aws-sdk/client-kms';
import { DynamoCaseStore } from '#adapters/dynamoCaseStore.js';
import { KmsAuditMacKey } from '#adapters/kmsAuditMacKey.js';
import { LocalAuditMacKey } from '#adapters/localAuditMacKey.js';
import { readOrCreateSecretFile } from '#adapters/localKeySealer.js';
import type { SweepDeps } from '#core/agency/sweepDeadlines.js';
import { type SweepEnvironment, parseEnvironment, sweepEnvironment } from '#runtime/config.js';
import { createDocumentClient } from './awsClients.js';
import { loadPackIndex } from './packIndex.js';

export function buildSweepDeps(env: SweepEnvironment): SweepDeps {
  const auditKey =
    env.mode === 'local'
      ? new LocalAuditMacKey(readOrCreateSecretFile(env.AUDIT_MAC_KEY_FILE, 32))
      : new KmsAuditMacKey(new KMSClient({ region: env.AWS_REGION }), env.AUDIT_MAC_KEY_ID);
  return {
    index: loadPackIndex(env),
    store: new DynamoCaseStore(createDocumentClient(env.AWS_REGION, env.DYNAMODB_ENDPOINT), env.TABLE_NAME),
    auditKey,
  };
}

let shared: SweepDeps | undefined;

/** Built once per process from the environment (a Lambda cold start, or the local runtime). */
export function sweepDeps(): SweepDeps {
  shared ??= buildSweepDeps(parseEnvironment(sweepEnvironment));
  return shared;
}
