// The composition root of the audit anchor job: one DynamoDB client and the audit MAC key, set up once per cold
// start. Nothing else: no pepper, no case-text key, no bucket, no country pack.
import { KMSClient } from '@aws-sdk/client-kms';
import { DynamoAuditAnchorStore } from '#adapters/dynamoAuditAnchorStore.js';
import { KmsAuditMacKey } from '#adapters/kmsAuditMacKey.js';
import { LocalAuditMacKey } from '#adapters/localAuditMacKey.js';
import { readOrCreateSecretFile } from '#adapters/localKeySealer.js';
import type { AnchorDeps } from '#core/anchorAuditHeads.js';
import { type AuditAnchorEnvironment, auditAnchorEnvironment, parseEnvironment } from '#runtime/config.js';
import { createDocumentClient } from './awsClients.js';

export function buildAuditAnchorDeps(env: AuditAnchorEnvironment): AnchorDeps {
  const store = new DynamoAuditAnchorStore(createDocumentClient(env.AWS_REGION, env.DYNAMODB_ENDPOINT), env.TABLE_NAME);
  const auditKey =
    env.mode === 'local'
      ? new LocalAuditMacKey(readOrCreateSecretFile(env.AUDIT_MAC_KEY_FILE, 32))
      : new KmsAuditMacKey(new KMSClient({ region: env.AWS_REGION }), env.AUDIT_MAC_KEY_ID);
  return { heads: store, anchors: store, auditKey, clock: { now: () => new Date() } };
}

let shared: AnchorDeps | undefined;

/** Built once per process from the environment (a Lambda cold start, or the local runtime). */
export async function auditAnchorDeps(): Promise<AnchorDeps> {
  shared ??= buildAuditAnchorDeps(parseEnvironment(auditAnchorEnvironment));
  return shared;
}
