// Scheduled jobs: the deadline sweep, which marks cases past their acknowledge or respond deadline as overdue and
// escalates them to the oversight body. Local mode runs the same handler every minute.
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge, acknowledgeTableGrants } from './nag.js';
import { PortalFunction } from './portalFunction.js';
import type { PortalSecrets } from './secrets.js';
import type { PortalStorage } from './storage.js';

/** How often EventBridge, and then Lambda, retry a sweep before it goes to the dead-letter queue. */
export const SWEEP_RETRY_ATTEMPTS = 2;
/**
 * How long a sweep event is worth retrying. The sweep judges deadlines as of the event's scheduled time, and a
 * newer run comes every few minutes: after an hour a retry adds nothing, so the event goes to the dead letters.
 */
export const SWEEP_MAX_EVENT_AGE = Duration.hours(1);

export interface PortalJobsProps {
  readonly name: string;
  readonly country: string;
  readonly storage: PortalStorage;
  readonly secrets: PortalSecrets;
  /** Deadlines are counted in days: a few minutes' delay costs nothing and keeps idle invocations low. @default 5 minutes */
  readonly sweepEvery?: Duration;
  readonly logRemovalPolicy?: RemovalPolicy;
}

export class PortalJobs extends Construct {
  readonly deadlineSweep: PortalFunction;
  readonly schedule: Rule;
  /**
   * Sweep events that failed: ones EventBridge could not deliver to the function (throttled, function missing,
   * permission lost) and ones the function failed on after Lambda's own retries. Kept 14 days; any message here
   * raises the monitoring alarm (lib/monitoring.ts).
   */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: PortalJobsProps) {
    super(scope, id);
    const { storage, secrets } = props;
    this.deadlineSweep = new PortalFunction(this, 'sweepDeadlines', {
      handler: 'sweepDeadlines',
      country: props.country,
      description: `${props.name}: deadline sweep (overdue cases escalate to the oversight body)`,
      // The handler shares the case-work composition, which parses these; it is granted only the table and pepper.
      environment: {
        TABLE_NAME: storage.table.tableName,
        BUCKET_NAME: storage.bucket.bucketName,
        PEPPER_SECRET_ARN: secrets.pepper.secretArn,
        KMS_KEY_ID: secrets.caseTextKey.keyArn,
      },
      timeout: Duration.minutes(1),
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
    });
    storage.table.grantReadWriteData(this.deadlineSweep);
    secrets.pepper.grantRead(this.deadlineSweep);
    // The same findings as the API's table grants (lib/nag.ts): the table's own indexes, and its key's wildcard actions.
    acknowledgeTableGrants(this.deadlineSweep.role!, storage.table);

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
      'This queue is itself the dead-letter queue of the deadline-sweep schedule (EventBridge target DeadLetterConfig) ' +
        "and of the sweep function's asynchronous invocations (on-failure destination); a DLQ of a DLQ would only move the " +
        'same messages again. Its depth is alarmed on instead (PortalMonitoring).',
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
  }
}
