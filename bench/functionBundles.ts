// Section 1, sizes: each function bundled exactly as PortalFunction deploys it (lib/bundleSettings.ts), and beside
// it an SDK-only baseline bundled the same way: the same AWS SDK packages, the same clients created at module
// scope, the operation's minimum calls made with raw commands, and none of our code, middy, zod or the logger.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { FUNCTION_BUNDLE } from '#lib/bundleSettings.js';

/** Where bundles and generated baseline sources go (git-ignored; inside the project so node_modules resolves). */
export const BUILD_DIR = resolve('bench', '.build');

export interface Bundle {
  file: string;
  bytes: number;
  /** The AWS SDK packages inside, e.g. `client-dynamodb`, `lib-dynamodb`. */
  sdkPackages: string[];
}

async function bundle(entry: string, outDir: string): Promise<Bundle> {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, FUNCTION_BUNDLE.fileName);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: FUNCTION_BUNDLE.platform,
    format: FUNCTION_BUNDLE.format,
    target: FUNCTION_BUNDLE.target,
    minify: FUNCTION_BUNDLE.minify,
    sourcemap: FUNCTION_BUNDLE.sourceMap,
    mainFields: [...FUNCTION_BUNDLE.mainFields],
    external: [...FUNCTION_BUNDLE.external],
    banner: { js: FUNCTION_BUNDLE.banner },
    outfile: file,
    metafile: true,
    logLevel: 'silent',
  });
  const sdkPackages = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const found = /node_modules\/@aws-sdk\/([^/]+)\//.exec(input)?.[1];
    if (found && ENTRY_PACKAGES.has(found)) sdkPackages.add(found);
  }
  return { file, bytes: statSync(file).size, sdkPackages: [...sdkPackages].sort() };
}

/** The function's deployed bundle. */
export function bundleFunction(handler: string): Promise<Bundle> {
  return bundle(resolve('functions', 'handlers', `${handler}.ts`), join(BUILD_DIR, 'functions', handler));
}

/** The SDK-only baseline for a function whose bundle holds `sdkPackages` and whose operation needs `calls`. */
export function bundleBaseline(handler: string, sdkPackages: string[], calls: string[]): Promise<Bundle> {
  const dir = join(BUILD_DIR, 'baselines', handler);
  mkdirSync(dir, { recursive: true });
  const source = join(dir, 'baseline.ts');
  writeFileSync(source, baselineSource(sdkPackages, calls));
  return bundle(source, join(dir, 'out')).then((b) => {
    const missing = sdkPackages.filter((p) => !b.sdkPackages.includes(p));
    if (missing.length) throw new Error(`baseline of ${handler} lacks ${missing.join(', ')} (${relative(process.cwd(), source)})`);
    return b;
  });
}

/** What a baseline creates for each SDK package a function bundles. */
const CLIENTS: Record<string, { imports: string; create: string }> = {
  'client-dynamodb': {
    imports:
      "import { DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand, ScanCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';",
    create: 'const dynamodb = new DynamoDBClient({ region, endpoint: process.env.DYNAMODB_ENDPOINT });',
  },
  'lib-dynamodb': {
    imports: "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    create: 'export const documents = DynamoDBDocumentClient.from(dynamodb);',
  },
  'client-s3': {
    imports: "import { S3Client } from '@aws-sdk/client-s3';",
    create: 'export const s3 = new S3Client({ region, endpoint: process.env.S3_ENDPOINT, forcePathStyle: true });',
  },
  's3-presigned-post': { imports: "export { createPresignedPost } from '@aws-sdk/s3-presigned-post';", create: '' },
  's3-request-presigner': { imports: "export { getSignedUrl } from '@aws-sdk/s3-request-presigner';", create: '' },
  'client-kms': { imports: "import { KMSClient } from '@aws-sdk/client-kms';", create: 'export const kms = new KMSClient({ region });' },
  'client-secrets-manager': {
    imports: "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';",
    create: 'export const secrets = new SecretsManagerClient({ region });',
  },
  'client-cognito-identity-provider': {
    imports: "import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';",
    create: 'export const cognito = new CognitoIdentityProviderClient({ region });',
  },
};
const ENTRY_PACKAGES = new Set(Object.keys(CLIENTS));

/** Raw commands for the minimum calls: a read of a case partition, a one-item transaction, and so on. */
const CALLS: Record<string, string> = {
  'DynamoDB.GetItem':
    "await dynamodb.send(new GetItemCommand({ TableName: table, Key: { PK: { S: 'STATS#public' }, SK: { S: 'SNAPSHOT' } } }));",
  'DynamoDB.Scan':
    "await dynamodb.send(new ScanCommand({ TableName: table, IndexName: 'GSI2', ProjectionExpression: 'organizationId, category, #s', ExpressionAttributeNames: { '#s': 'status' } }));",
  'DynamoDB.PutItem':
    "await dynamodb.send(new PutItemCommand({ TableName: table, Item: { PK: { S: `BENCH#${Math.random()}` }, SK: { S: 'BASELINE' } } }));",
  'DynamoDB.Query':
    "await dynamodb.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: process.env.BASELINE_PARTITION ?? 'BENCH#none' } } }));",
  'DynamoDB.TransactWriteItems':
    "await dynamodb.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: table, Item: { PK: { S: `BENCH#${Math.random()}` }, SK: { S: 'BASELINE' } } } }] }));",
  // A filing receipt's signature (docs/receipts.md): ES256 over a receipt-sized input, with a key made at init.
  'Receipt.Sign': "sign('sha256', Buffer.alloc(640, 1), { key: receiptKey, dsaEncoding: 'ieee-p1363' });",
};

/** What a baseline that signs receipts needs beside its SDK clients. */
const RECEIPT_KEY = [
  "import { generateKeyPairSync, sign } from 'node:crypto';",
  "const receiptKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;",
];

export function baselineSource(sdkPackages: string[], calls: string[]): string {
  const packages = calls.length && !sdkPackages.includes('client-dynamodb') ? [...sdkPackages, 'client-dynamodb'] : sdkPackages;
  const ordered = Object.keys(CLIENTS).filter((p) => packages.includes(p));
  const body = calls.map((c) => {
    const call = CALLS[c];
    if (!call) throw new Error(`no baseline command for ${c}`);
    return `  ${call}`;
  });
  const signs = calls.includes('Receipt.Sign');
  return [
    '// Generated by bench/functionBundles.ts: the SDK clients a function bundles, and its minimum calls, nothing else.',
    ...(signs ? [RECEIPT_KEY[0]!] : []),
    ...ordered.map((p) => CLIENTS[p]!.imports),
    ...(signs ? [RECEIPT_KEY[1]!] : []),
    'const region = process.env.AWS_REGION;',
    'const table = process.env.TABLE_NAME;',
    ...ordered.map((p) => CLIENTS[p]!.create).filter(Boolean),
    'export const handler = async () => {',
    ...body,
    "  return { statusCode: 200, body: '{}' };",
    '};',
    '',
  ].join('\n');
}
