// The DynamoDB calls behind submit, track and a queue page, made with the SDK alone against the same table: the
// floor the portal's throughput is compared with. Keys, conditions and limits mirror DynamoCaseStore's; no project
// code runs per call.
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { INDEXES } from '#contract/tableDesign.js';

export type RawCall = (worker: number) => Promise<unknown>;

export interface RawSdkCalls {
  /** One TransactWriteItems putting a submission's items again under a new case id. */
  submit: RawCall;
  /** One Query of a case's partition, as a tracking look-up reads it. */
  track: RawCall;
  /** One Query of an organization's queue index, a page of 25. */
  queuePage: RawCall;
  close(): void;
}

export interface RawSdkSetup {
  endpoint: string;
  tableName: string;
  /** Cases the portal created: the first is copied by `submit`; `track` rotates through all. */
  caseIds: readonly string[];
  /** The organization whose queue `queuePage` reads. */
  organizationId: string;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random id shaped like a case id (20 Crockford characters), so items keep their size. */
function freshCaseId(): string {
  return Array.from(randomBytes(20), (b) => CROCKFORD[b & 31]).join('');
}

/**
 * The copies' queue: their report text is sealed to the template's case id, so in the organization's own queue a
 * portal page listing them would fail to open them (and GET /stats would count them).
 */
const COPIES_QUEUE = 'ORG#bench-raw-copies';

/**
 * The item with every string naming the template's case id renamed (PK, the index sort keys, the records' caseId)
 * and its queue keys moved to the copies' queue; same attributes, same size within a few bytes.
 */
function rekey(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.startsWith('ORG#') ? COPIES_QUEUE : value.split(from).join(to);
  if (Array.isArray(value)) return value.map((v) => rekey(v, from, to));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, rekey(v, from, to)]));
  }
  return value;
}

export async function prepareRawSdkCalls(setup: RawSdkSetup): Promise<RawSdkCalls> {
  // As local mode does (local/runtime/localPortal.ts): the SDK's notice about Node 22 is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const TableName = setup.tableName;
  // Configured as the handlers configure theirs (functions/composition/portalDeps.ts), with throwaway credentials
  // that DynamoDB Local accepts.
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'us-east-1',
      endpoint: setup.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const casePartition = (caseId: string) =>
    new QueryCommand({
      TableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `CASE#${caseId}` },
      ConsistentRead: true,
    });

  const template = setup.caseIds[0];
  if (!template) throw new Error('the raw SDK calls need at least one case the portal created');
  const submission = (await client.send(casePartition(template))).Items ?? [];
  if (!submission.some((i) => i.kind === 'case')) throw new Error(`case ${template} has no case item to copy`);

  let next = 0;
  return {
    submit: () => {
      const caseId = freshCaseId();
      return client.send(
        new TransactWriteCommand({
          TransactItems: submission.map((item) => ({
            Put: {
              TableName,
              Item: rekey(item, template, caseId) as Record<string, unknown>,
              // As createCase: only the case item is conditional, so a colliding id fails instead of overwriting.
              ...(item.kind === 'case' ? { ConditionExpression: 'attribute_not_exists(PK)' } : {}),
            },
          })),
        }),
      );
    },
    track: () => client.send(casePartition(setup.caseIds[next++ % setup.caseIds.length]!)),
    queuePage: () =>
      client.send(
        new QueryCommand({
          TableName,
          IndexName: INDEXES.queue.name,
          KeyConditionExpression: `${INDEXES.queue.partitionKey} = :pk`,
          ExpressionAttributeValues: { ':pk': `ORG#${setup.organizationId}` },
          Limit: 25,
        }),
      ),
    close: () => client.destroy(),
  };
}
