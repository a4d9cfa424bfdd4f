// The composition root of the citizen handlers: SDK clients are created here, once per cold start, and handed to
// the adapters. Local mode points the same code at the embedded servers through environment variables.
import { randomBytes } from 'node:crypto';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { AgencyDeps } from '#core/agency/deps.js';
import type { CitizenDeps } from '#core/deps.js';
import type { Sealer } from '#core/ports.js';
import { DynamoAuditAnchorStore } from '#adapters/dynamoAuditAnchorStore.js';
import { DynamoCaseStore } from '#adapters/dynamoCaseStore.js';
import { KmsEnvelopeSealer } from '#adapters/kmsEnvelopeSealer.js';
import { LocalKeySealer, readOrCreateSecretFile } from '#adapters/localKeySealer.js';
import { LocalSealedEvidenceStore } from '#adapters/localSealedEvidenceStore.js';
import { readPepperSecret } from '#adapters/pepperSecret.js';
import { S3EvidenceStore } from '#adapters/s3EvidenceStore.js';
import { type PortalEnvironment, portalEnvironment, parseEnvironment } from '#runtime/config.js';
import { createDocumentClient, createS3Client } from './awsClients.js';
import { loadPackIndex } from './packIndex.js';

export async function buildPortalDeps(env: PortalEnvironment): Promise<AgencyDeps> {
  const s3 = createS3Client(env.AWS_REGION, env.S3_ENDPOINT);
  const presigner = env.S3_PUBLIC_ENDPOINT ? createS3Client(env.AWS_REGION, env.S3_PUBLIC_ENDPOINT) : s3;
  const pepper =
    env.mode === 'local'
      ? readOrCreateSecretFile(env.PEPPER_FILE, 32)
      : await readPepperSecret(new SecretsManagerClient({ region: env.AWS_REGION }), env.PEPPER_SECRET_ARN);
  const sealer: Sealer =
    env.mode === 'local'
      ? new LocalKeySealer(readOrCreateSecretFile(env.ENCRYPTION_KEY_FILE, 32))
      : new KmsEnvelopeSealer(new KMSClient({ region: env.AWS_REGION }), env.KMS_KEY_ID);
  const s3Evidence = new S3EvidenceStore(s3, presigner, env.BUCKET_NAME);
  // Deployed, the bucket encrypts evidence under its KMS key; locally this decorator does it with a key file.
  const evidence =
    env.mode === 'local' ? new LocalSealedEvidenceStore(s3Evidence, readOrCreateSecretFile(env.EVIDENCE_KEY_FILE, 32)) : s3Evidence;
  const table = createDocumentClient(env.AWS_REGION, env.DYNAMODB_ENDPOINT);
  return {
    index: loadPackIndex(env),
    store: new DynamoCaseStore(table, env.TABLE_NAME),
    anchors: new DynamoAuditAnchorStore(table, env.TABLE_NAME),
    evidence,
    sealer,
    pepper,
    clock: { now: () => new Date() },
    random: { bytes: (n) => randomBytes(n) },
  };
}

let shared: Promise<AgencyDeps> | undefined;

/**
 * Built once per process from the environment (a Lambda cold start, or the local runtime). The same adapters
 * serve the citizen and the agency use cases; agency handlers use the wider type.
 */
export function citizenDeps(): Promise<CitizenDeps> {
  return portalDeps();
}

export function agencyDeps(): Promise<AgencyDeps> {
  return portalDeps();
}

function portalDeps(): Promise<AgencyDeps> {
  shared ??= buildPortalDeps(parseEnvironment(portalEnvironment));
  return shared;
}
