// The portal's storage in local mode: DynamoDB Local and s3rver started on the data dir (unless other servers are
// named), the table and the bucket created, evidence stored before sealing sealed once, and the storage gate the
// browser reaches storage through.
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCaseKeyStore } from '#adapters/dynamoCaseKeyStore.js';
import { LocalCaseKeyStore } from '#adapters/localCaseKeyStore.js';
import { LocalKeySealer, readOrCreateSecretFile } from '#adapters/localKeySealer.js';
import { LocalSealedEvidenceStore } from '#adapters/localSealedEvidenceStore.js';
import { S3EvidenceStore } from '#adapters/s3EvidenceStore.js';
import { createDocumentClient, createS3Client } from '#composition/awsClients.js';
import type { DataDirLock } from './dataDirLock.js';
import { type EmbeddedServer, startDynamoDb } from './embedded/dynamodb.js';
import { startS3 } from './embedded/s3.js';
import { sealStoredEvidence } from './sealStoredEvidence.js';
import { createStorageGate, type StorageGate } from './storageGate/storageGate.js';
import { ensureBucket, ensureCaseKeyTable, ensureTable } from './storageSetup.js';

export const TABLE_NAME = 'clean-portal';
export const BUCKET_NAME = 'clean-portal-attachments';

export interface LocalStorage {
  dynamoDbEndpoint: string;
  s3Endpoint: string;
  evidenceKeyFile: string;
  /** The case-text key: wraps the case keys, and opens case text sealed before them. */
  encryptionKeyFile: string;
  /** One wrapped key per case, under secrets/ (docs/crypto-shredding.md). */
  caseKeysDir: string;
  /** When asked for, the case keys are in this table of the embedded server instead, as deployed (the bench). */
  caseKeyTable?: string;
  storageGate: StorageGate;
  stop(): Promise<void>;
}

/**
 * Credentials the embedded servers accept, set in the environment so the handlers' SDK clients find them; real ones
 * are never needed. Whatever the environment already holds is kept (another S3-compatible server's keys).
 */
function embeddedServerCredentials() {
  process.env.AWS_ACCESS_KEY_ID ??= 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER';
  process.env.AWS_REGION ??= 'us-east-1';
  // Local mode runs on Node 20 on purpose (see README); the SDK's notice about Node 22 is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const {
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    AWS_SESSION_TOKEN: sessionToken,
    AWS_REGION: region,
  } = process.env;
  return { accessKeyId, secretAccessKey, region, ...(sessionToken ? { sessionToken } : {}) };
}

export async function startLocalStorage(
  dataDir: string,
  options: { dynamoDbEndpoint?: string | undefined; s3Endpoint?: string | undefined; caseKeyTable?: string | undefined },
  lock: DataDirLock,
): Promise<LocalStorage> {
  const servers: EmbeddedServer[] = [];
  const stop = async () => void (await Promise.allSettled(servers.reverse().map((s) => s.stop())));
  try {
    const credentials = embeddedServerCredentials();
    const region = credentials.region;
    let dynamoDbEndpoint = options.dynamoDbEndpoint;
    if (!dynamoDbEndpoint) {
      const tableServer = await startDynamoDb(join(dataDir, 'dynamodb'));
      servers.push(tableServer);
      if (tableServer.processes) lock.recordTableServer(tableServer.processes);
      dynamoDbEndpoint = tableServer.endpoint;
    }
    let s3Endpoint = options.s3Endpoint;
    if (!s3Endpoint) {
      const storageServer = await startS3(join(dataDir, 's3'), BUCKET_NAME);
      servers.push(storageServer);
      s3Endpoint = storageServer.endpoint;
    }

    const tables = new DynamoDBClient({ region, endpoint: dynamoDbEndpoint });
    await ensureTable(tables, TABLE_NAME);
    if (options.caseKeyTable) await ensureCaseKeyTable(tables, options.caseKeyTable);
    const s3 = createS3Client(region, s3Endpoint);
    await ensureBucket(s3, BUCKET_NAME);
    const secretsDir = join(dataDir, 'secrets');
    const evidenceKeyFile = join(secretsDir, 'evidence.key');
    const evidenceKey = readOrCreateSecretFile(evidenceKeyFile, 32);
    await sealStoredEvidence(s3, BUCKET_NAME, evidenceKey, join(secretsDir, 'evidence-sealed'));
    const caseKeysDir = join(secretsDir, 'case-keys');
    const encryptionKeyFile = join(secretsDir, 'encryption.key');
    // The same key store the handlers use (functions/composition/portalDeps.ts): evidence opens under its case's key.
    const caseTextKey = new LocalKeySealer(readOrCreateSecretFile(encryptionKeyFile, 32));
    const caseKeys = options.caseKeyTable
      ? new DynamoCaseKeyStore(createDocumentClient(region, dynamoDbEndpoint), options.caseKeyTable, caseTextKey)
      : new LocalCaseKeyStore(caseKeysDir, caseTextKey);
    // The browser's only way to storage: signed uploads in, signed evidence downloads out (opened from its sealed form).
    const storageGate = createStorageGate({
      bucket: BUCKET_NAME,
      credentials,
      evidence: new LocalSealedEvidenceStore(new S3EvidenceStore(s3, s3, BUCKET_NAME, { versioned: false }), evidenceKey, caseKeys),
    });
    return {
      dynamoDbEndpoint,
      s3Endpoint,
      evidenceKeyFile,
      encryptionKeyFile,
      caseKeysDir,
      ...(options.caseKeyTable ? { caseKeyTable: options.caseKeyTable } : {}),
      storageGate,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
