// The composition root of the citizen handlers: SDK clients are created here, once per cold start, and handed to
// the adapters. Local mode points the same code at the embedded servers through environment variables.
import { randomBytes } from 'node:crypto';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { AgencyDeps } from '#core/agency/deps.js';
import type { CitizenDeps } from '#core/deps.js';
import { NO_AUDIT_KEY } from '#core/auditMac.js';
import type { AuditMacKey, Sealer } from '#core/ports.js';
import { DynamoAuditAnchorStore } from '#adapters/dynamoAuditAnchorStore.js';
import { DynamoCaseStore } from '#adapters/dynamoCaseStore.js';
import { KmsAuditMacKey } from '#adapters/kmsAuditMacKey.js';
import { KmsEnvelopeSealer } from '#adapters/kmsEnvelopeSealer.js';
import { LocalAuditMacKey } from '#adapters/localAuditMacKey.js';
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
  const { sealer, auditKey } = keysOf(env);
  const s3Evidence = new S3EvidenceStore(s3, presigner, env.BUCKET_NAME, { uploadUrl: env.UPLOAD_URL, versioned: env.mode !== 'local' });
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
    auditKey,
    clock: { now: () => new Date() },
    random: { bytes: (n) => randomBytes(n) },
  };
}

/**
 * The key that seals case text, and the audit trail's MAC key: its own, never the pepper; deployed, a KMS HMAC key
 * only the functions that keep the audit trail are given.
 */
function keysOf(env: PortalEnvironment): { sealer: Sealer; auditKey: AuditMacKey } {
  if (env.mode === 'local') {
    return {
      sealer: new LocalKeySealer(readOrCreateSecretFile(env.ENCRYPTION_KEY_FILE, 32)),
      auditKey: new LocalAuditMacKey(readOrCreateSecretFile(env.AUDIT_MAC_KEY_FILE, 32)),
    };
  }
  const kms = new KMSClient({ region: env.AWS_REGION });
  return {
    sealer: new KmsEnvelopeSealer(kms, env.KMS_KEY_ID),
    auditKey: env.AUDIT_MAC_KEY_ID ? new KmsAuditMacKey(kms, env.AUDIT_MAC_KEY_ID) : NO_AUDIT_KEY,
  };
}

let shared: Promise<AgencyDeps> | undefined;

/** `auditTrail`: the handler signs or checks audit events, and must not start without the audit MAC key. */
export interface DepsUse {
  auditTrail?: boolean;
}

/**
 * Built once per process from the environment (a Lambda cold start, or the local runtime). The same adapters
 * serve the citizen and the agency use cases; agency handlers use the wider type.
 */
export function citizenDeps(use: DepsUse = {}): Promise<CitizenDeps> {
  return portalDeps(use);
}

export function agencyDeps(use: DepsUse = {}): Promise<AgencyDeps> {
  return portalDeps(use);
}

async function portalDeps(use: DepsUse): Promise<AgencyDeps> {
  shared ??= buildPortalDeps(parseEnvironment(portalEnvironment));
  const deps = await shared;
  if (use.auditTrail && deps.auditKey === NO_AUDIT_KEY) {
    throw new Error('invalid configuration: AUDIT_MAC_KEY_ID: this function keeps the audit trail and needs its key');
  }
  return deps;
}
