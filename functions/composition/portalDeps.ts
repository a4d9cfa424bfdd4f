// The composition root of the citizen handlers: SDK clients are created here, once per cold start, and handed to
// the adapters. Local mode points the same code at the embedded servers through environment variables.
import { randomBytes } from 'node:crypto';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { AgencyDeps } from '#core/agency/deps.js';
import type { CitizenDeps } from '#core/deps.js';
import { NO_AUDIT_KEY } from '#core/auditMac.js';
import type { CaseExportDeps } from '#core/agency/exportCase.js';
import { NO_RECEIPT_KEY, type ReceiptSigner } from '#core/filingReceipt.js';
import type { ReceiptKeys } from '#core/receiptKeys.js';
import { receiptKeyOf } from './receiptKeyDeps.js';
import type { AuditMacKey, CaseKeys, Sealer } from '#core/ports.js';
import { CachedCaseKeys } from '#adapters/cachedCaseKeys.js';
import { CaseKeySealer } from '#adapters/caseKeySealer.js';
import { DynamoCaseKeyStore } from '#adapters/dynamoCaseKeyStore.js';
import { LocalCaseKeyStore } from '#adapters/localCaseKeyStore.js';
import { DynamoAuditAnchorStore } from '#adapters/dynamoAuditAnchorStore.js';
import { DynamoCaseStore } from '#adapters/dynamoCaseStore.js';
import { DynamoApplicationStore } from '#adapters/dynamoApplicationStore.js';
import { DynamoStaffDirectory } from '#adapters/dynamoStaffDirectory.js';
import { KmsAuditMacKey } from '#adapters/kmsAuditMacKey.js';
import { KmsEnvelopeSealer } from '#adapters/kmsEnvelopeSealer.js';
import { LocalAuditMacKey } from '#adapters/localAuditMacKey.js';
import { LocalKeySealer, readOrCreateSecretFile } from '#adapters/localKeySealer.js';
import { LocalSealedEvidenceStore } from '#adapters/localSealedEvidenceStore.js';
import { readPepperSecret } from '#adapters/pepperSecret.js';
import { S3EvidenceStore } from '#adapters/s3EvidenceStore.js';
import { type PortalEnvironment, portalEnvironment, parseEnvironment } from '#runtime/config.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createS3Client } from './awsClients.js';
import { loadPackIndex } from './packIndex.js';

export async function buildPortalDeps(env: PortalEnvironment): Promise<AgencyDeps & { receiptKeys: (ReceiptSigner & ReceiptKeys) | null }> {
  const s3 = createS3Client(env.AWS_REGION, env.S3_ENDPOINT);
  const presigner = env.S3_PUBLIC_ENDPOINT ? createS3Client(env.AWS_REGION, env.S3_PUBLIC_ENDPOINT) : s3;
  const pepper =
    env.mode === 'local'
      ? readOrCreateSecretFile(env.PEPPER_FILE, 32)
      : await readPepperSecret(new SecretsManagerClient({ region: env.AWS_REGION }), env.PEPPER_SECRET_ARN);
  const table = createDocumentClient(env.AWS_REGION, env.DYNAMODB_ENDPOINT);
  const { sealer, caseKeys, auditKey } = keysOf(env, table);
  const receipts = receiptKeyOf(env);
  const s3Evidence = new S3EvidenceStore(s3, presigner, env.BUCKET_NAME, { uploadUrl: env.UPLOAD_URL, versioned: env.mode !== 'local' });
  // Deployed, the bucket encrypts evidence under its KMS key; locally this decorator seals it under the case's key.
  const evidence =
    env.mode === 'local'
      ? new LocalSealedEvidenceStore(s3Evidence, readOrCreateSecretFile(env.EVIDENCE_KEY_FILE, 32), caseKeys)
      : s3Evidence;
  return {
    index: loadPackIndex(env),
    store: new DynamoCaseStore(table, env.TABLE_NAME),
    applications: new DynamoApplicationStore(table, env.TABLE_NAME),
    anchors: new DynamoAuditAnchorStore(table, env.TABLE_NAME),
    staff: new DynamoStaffDirectory(table, env.TABLE_NAME),
    evidence,
    sealer,
    caseKeys,
    pepper,
    auditKey,
    receipts: receipts ?? NO_RECEIPT_KEY,
    receiptKeys: receipts,
    clock: { now: () => new Date() },
    random: { bytes: (n) => randomBytes(n) },
  };
}

/**
 * The sealer of case text, the case keys it seals under, and the audit trail's MAC key: its own, never the pepper;
 * deployed, a KMS HMAC key only the functions that keep the audit trail are given. The case-text key (KMS deployed,
 * a key file locally) wraps the case keys and still opens text sealed before them (docs/crypto-shredding.md).
 */
function keysOf(env: PortalEnvironment, table: DynamoDBDocumentClient): { sealer: Sealer; caseKeys: CaseKeys; auditKey: AuditMacKey } {
  if (env.mode === 'local') {
    const caseTextKey = new LocalKeySealer(readOrCreateSecretFile(env.ENCRYPTION_KEY_FILE, 32));
    // Cached as deployed: a queue page opens the title of every case on it, and a file read and unwrap per case
    // would cost a quarter of its throughput. With a key table (the bench), the deployed store itself, so the bench
    // counts the deployed calls.
    const caseKeys = new CachedCaseKeys(
      env.CASE_KEY_TABLE
        ? new DynamoCaseKeyStore(table, env.CASE_KEY_TABLE, caseTextKey)
        : new LocalCaseKeyStore(env.CASE_KEYS_DIR, caseTextKey),
    );
    return {
      sealer: new CaseKeySealer(caseKeys, caseTextKey),
      caseKeys,
      auditKey: new LocalAuditMacKey(readOrCreateSecretFile(env.AUDIT_MAC_KEY_FILE, 32)),
    };
  }
  const kms = new KMSClient({ region: env.AWS_REGION });
  const caseTextKey = new KmsEnvelopeSealer(kms, env.KMS_KEY_ID);
  const caseKeys = new CachedCaseKeys(new DynamoCaseKeyStore(table, env.CASE_KEY_TABLE, caseTextKey));
  return {
    sealer: new CaseKeySealer(caseKeys, caseTextKey),
    caseKeys,
    auditKey: env.AUDIT_MAC_KEY_ID ? new KmsAuditMacKey(kms, env.AUDIT_MAC_KEY_ID) : NO_AUDIT_KEY,
  };
}

let shared: Promise<AgencyDeps & { receiptKeys: (ReceiptSigner & ReceiptKeys) | null }> | undefined;

/** `auditTrail`: the handler signs or checks audit events, and must not start without the audit MAC key. */
export interface DepsUse {
  auditTrail?: boolean;
  /** The handler signs filing receipts or publishes their key, and must not start without it. */
  receipts?: boolean;
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

/** A case export's: the agency's, with the portal's signing key to sign the manifest and publish its public half. */
export async function caseExportDeps(): Promise<CaseExportDeps> {
  const deps = await portalDeps({ auditTrail: true, receipts: true });
  return { ...deps, manifestKey: deps.receiptKeys! };
}

async function portalDeps(use: DepsUse): Promise<AgencyDeps & { receiptKeys: (ReceiptSigner & ReceiptKeys) | null }> {
  shared ??= buildPortalDeps(parseEnvironment(portalEnvironment));
  const deps = await shared;
  if (use.auditTrail && deps.auditKey === NO_AUDIT_KEY) {
    throw new Error('invalid configuration: AUDIT_MAC_KEY_ID: this function keeps the audit trail and needs its key');
  }
  if (use.receipts && !deps.receiptKeys) {
    throw new Error('invalid configuration: RECEIPT_KEY_ID: this function signs filing receipts and needs their key');
  }
  return deps;
}
