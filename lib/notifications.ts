// Staff notifications (docs/notifications.md): one function, `notifyStaff`, the only one in the stack that may send
// mail. The table's stream hands it every change of a case item (filtered here to case items, SK = CASE); a daily
// schedule runs its deadline reminders and digests. It sends through SES from the verified identity the stack is
// deployed with (`-c notifySender=`), and may send from that address only.
import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EventSourceMapping, FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CASE_ITEM_SK, PARTITIONS, TABLE_KEYS } from '#contract/tableDesign.js';
import { SWEEP_MAX_EVENT_AGE, SWEEP_RETRY_ATTEMPTS } from './jobs.js';
import { acknowledgeTableKeyWrites } from './nag.js';
import { PortalFunction } from './portalFunction.js';
import type { PortalStorage } from './storage.js';

/** The context value naming the sender: an address at a domain verified in SES (docs/deploy.md). */
export const NOTIFY_SENDER_CONTEXT = 'notifySender';
/** Deadline reminders look one to two days ahead, so the run is daily: each deadline falls in one run's window. */
export const NOTIFY_DAILY = Duration.days(1);
/** How often Lambda retries a stream batch that failed (from the first record not delivered), before it is dropped. */
export const STREAM_RETRY_ATTEMPTS = 3;
/** A change older than this is not worth a mail any more: the daily run and the console show it anyway. */
export const STREAM_MAX_RECORD_AGE = Duration.hours(6);

/** A plain address whose domain is the SES identity: what `-c notifySender=` must be. */
const SENDER = /^[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)$/;

export function notifySenderFrom(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !SENDER.test(value.trim())) {
    throw new Error(`-c ${NOTIFY_SENDER_CONTEXT}=${String(value)}: an e-mail address at a domain verified in SES (docs/deploy.md)`);
  }
  return value.trim();
}

export interface PortalNotificationsProps {
  readonly name: string;
  readonly country: string;
  readonly storage: PortalStorage;
  /** The verified sender address (`-c notifySender=`). */
  readonly sender: string;
  /** The agency console's address (…/agency.html): the links in the mails. */
  readonly consoleUrl: string;
  /** The jobs' dead-letter queue: a stream batch given up on and a failed daily run land there, and it alarms. */
  readonly deadLetters: Queue;
  readonly logRemovalPolicy?: RemovalPolicy;
}

export class PortalNotifications extends Construct {
  readonly notifier: PortalFunction;
  readonly schedule: Rule;
  /** Absent when the table is an existing one whose stream the stack does not know (a restore, docs/operations.md). */
  readonly caseChanges?: EventSourceMapping;

  constructor(scope: Construct, id: string, props: PortalNotificationsProps) {
    super(scope, id);
    const { storage, sender } = props;
    this.notifier = new PortalFunction(this, 'notifyStaff', {
      handler: 'notifyStaff',
      country: props.country,
      description: `${props.name}: staff notifier (mail on new cases, replies, assignments, deadlines; daily digests)`,
      // Its own composition (functions/composition/notifyDeps.ts): the table, the pack, the console's address and the
      // sender. No pepper, no case-text or audit key, no bucket: a mail says there is something to see, never what.
      environment: { TABLE_NAME: storage.table.tableName, CONSOLE_URL: props.consoleUrl, NOTIFY_SENDER: sender },
      // The daily run reads every organization's held notices, one Query each.
      timeout: Duration.minutes(5),
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
    });
    // Exactly its calls: the staff of an organization (Query) or one member (GetItem); the held notices (Put, Query,
    // Delete in their own partitions); the due list's window (Query of GSI4's DUE partition).
    storage.grantTable(this.notifier, [
      { actions: ['dynamodb:GetItem', 'dynamodb:Query'], partitions: [`${PARTITIONS.staff}*`] },
      { actions: ['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:DeleteItem'], partitions: [`${PARTITIONS.notice}*`] },
      { actions: ['dynamodb:Query'], index: 'due', partitions: [PARTITIONS.due] },
    ]);
    acknowledgeTableKeyWrites(this.notifier.role!, 'holding a notice for a daily digest writes an item');

    // SES: SendEmail only (simple content, no raw MIME), from this one address, on its identities only: the domain's
    // (the one docs/deploy.md verifies) and the address's own, should it be verified by itself.
    const domain = sender.slice(sender.indexOf('@') + 1);
    const identity = (name: string) => Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    this.notifier.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [identity(domain), identity(sender)],
        conditions: { StringEquals: { 'ses:FromAddress': sender } },
      }),
    );

    // The stream of case changes: case items only (the filter), in batches; a failed record is retried from itself
    // (reportBatchItemFailures), a few times, then the batch's position goes to the dead letters (never its data).
    const streamArn = storage.table.tableStreamArn;
    if (streamArn) {
      this.notifier.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
          resources: [streamArn],
        }),
      );
      this.caseChanges = new EventSourceMapping(this, 'CaseChanges', {
        target: this.notifier,
        eventSourceArn: streamArn,
        startingPosition: StartingPosition.LATEST,
        batchSize: 25,
        retryAttempts: STREAM_RETRY_ATTEMPTS,
        maxRecordAge: STREAM_MAX_RECORD_AGE,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(props.deadLetters),
        filters: [FilterCriteria.filter({ dynamodb: { Keys: { [TABLE_KEYS.sortKey]: { S: FilterRule.isEqual(CASE_ITEM_SK) } } } })],
      });
    }

    // The daily run: the same failure path as the other jobs' (retries, then the dead letters, which alarm).
    this.notifier.configureAsyncInvoke({
      retryAttempts: SWEEP_RETRY_ATTEMPTS,
      maxEventAge: SWEEP_MAX_EVENT_AGE,
      onFailure: new SqsDestination(props.deadLetters),
    });
    this.schedule = new Rule(this, 'DailySchedule', {
      description: `${props.name}: deadline reminders and daily digests`,
      schedule: Schedule.rate(NOTIFY_DAILY),
      targets: [
        new LambdaFunction(this.notifier, {
          retryAttempts: SWEEP_RETRY_ATTEMPTS,
          maxEventAge: SWEEP_MAX_EVENT_AGE,
          deadLetterQueue: props.deadLetters,
        }),
      ],
    });
  }
}
