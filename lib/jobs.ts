// Scheduled jobs: the deadline sweep, which marks cases past their acknowledge or respond deadline as overdue and
// escalates them to the oversight body; the public statistics publisher, which writes the snapshot GET /stats/public
// serves; and the audit anchor job, which appends a signed record of every case's audit head. Local mode runs the
// same handlers on timers (every minute, every five minutes, daily).
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AUDIT_DELETIONS_PK, PARTITIONS } from '#contract/tableDesign.js';
import { acknowledge, acknowledgeTableKeyWrites } from './nag.js';
import { PortalFunction } from './portalFunction.js';
import { acknowledgeEvidenceDestruction, grantEvidenceDestruction } from './retention.js';
import type { PortalSecrets } from './secrets.js';
import type { PortalStorage } from './storage.js';

/** How often EventBridge, and then Lambda, retry a job (the sweep, the publisher) before it goes to the dead-letter queue. */
export const SWEEP_RETRY_ATTEMPTS = 2;
/**
 * How long a job's event is worth retrying. The sweep judges deadlines as of the event's scheduled time, and a
 * newer run comes every few minutes; the publisher reads the cases as they are when it runs, and a newer run comes
 * within the hour: after an hour a retry adds nothing, so the event goes to the dead letters.
 */
export const SWEEP_MAX_EVENT_AGE = Duration.hours(1);
/**
 * How often the public statistics are recomputed. Cases live for weeks or months and the statistics count them by
 * status and days to close, so an hour-old snapshot tells a reader the same; each run scans the whole queue index,
 * whose items are the full case items (it projects ALL), so the cost of a run grows with the number of cases and a
 * tighter schedule would multiply it for nothing.
 */
export const PUBLISH_STATS_EVERY = Duration.hours(1);
/**
 * How often the audit heads are anchored. Events after the last anchor are protected by the chain alone (its head can
 * be rolled back with them), so this is the window an undetected cut can reach back; each run scans the whole queue
 * index as the publisher does and stores about 95 bytes per case for good (anchors are never deleted), so a day is
 * the trade between the two. A tighter rate shrinks the window and multiplies both.
 */
export const ANCHOR_AUDIT_EVERY = Duration.days(1);

export interface PortalJobsProps {
  readonly name: string;
  readonly country: string;
  readonly storage: PortalStorage;
  readonly secrets: PortalSecrets;
  /** Deadlines are counted in days: a few minutes' delay costs nothing and keeps idle invocations low. @default 5 minutes */
  readonly sweepEvery?: Duration;
  /** @default PUBLISH_STATS_EVERY (1 hour) */
  readonly publishStatsEvery?: Duration;
  /** @default ANCHOR_AUDIT_EVERY (1 day) */
  readonly anchorAuditEvery?: Duration;
  readonly logRemovalPolicy?: RemovalPolicy;
}

export class PortalJobs extends Construct {
  readonly deadlineSweep: PortalFunction;
  readonly schedule: Rule;
  /** Writes the public statistics snapshot (functions/handlers/publishPublicStats.ts). */
  readonly statisticsPublisher: PortalFunction;
  readonly statisticsSchedule: Rule;
  /** Appends the anchors of the audit heads (functions/handlers/anchorAuditHeads.ts). */
  readonly auditAnchorJob: PortalFunction;
  readonly auditAnchorSchedule: Rule;
  /**
   * Job events that failed, every job's: ones EventBridge could not deliver to the function
   * (throttled, function missing, permission lost) and ones the function failed on after Lambda's own retries. Kept
   * 14 days; any message here raises the monitoring alarm (lib/monitoring.ts).
   */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: PortalJobsProps) {
    super(scope, id);
    const { storage, secrets } = props;
    this.deadlineSweep = new PortalFunction(this, 'sweepDeadlines', {
      handler: 'sweepDeadlines',
      country: props.country,
      description: `${props.name}: deadline sweep (overdue cases escalate to the oversight body)`,
      // Its own composition (functions/composition/sweepDeps.ts): the table, the pack, the audit key and the bucket it
      // deletes evidence from. No pepper, no case-text key: it reads no text, no tracking code and no object.
      environment: {
        TABLE_NAME: storage.table.tableName,
        BUCKET_NAME: storage.bucket.bucketName,
        AUDIT_MAC_KEY_ID: secrets.auditMacKey.keyArn,
      },
      timeout: Duration.minutes(1),
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
    });
    // Exactly its calls. Deadlines: a Query of the due list, each overdue case committed with its audit event (Puts in
    // one transaction), GenerateMac on the audit key for that event. Retention (functions/core/caseDeletion.ts): a
    // Query of the deletion list; the withdrawal, one transaction of two Updates (the case item, and its count in the
    // deleted-case aggregates); the erasing, a Query of the case's keys and transactions of Deletes.
    storage.grantTable(this.deadlineSweep, [
      { actions: ['dynamodb:Query'], index: 'due', partitions: [PARTITIONS.due, PARTITIONS.deletion] },
      // A case's applications are erased with it (docs/applications.md): one Query for their keys, then Deletes.
      { actions: ['dynamodb:Query'], partitions: [`${PARTITIONS.case}*`, `${PARTITIONS.application}*`] },
      { actions: ['dynamodb:PutItem'], partitions: [`${PARTITIONS.case}*`] },
      { actions: ['dynamodb:UpdateItem'], partitions: [`${PARTITIONS.case}*`, PARTITIONS.deletedCases] },
      { actions: ['dynamodb:DeleteItem'], partitions: [`${PARTITIONS.case}*`, `${PARTITIONS.application}*`] },
      // A deleted case's signed receipt, beside the audit anchors (functions/core/caseDeletionReceipt.ts).
      { actions: ['dynamodb:PutItem'], partitions: [AUDIT_DELETIONS_PK] },
    ]);
    secrets.grantAuditMac(this.deadlineSweep, 'sign');
    acknowledgeTableKeyWrites(this.deadlineSweep.role!, 'committing an overdue case and withdrawing a deleted one need them');
    // Every version of a deleted case's evidence (lib/retention.ts): list and delete versions, never read.
    grantEvidenceDestruction(storage, this.deadlineSweep);
    acknowledgeEvidenceDestruction(this.deadlineSweep.role!, storage);

    // SQS-managed server-side encryption rather than a KMS key: a message here is the scheduled event (rule ARN and
    // time) and, for a function failure, the error the sweep raised. The sweep cannot read case text, contacts or
    // attachments (no case-text key, no bucket grant), so nothing here needs a key policy of its own; a customer
    // key would also have to let events.amazonaws.com and the function's role use it, for no gain.
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetters,
      'AwsSolutions-SQS3',
      'This queue is itself the dead-letter queue of the deadline-sweep, statistics and audit-anchor schedules (EventBridge ' +
        "target DeadLetterConfig) and of the job functions' asynchronous invocations (on-failure destination); a DLQ of a DLQ " +
        'would only move the same messages again. Its depth is alarmed on instead (PortalMonitoring).',
    );
    acknowledge(
      this.deadLetters,
      'Serverless-SQSRedrivePolicy',
      'This queue is itself the dead-letter queue of the job schedules and of the job functions\u2019 asynchronous invocations; nothing consumes it to redrive from, and any message in it raises the monitoring alarm.',
    );

    // EventBridge invokes the function asynchronously. Its DLQ catches events it could not hand to Lambda; Lambda's
    // on-failure destination catches sweeps that ran and failed. Both go to the same queue, so a failed sweep is
    // never silently dropped.
    this.deadlineSweep.configureAsyncInvoke({
      retryAttempts: SWEEP_RETRY_ATTEMPTS,
      maxEventAge: SWEEP_MAX_EVENT_AGE,
      onFailure: new SqsDestination(this.deadLetters),
    });

    this.schedule = new Rule(this, 'DeadlineSweepSchedule', {
      description: `${props.name}: runs the deadline sweep`,
      schedule: Schedule.rate(props.sweepEvery ?? Duration.minutes(5)),
      targets: [
        new LambdaFunction(this.deadlineSweep, {
          retryAttempts: SWEEP_RETRY_ATTEMPTS,
          maxEventAge: SWEEP_MAX_EVENT_AGE,
          deadLetterQueue: this.deadLetters,
        }),
      ],
    });

    // The public statistics publisher: reads every case's summary through the queue index and writes the one
    // snapshot item. It parses TABLE_NAME only (functions/composition/statisticsDeps.ts) and is granted exactly its two
    // calls: Scan on the queue index, PutItem on the snapshot's own partition. No pepper, no case-text key, no bucket.
    this.statisticsPublisher = new PortalFunction(this, 'publishPublicStats', {
      handler: 'publishPublicStats',
      country: props.country,
      description: `${props.name}: public statistics publisher (the snapshot GET /api/stats/public serves)`,
      environment: { TABLE_NAME: storage.table.tableName },
      // A scan of every case, a megabyte a page: minutes only for hundreds of thousands of cases.
      timeout: Duration.minutes(5),
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
    });
    storage.grantQueueIndexScan(this.statisticsPublisher);
    storage.grantStatisticsSnapshot(this.statisticsPublisher, 'write');
    // What the statistics keep of deleted cases: a Query of the aggregates' one partition.
    storage.grantTable(this.statisticsPublisher, [{ actions: ['dynamodb:Query'], partitions: [PARTITIONS.deletedCases] }]);
    acknowledgeTableKeyWrites(this.statisticsPublisher.role!, 'writing the snapshot item needs them');
    // The same failure path as the sweep's: retries, then the one dead-letter queue.
    this.statisticsPublisher.configureAsyncInvoke({
      retryAttempts: SWEEP_RETRY_ATTEMPTS,
      maxEventAge: SWEEP_MAX_EVENT_AGE,
      onFailure: new SqsDestination(this.deadLetters),
    });
    this.statisticsSchedule = new Rule(this, 'PublicStatsSchedule', {
      description: `${props.name}: publishes the public statistics`,
      schedule: Schedule.rate(props.publishStatsEvery ?? PUBLISH_STATS_EVERY),
      targets: [
        new LambdaFunction(this.statisticsPublisher, {
          retryAttempts: SWEEP_RETRY_ATTEMPTS,
          maxEventAge: SWEEP_MAX_EVENT_AGE,
          deadLetterQueue: this.deadLetters,
        }),
      ],
    });

    // The audit anchor job: reads every case's audit head through the queue index and appends an anchor of them. It
    // parses TABLE_NAME and AUDIT_MAC_KEY_ID (functions/composition/auditAnchorDeps.ts: the anchors are signed with the
    // audit chain's key) and is granted exactly its calls: Scan on the queue index, PutItem in the anchor partitions,
    // Query of the roots' partition, GenerateMac on the audit key. No pepper, no case-text key, no bucket.
    this.auditAnchorJob = new PortalFunction(this, 'anchorAuditHeads', {
      handler: 'anchorAuditHeads',
      country: props.country,
      description: `${props.name}: audit anchor job (a signed record of every case's audit head, appended daily)`,
      environment: { TABLE_NAME: storage.table.tableName, AUDIT_MAC_KEY_ID: secrets.auditMacKey.keyArn },
      // It holds every head until the chunks are written (a few hundred bytes each): room for a million cases. The
      // scan reads every case item in full, a megabyte a page, and the writes are one per bucket of case ids.
      memorySize: 1024,
      timeout: Duration.minutes(15),
      // Its log holds the second copy of every root's digest, outside the table: one line a day, kept as long as a
      // case may be (packs keep cases for years), where the other functions' logs go after a month.
      logRetention: RetentionDays.TEN_YEARS,
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
    });
    storage.grantQueueIndexScan(this.auditAnchorJob);
    storage.grantAuditAnchorAppend(this.auditAnchorJob);
    secrets.grantAuditMac(this.auditAnchorJob, 'sign');
    acknowledgeTableKeyWrites(this.auditAnchorJob.role!, 'writing the anchor items needs them');
    // The same failure path as the other jobs': retries, then the one dead-letter queue, which alarms. A run that
    // fails leaves the anchors already written; the next day's run anchors anew.
    this.auditAnchorJob.configureAsyncInvoke({
      retryAttempts: SWEEP_RETRY_ATTEMPTS,
      maxEventAge: SWEEP_MAX_EVENT_AGE,
      onFailure: new SqsDestination(this.deadLetters),
    });
    this.auditAnchorSchedule = new Rule(this, 'AuditAnchorSchedule', {
      description: `${props.name}: anchors the audit heads`,
      schedule: Schedule.rate(props.anchorAuditEvery ?? ANCHOR_AUDIT_EVERY),
      targets: [
        new LambdaFunction(this.auditAnchorJob, {
          retryAttempts: SWEEP_RETRY_ATTEMPTS,
          maxEventAge: SWEEP_MAX_EVENT_AGE,
          deadLetterQueue: this.deadLetters,
        }),
      ],
    });
  }
}
