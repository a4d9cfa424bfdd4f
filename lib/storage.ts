// The case table and the attachment bucket, each encrypted with its own customer-managed KMS key, both kept
// when the stack is deleted. The table's keys and queue index come from functions/contract/tableDesign.ts, the
// same definition the adapters and the local runtime use.
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type ITable, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { KeyCustody } from './keyCustody.js';
import { acknowledge, acknowledgeEach } from './nag.js';
import { EXPORT_PREFIX } from '#contract/exportPath.js';
import { AUDIT_ANCHOR_PREFIX, AUDIT_ANCHOR_ROOT_PK, INDEXES, PUBLIC_STATS_KEY, TABLE_KEYS, TTL_ATTRIBUTE } from '#contract/tableDesign.js';

/**
 * The item-level DynamoDB actions a function may be granted: never Scan, Batch* or ConditionCheckItem. DeleteItem is
 * the deadline sweep's (retention, lib/jobs.ts) and, in the held notices' own partitions only, the notifier's
 * (lib/notifications.ts).
 */
export type TableAction = 'dynamodb:GetItem' | 'dynamodb:Query' | 'dynamodb:PutItem' | 'dynamodb:UpdateItem' | 'dynamodb:DeleteItem';

/**
 * One written-out DynamoDB grant: exact actions, on the table itself or on one named index, in the partitions whose
 * key matches one of `partitions` (IAM patterns over functions/contract/tableDesign.ts's prefixes, e.g. `CASE#*`).
 * A transaction's Put and Update items are authorized as PutItem and UpdateItem, item by item.
 */
export interface TableGrant {
  readonly actions: readonly TableAction[];
  /** The index queried (a key of INDEXES); the table itself when unset. */
  readonly index?: keyof typeof INDEXES;
  readonly partitions: readonly string[];
}

export { TTL_ATTRIBUTE };
/** Uploads land here; anything not turned into evidence within a day is deleted. */
export const INCOMING_PREFIX = 'incoming/';
/** Checked attachments, under evidence/<caseId>/. */
export const EVIDENCE_PREFIX = 'evidence/';
/** Case exports (docs/case-export.md), under exports/<caseId>/: fetched within minutes, gone after a day. */
export { EXPORT_PREFIX };

/**
 * The table's on-demand maximum throughput, per second, and each index's (an index has its own): DynamoDB refuses
 * requests beyond it (the handlers answer 503 UNAVAILABLE) instead of billing them. The backstop behind the
 * per-address limits, for many addresses at once: sized to leave room for twenty abusive addresses filing at their
 * limit and everyone else, and to put a price on the worst day (docs/security.md, "Abuse limits: the arithmetic").
 */
export const TABLE_MAX_THROUGHPUT = {
  table: { readRequestUnits: 4_000, writeRequestUnits: 500 },
  /** Written only when a case item is; read by the queue, due-list and statistics queries. */
  index: { readRequestUnits: 1_000, writeRequestUnits: 500 },
} as const;

export interface PortalStorageProps {
  /** Shown in the keys' descriptions, e.g. `CleanPortal-kr-dev`. */
  readonly name: string;
  /** Whose keys these are: the table and attachment keys' policies come from it (lib/keyCustody.ts). */
  readonly custody: KeyCustody;
  /**
   * Use this existing table (e.g. one restored to a point in time, docs/operations.md) instead of the stack's own.
   * It must have the portal's keys and indexes and be encrypted with the table key. @default the stack's own table
   */
  readonly existingTableName?: string;
}

/** What DynamoDB needs of the table key for the deploy role to create or update a table under it (CreateGrant). */
const DYNAMODB_CALLER_KEY_ACTIONS = [
  'kms:CreateGrant',
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey*',
  'kms:ReEncrypt*',
];

export class PortalStorage extends Construct {
  /** The stack's own table, or the existing one named by `existingTableName`. */
  readonly table: ITable;
  /** Encrypts the table at rest. */
  readonly tableKey: Key;
  readonly bucket: Bucket;
  /** Encrypts the attachments at rest (SSE-KMS). */
  readonly attachmentsKey: Key;

  constructor(scope: Construct, id: string, props: PortalStorageProps) {
    super(scope, id);

    // The DynamoDB guide's key policy: the principal creating (or restoring) the table may have DynamoDB create its
    // grant, through DynamoDB and from this account only; DynamoDB itself may describe the key.
    this.tableKey = props.custody.key(this, 'TableKey', {
      description: `${props.name}: encrypts the case table at rest`,
      enableKeyRotation: true,
      deployRoleUse: { service: 'dynamodb', actions: DYNAMODB_CALLER_KEY_ACTIONS },
      serviceUse: [
        { sid: 'DynamoDBDescribesTheKey', service: 'dynamodb.amazonaws.com', actions: ['kms:Describe*', 'kms:Get*', 'kms:List*'] },
      ],
    });

    this.table = props.existingTableName
      ? Table.fromTableAttributes(this, 'RestoredTable', {
          tableName: props.existingTableName,
          encryptionKey: this.tableKey,
          globalIndexes: Object.values(INDEXES).map((index) => index.name),
        })
      : this.createTable();

    // Its own key: the upload function (whose role signs the browser's presigned POST) must be able to generate
    // data keys for the bucket, and should not be able to for the table or the case text.
    this.attachmentsKey = props.custody.key(this, 'AttachmentsKey', {
      description: `${props.name}: encrypts attachments at rest`,
      enableKeyRotation: true,
    });
    this.bucket = this.createBucket();
  }

  private createTable(): Table {
    // Table rather than TableV2: TableV2 cannot render a customer-managed key in an environment-agnostic stack.
    const table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      maxReadRequestUnits: TABLE_MAX_THROUGHPUT.table.readRequestUnits,
      maxWriteRequestUnits: TABLE_MAX_THROUGHPUT.table.writeRequestUnits,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.tableKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      // The notifier (lib/notifications.ts) compares a case item's facts before and after each change.
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of Object.values(INDEXES)) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
        maxReadRequestUnits: TABLE_MAX_THROUGHPUT.index.readRequestUnits,
        maxWriteRequestUnits: TABLE_MAX_THROUGHPUT.index.writeRequestUnits,
      });
    }
    return table;
  }

  private createBucket(): Bucket {
    const bucket = new Bucket(this, 'Attachments', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.attachmentsKey,
      bucketKeyEnabled: true,
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // No server access logs, on purpose: they record the requester's IP address (invariant 2).
      // No CORS: the browser posts to the portal's own origin and CloudFront forwards it (lib/edge.ts), so no page
      // is allowed to call the bucket from a browser. The POST policy (exact size and type, key under incoming/,
      // 15 minutes) is what limits an upload.
      lifecycleRules: [
        {
          id: 'expire-incoming',
          prefix: INCOMING_PREFIX,
          expiration: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
        },
        {
          id: 'expire-incoming-delete-markers',
          prefix: INCOMING_PREFIX,
          expiredObjectDeleteMarker: true,
        },
        {
          // A case export is downloaded by a five-minute link; the copy left behind holds the case in one file.
          id: 'expire-exports',
          prefix: EXPORT_PREFIX,
          expiration: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
        },
        {
          id: 'expire-exports-delete-markers',
          prefix: EXPORT_PREFIX,
          expiredObjectDeleteMarker: true,
        },
        {
          // Evidence removed by a rolled-back submission stays recoverable for a while, then goes.
          id: 'expire-old-evidence-versions',
          prefix: EVIDENCE_PREFIX,
          noncurrentVersionExpiration: Duration.days(30),
        },
        {
          id: 'abort-incomplete-multipart-uploads',
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
      autoDeleteObjects: false,
    });
    acknowledge(
      bucket,
      'AwsSolutions-S1',
      'Server access logs record the requester IP and user agent of every upload and download, which would identify reporters (invariant 2); object-level CloudTrail data events can be enabled by an operator whose policy requires them.',
    );
    acknowledge(
      bucket,
      'NIST.800.53.R5-S3BucketLoggingEnabled',
      'Server access logs record the requester IP and user agent of every upload and download, which would identify reporters (invariant 2).',
    );
    acknowledgeEach(
      bucket,
      ['NIST.800.53.R5-S3BucketReplicationEnabled'],
      'Live replication would keep a second copy of every attachment in a bucket outside this stack\u2019s key custody and deletion rules; the bucket is versioned (removed evidence stays recoverable for 30 days) and recovery copies are AWS Backup\u2019s (docs/operations.md).',
    );
    return bucket;
  }

  /**
   * The public statistics snapshot (PUBLIC_STATS_KEY), and nothing else of the table: `read` may GetItem it,
   * `write` may PutItem it, both only in its own partition (`dynamodb:LeadingKeys`), so neither can touch a case.
   */
  grantStatisticsSnapshot(grantee: IGrantable, access: 'read' | 'write'): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [access === 'read' ? 'dynamodb:GetItem' : 'dynamodb:PutItem'],
        resources: [this.table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [PUBLIC_STATS_KEY.PK] } },
      }),
    );
    this.grantTableKey(grantee, access);
  }

  /**
   * Appending the anchors of the audit heads, and nothing else of the table: PutItem in the anchor partitions only
   * (`AUDIT-ANCHOR#*`, via `dynamodb:LeadingKeys`), and a Query of the roots' partition, to link a new root to the
   * last. IAM cannot require the `attribute_not_exists` condition the code writes with, so that an anchor is never
   * overwritten is the code's promise; the key that signs anchors is what makes a rewritten one fail to verify.
   */
  grantAuditAnchorAppend(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [this.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${AUDIT_ANCHOR_PREFIX}*`] } },
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [this.table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [AUDIT_ANCHOR_ROOT_PK] } },
      }),
    );
    this.grantTableKey(grantee, 'write');
  }

  /**
   * Exactly these grants, one statement each: the table's ARN or the named index's (never `index/*`), with
   * `ForAllValues:StringLike` `dynamodb:LeadingKeys`; and the table key through DynamoDB, with its write actions only
   * when a grant writes.
   */
  grantTable(grantee: IGrantable, grants: readonly TableGrant[]): void {
    for (const grant of grants) {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [...grant.actions],
          resources: [grant.index ? `${this.table.tableArn}/index/${INDEXES[grant.index].name}` : this.table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...grant.partitions] } },
        }),
      );
    }
    const writes = grants.some((g) => g.actions.some((a) => a !== 'dynamodb:GetItem' && a !== 'dynamodb:Query'));
    this.grantTableKey(grantee, writes ? 'write' : 'read');
  }

  /** A Scan of the queue index (GSI2: one entry per case), and of no other index nor of the table itself. */
  grantQueueIndexScan(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['dynamodb:Scan'], resources: [`${this.table.tableArn}/index/${INDEXES.queue.name}`] }),
    );
    this.grantTableKey(grantee, 'read');
  }

  /**
   * The table key, used through DynamoDB only (`kms:ViaService`): the same actions the DynamoDB table grants add for
   * a customer-managed key (read: Decrypt, DescribeKey; write adds Encrypt, ReEncrypt*, GenerateDataKey*).
   */
  private grantTableKey(grantee: IGrantable, access: 'read' | 'write'): void {
    const read = ['kms:Decrypt', 'kms:DescribeKey'];
    const actions = access === 'read' ? read : [...read, 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions,
        resources: [this.tableKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );
  }
}
