// Scheduled jobs: the deadline sweep, which marks cases past their acknowledge or respond deadline as overdue and
// escalates them to the oversight body. Local mode runs the same handler every minute.
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { PortalFunction } from './portalFunction.js';
import type { PortalSecrets } from './secrets.js';
import type { PortalStorage } from './storage.js';

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

    this.schedule = new Rule(this, 'DeadlineSweepSchedule', {
      description: `${props.name}: runs the deadline sweep`,
      schedule: Schedule.rate(props.sweepEvery ?? Duration.minutes(5)),
      targets: [new LambdaFunction(this.deadlineSweep, { retryAttempts: 2 })],
    });
  }
}
