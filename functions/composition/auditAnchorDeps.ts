// The composition root of the audit anchor job: one DynamoDB client and the pepper, read once per cold start.
// Nothing else: no case-text key, no bucket, no country pack.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoAuditAnchorStore } from '#adapters/dynamoAuditAnchorStore.js';
import { readOrCreateSecretFile } from '#adapters/localKeySealer.js';
import { readPepperSecret } from '#adapters/pepperSecret.js';
import type { AnchorDeps } from '#core/anchorAuditHeads.js';
import { type AuditAnchorEnvironment, auditAnchorEnvironment, parseEnvironment } from '#runtime/config.js';
import { createDocumentClient } from './awsClients.js';

export async function buildAuditAnchorDeps(env: AuditAnchorEnvironment): Promise<AnchorDeps> {
  const store = new DynamoAuditAnchorStore(createDocumentClient(env.AWS_REGION, env.DYNAMODB_ENDPOINT), env.TABLE_NAME);
  const pepper =
    env.mode === 'local'
      ? readOrCreateSecretFile(env.PEPPER_FILE, 32)
      : await readPepperSecret(new SecretsManagerClient({ region: env.AWS_REGION }), env.PEPPER_SECRET_ARN);
  return { heads: store, anchors: store, pepper, clock: { now: () => new Date() } };
}

let shared: Promise<AnchorDeps> | undefined;

/** Built once per process from the environment (a Lambda cold start, or the local runtime). */
export function auditAnchorDeps(): Promise<AnchorDeps> {
  shared ??= buildAuditAnchorDeps(parseEnvironment(auditAnchorEnvironment));
  return shared;
}
