// One Clean Portal deployment: a country pack and a stage (CleanPortal-<country>-<stage>). Environment-agnostic:
// it synthesizes offline and deploys to whichever account and region the CLI is pointed at.
import { CfnOutput, Duration, type RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { FUNCTION_ACCESS, PortalApi, type Throttle } from './api.js';
import { AgencyAuth } from './auth.js';
import { CostBudget, MONTHLY_BUDGET_CONTEXT, monthlyBudgetFrom } from './costBudget.js';
import { WebEdge } from './edge.js';
import { PortalBackup, recoveryOptions } from './backup.js';
import { ApiFirewall, rateLimitedApiPaths } from './firewall.js';
import { PortalJobs } from './jobs.js';
import { KeyCustody, principalArns } from './keyCustody.js';
import { PortalMonitoring } from './monitoring.js';
import { NOTIFY_SENDER_CONTEXT, PortalNotifications, notifySenderFrom } from './notifications.js';
import { CaseKeyStore } from './caseKeyStore.js';
import { PortalSecrets } from './secrets.js';
import { PortalStorage } from './storage.js';
import { TamperAlarms } from './tamperAlarms.js';

/** How long the deadline sweep may go without one invocation before its heartbeat alarm fires. */
export const SWEEP_HEARTBEAT_WINDOW = Duration.minutes(30);

export interface PortalStackProps extends StackProps {
  /** Country pack code under countries/, e.g. `kr`. */
  readonly country: string;
  /** Deployment stage, e.g. `dev`, `training`, `prod`; also the API Gateway stage name. */
  readonly stage: string;
  /** What happens to log groups when the stack is deleted. Data (table, bucket, keys, pepper) is always kept. @default DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
  readonly throttle?: Throttle;
  readonly lookupThrottle?: Throttle;
}

export const COUNTRY_CODE = /^[a-z]{2}$/;
export const STAGE_NAME = /^[a-z][a-z0-9-]{0,19}$/;

export function portalStackName(country: string, stage: string): string {
  return `CleanPortal-${country}-${stage}`;
}

export class PortalStack extends Stack {
  readonly storage: PortalStorage;
  /** The case keys, apart from the case table (docs/crypto-shredding.md). */
  readonly caseKeys: CaseKeyStore;
  readonly secrets: PortalSecrets;
  readonly auth: AgencyAuth;
  readonly portalApi: PortalApi;
  readonly jobs: PortalJobs;
  readonly monitoring: PortalMonitoring;
  readonly edge: WebEdge;
  readonly firewall: ApiFirewall;
  readonly custody: KeyCustody;
  readonly backup: PortalBackup;
  readonly tamperAlarms: TamperAlarms;
  /** Staff notifications: only with `-c notifySender=<address at a domain verified in SES>` (docs/deploy.md). */
  readonly notifications?: PortalNotifications;
  /** Only with `-c monthlyBudget=<USD>`. */
  readonly costBudget?: CostBudget;

  constructor(scope: Construct, id: string, props: PortalStackProps) {
    if (!COUNTRY_CODE.test(props.country)) throw new Error(`country must be two lowercase letters, not "${props.country}"`);
    if (!STAGE_NAME.test(props.stage)) throw new Error(`stage must match ${STAGE_NAME}, not "${props.stage}"`);
    super(scope, id, {
      description: `Clean Portal (${props.country}, ${props.stage}): citizen reporting API, storage and keys`,
      ...props,
    });
    const name = this.stackName;
    // Read first: a bad `-c monthlyBudget=` fails the synth before anything is built.
    const monthlyUsd = monthlyBudgetFrom(this.node.tryGetContext(MONTHLY_BUDGET_CONTEXT));
    const notifySender = notifySenderFrom(this.node.tryGetContext(NOTIFY_SENDER_CONTEXT));

    // ---- Key custody, backups and recovery (issue 13; docs/operations.md) ----
    const alarmEmail: unknown = this.node.tryGetContext('alarmEmail');
    if (props.stage === 'prod' && !(typeof alarmEmail === 'string' && alarmEmail)) {
      throw new Error('stage prod needs someone to receive its alarms: deploy with -c alarmEmail=<address of the on-call team>');
    }
    const recovery = recoveryOptions(this.node);
    const deployRoleArn: unknown = this.node.tryGetContext('deployRoleArn');
    const keyAdminPrincipals = principalArns(this.node.tryGetContext('keyAdminPrincipals'), 'keyAdminPrincipals');
    const breakGlassPrincipals = principalArns(this.node.tryGetContext('breakGlassPrincipals'), 'breakGlassPrincipals');
    this.custody = new KeyCustody(this, 'KeyCustody', {
      name,
      ...(keyAdminPrincipals ? { keyAdminPrincipals } : {}),
      ...(breakGlassPrincipals ? { breakGlassPrincipals } : {}),
      ...(typeof deployRoleArn === 'string' && deployRoleArn ? { deployRoleArn } : {}),
    });
    const tableName: unknown = this.node.tryGetContext('tableName');
    if (tableName !== undefined && (typeof tableName !== 'string' || !/^[A-Za-z0-9_.-]{3,255}$/.test(tableName))) {
      throw new Error(`-c tableName=${String(tableName)}: a DynamoDB table name (3-255 letters, digits, _ . -)`);
    }
    const caseKeyTableName: unknown = this.node.tryGetContext('caseKeyTableName');
    if (caseKeyTableName !== undefined && (typeof caseKeyTableName !== 'string' || !/^[A-Za-z0-9_.-]{3,255}$/.test(caseKeyTableName))) {
      throw new Error(`-c caseKeyTableName=${String(caseKeyTableName)}: a DynamoDB table name (3-255 letters, digits, _ . -)`);
    }
    // A restored case table's text is sealed under the case keys of the table that survived (it is retained): a
    // new, empty key table would leave every case unreadable, so a restore must name it (docs/operations.md).
    if (tableName !== undefined && caseKeyTableName === undefined) {
      throw new Error(
        '-c tableName= uses a restored case table, whose text is sealed under the case keys the old stack kept: name that table with -c caseKeyTableName=',
      );
    }

    this.secrets = new PortalSecrets(this, 'Secrets', {
      name,
      custody: this.custody,
      ...(recovery.copy
        ? {
            pepperReplica: {
              region: recovery.copy.region,
              ...(recovery.pepperReplicaKeyArn ? { key: Key.fromKeyArn(this, 'PepperReplicaKey', recovery.pepperReplicaKeyArn) } : {}),
            },
          }
        : {}),
    });
    this.storage = new PortalStorage(this, 'Storage', {
      name,
      custody: this.custody,
      ...(typeof tableName === 'string' ? { existingTableName: tableName } : {}),
    });
    this.auth = new AgencyAuth(this, 'Auth', { name });
    // The construct id stays 'CitizenApi': it is part of every logical id of a deployed stack's API resources.
    this.portalApi = new PortalApi(this, 'CitizenApi', {
      name,
      userPool: this.auth.pool,
      country: props.country,
      stageName: props.stage,
      storage: this.storage,
      secrets: this.secrets,
      ...(props.throttle ? { throttle: props.throttle } : {}),
      ...(props.lookupThrottle ? { lookupThrottle: props.lookupThrottle } : {}),
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
    });

    this.jobs = new PortalJobs(this, 'Jobs', {
      name,
      country: props.country,
      storage: this.storage,
      secrets: this.secrets,
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
    });

    // Every function that builds the portal's dependencies names the key store; those that seal or open case text
    // may create or read a case's key. The deadline sweep, the deletion path, may only shred one.
    this.caseKeys = new CaseKeyStore(this, 'CaseKeys', typeof caseKeyTableName === 'string' ? { existingTableName: caseKeyTableName } : {});
    for (const [handler, fn] of Object.entries(this.portalApi.functions)) {
      const access = FUNCTION_ACCESS[handler];
      if (access?.citizen) this.caseKeys.connect(fn, access.caseText);
    }
    this.caseKeys.connect(this.jobs.deadlineSweep);
    this.caseKeys.grantShred(this.jobs.deadlineSweep);

    this.edge = new WebEdge(this, 'Edge', {
      name,
      api: this.portalApi.api,
      stageName: props.stage,
      // CloudFront forwards the browser's presigned POST (to /upload on the portal's origin) to the bucket.
      uploadOrigin: `https://${this.storage.bucket.bucketRegionalDomainName}`,
    });
    this.firewall = new ApiFirewall(this, 'Firewall', {
      name,
      stageArn: this.portalApi.api.deploymentStage.stageArn,
      originVerifySecret: this.edge.originVerifySecret,
      rateLimitedPaths: rateLimitedApiPaths(),
    });

    // Staff notifications need a sender SES has verified: without one the stack sends no mail at all.
    if (notifySender) {
      this.notifications = new PortalNotifications(this, 'Notifications', {
        name,
        country: props.country,
        storage: this.storage,
        sender: notifySender,
        consoleUrl: `${this.edge.url}/agency.html`,
        deadLetters: this.jobs.deadLetters,
        ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
      });
    }

    this.monitoring = new PortalMonitoring(this, 'Monitoring', {
      name,
      custody: this.custody,
      heartbeats: [{ label: 'sweepDeadlines', fn: this.jobs.deadlineSweep, window: SWEEP_HEARTBEAT_WINDOW }],
      api: this.portalApi.api,
      stageName: props.stage,
      functions: {
        ...this.portalApi.functions,
        sweepDeadlines: this.jobs.deadlineSweep,
        publishPublicStats: this.jobs.statisticsPublisher,
        anchorAuditHeads: this.jobs.auditAnchorJob,
        ...(this.notifications ? { notifyStaff: this.notifications.notifier } : {}),
      },
      deadLetterQueues: [this.jobs.deadLetters],
      ...(typeof alarmEmail === 'string' && alarmEmail ? { alarmEmail } : {}),
    });

    this.backup = new PortalBackup(this, 'Backup', {
      name,
      custody: this.custody,
      table: this.storage.table,
      tableKey: this.storage.tableKey,
      bucket: this.storage.bucket,
      attachmentsKey: this.storage.attachmentsKey,
      options: recovery,
    });
    this.tamperAlarms = new TamperAlarms(this, 'TamperAlarms', {
      name,
      keys: this.custody.keys,
      pepper: this.secrets.pepper,
      table: this.storage.table,
      topic: this.monitoring.topic,
      // The jobs' dead-letter queue, whose depth already alarms: a tamper alarm EventBridge could not deliver waits there.
      deadLetters: this.jobs.deadLetters,
    });
    // Abuse limits: a monthly cost budget on the alarm topic, when `-c monthlyBudget=<USD>` is given.
    if (monthlyUsd !== undefined) {
      this.costBudget = new CostBudget(this, 'CostBudget', {
        name,
        monthlyUsd,
        topic: this.monitoring.topic,
        topicKey: this.monitoring.topicKey,
      });
    }

    new CfnOutput(this, 'WebUrl', { description: 'The portal, for citizens and agency staff', value: `${this.edge.url}/` });
    new CfnOutput(this, 'ApiUrl', {
      description: 'Base URL of the citizen API (append /config, /reports, ...)',
      value: this.portalApi.url,
    });
    new CfnOutput(this, 'AgencyUserPoolId', {
      description: 'Cognito user pool of the agency accounts (npm run users:create adds to it)',
      value: this.auth.userPool.userPoolId,
    });
    new CfnOutput(this, 'AlarmTopicArn', { description: 'Alarms publish here', value: this.monitoring.topic.topicArn });
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    // Named again with -c caseKeyTableName= when the case table is restored (docs/operations.md).
    new CfnOutput(this, 'CaseKeyTableName', { value: this.caseKeys.table.tableName });
    new CfnOutput(this, 'AttachmentsBucketName', { value: this.storage.bucket.bucketName });
    new CfnOutput(this, 'TableKeyArn', {
      description: 'Encrypts the case table; a restored table must use it',
      value: this.storage.tableKey.keyArn,
    });
    new CfnOutput(this, 'AttachmentsKeyArn', { description: 'Encrypts the attachments', value: this.storage.attachmentsKey.keyArn });
    new CfnOutput(this, 'KeyAdminRoleArn', { description: 'Administers the portal keys', value: this.custody.keyAdminRole.roleArn });
    new CfnOutput(this, 'BreakGlassRoleArn', { description: 'Emergency key administration', value: this.custody.breakGlassRole.roleArn });
    new CfnOutput(this, 'BackupVaultName', { value: this.backup.vault.backupVaultName });
  }
}
