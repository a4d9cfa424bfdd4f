// Backups (issue 13): AWS Backup copies the case table and the attachment bucket every day into a vault of the
// portal's own, encrypted under its own key (same custody as the data keys), with a vault lock so no recovery point
// can be deleted or shortened before its minimum retention, and optionally a copy of each into a vault in another
// region. Point-in-time recovery on the table stays on beside it (35 days, to the second); docs/operations.md
// restores from either.
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault, type IBackupVault } from 'aws-cdk-lib/aws-backup';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey, Key } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct, type Node } from 'constructs';
import type { KeyCustody } from './keyCustody.js';
import { acknowledge } from './nag.js';

/** How long a daily recovery point is kept unless `-c backupRetentionDays=` says otherwise. */
export const DEFAULT_BACKUP_RETENTION_DAYS = 35;
/** The vault lock's minimum retention: nobody can delete a recovery point, or shorten its life, below this. */
export const VAULT_LOCK_MIN_RETENTION_DAYS = 7;

/** AWS Backup's service-role policies: backing up and restoring DynamoDB (the first two) and S3 (the last two). */
export const BACKUP_SERVICE_POLICIES = [
  'AWSBackupServiceRolePolicyForBackup',
  'AWSBackupServiceRolePolicyForRestores',
  'AWSBackupServiceRolePolicyForS3Backup',
  'AWSBackupServiceRolePolicyForS3Restore',
];

export interface BackupCopy {
  /** The region of the copy, e.g. `eu-central-1`. */
  readonly region: string;
  /** The vault in that region the copies go to (create it first: docs/operations.md). */
  readonly vaultArn: string;
}

/** The recovery settings a deployment takes from its context (`-c backupCopyRegion=` and friends). */
export interface RecoveryOptions {
  readonly retentionDays: number;
  readonly copy?: BackupCopy;
  /** The key that encrypts the pepper's replica in the copy region. @default that region's aws/secretsmanager key */
  readonly pepperReplicaKeyArn?: string;
}

function contextString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`-c ${key}=... must be a string`);
  return String(value).trim();
}

/** Reads and checks the recovery context: a copy needs both its region and its destination vault, in that region. */
export function recoveryOptions(node: Node): RecoveryOptions {
  const days = contextString(node, 'backupRetentionDays');
  const retentionDays = days === undefined ? DEFAULT_BACKUP_RETENTION_DAYS : Number(days);
  if (!Number.isInteger(retentionDays) || retentionDays < VAULT_LOCK_MIN_RETENTION_DAYS) {
    throw new Error(`-c backupRetentionDays=${days}: a whole number of days, at least the vault lock's ${VAULT_LOCK_MIN_RETENTION_DAYS}`);
  }
  const region = contextString(node, 'backupCopyRegion');
  const vaultArn = contextString(node, 'backupCopyVaultArn');
  const pepperReplicaKeyArn = contextString(node, 'pepperReplicaKeyArn');
  if ((region === undefined) !== (vaultArn === undefined)) {
    throw new Error(
      '-c backupCopyRegion=<region> and -c backupCopyVaultArn=<arn of a backup vault in that region> go together: give both or neither',
    );
  }
  if (pepperReplicaKeyArn !== undefined && region === undefined) {
    throw new Error('-c pepperReplicaKeyArn=... encrypts the pepper replica in the copy region: give -c backupCopyRegion= too');
  }
  if (region === undefined || vaultArn === undefined) return { retentionDays };
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new Error(`-c backupCopyRegion=${region}: not a region name (e.g. eu-central-1)`);
  const arnRegion = /^arn:aws[a-z-]*:backup:([a-z0-9-]+):\d{12}:backup-vault:[A-Za-z0-9_.-]+$/.exec(vaultArn)?.[1];
  if (arnRegion !== region) throw new Error(`-c backupCopyVaultArn=${vaultArn}: must be a backup vault ARN in ${region}`);
  if (
    pepperReplicaKeyArn !== undefined &&
    !new RegExp(`^arn:aws[a-z-]*:kms:${region}:\\d{12}:key/[A-Za-z0-9-]+$`).test(pepperReplicaKeyArn)
  ) {
    throw new Error(`-c pepperReplicaKeyArn=${pepperReplicaKeyArn}: must be a KMS key ARN in ${region}`);
  }
  return { retentionDays, copy: { region, vaultArn }, ...(pepperReplicaKeyArn ? { pepperReplicaKeyArn } : {}) };
}

export interface PortalBackupProps {
  /** e.g. `CleanPortal-kr-dev`: names the vault and the plan. */
  readonly name: string;
  readonly custody: KeyCustody;
  readonly table: ITable;
  readonly tableKey: IKey;
  readonly bucket: IBucket;
  readonly attachmentsKey: IKey;
  readonly options: RecoveryOptions;
}

export class PortalBackup extends Construct {
  readonly vault: BackupVault;
  readonly vaultKey: Key;
  readonly plan: BackupPlan;
  /** The role AWS Backup backs up and restores with. */
  readonly role: Role;

  constructor(scope: Construct, id: string, props: PortalBackupProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const via = (service: string) => ({ StringEquals: { 'kms:ViaService': `${service}.${region}.amazonaws.com` } });

    // The caller creating the vault (the deploy role) lets AWS Backup create its grant on the key (the Backup guide).
    this.vaultKey = props.custody.key(this, 'VaultKey', {
      description: `${props.name}: encrypts the backup vault's recovery points`,
      enableKeyRotation: true,
      deployRoleUse: {
        service: 'backup',
        actions: ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey', 'kms:RetireGrant'],
      },
    });

    this.vault = new BackupVault(this, 'Vault', {
      backupVaultName: props.name,
      encryptionKey: this.vaultKey,
      // Governance mode (no changeableFor): an operator with backup:DeleteBackupVaultLockConfiguration can still lift
      // it; compliance mode is irreversible once its grace time ends, so it is an operator's step (docs/operations.md).
      lockConfiguration: { minRetention: Duration.days(VAULT_LOCK_MIN_RETENTION_DAYS) },
      // A vault access policy denying DeleteRecoveryPoint and UpdateRecoveryPointLifecycle to every principal.
      blockRecoveryPointDeletion: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.role = new Role(this, 'BackupRole', {
      description: `${props.name}: AWS Backup backs up and restores the case table and the attachment bucket with this role`,
      assumedBy: new ServicePrincipal('backup.amazonaws.com'),
      managedPolicies: BACKUP_SERVICE_POLICIES.map((policy) => ManagedPolicy.fromAwsManagedPolicyName(`service-role/${policy}`)),
    });
    for (const policy of BACKUP_SERVICE_POLICIES) {
      acknowledge(
        this.role,
        `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/${policy}]`,
        'AWS Backup\u2019s own service-role policy for backing up or restoring DynamoDB and S3: AWS keeps it in step with what each service needs; the keys the role may use are limited by the key policies, not by it.',
      );
    }
    acknowledge(
      this.role,
      'NIST.800.53.R5-IAMNoInlinePolicy',
      'The role\u2019s key grants are its own policy (CDK\u2019s DefaultPolicy, attached to this role only) and are mirrored into the key policies; a managed policy could be attached to other principals.',
    );
    // The keys, named by ARN, so the key custody mirror puts the same statements in each key's policy.
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
        resources: [this.vaultKey.keyArn],
        conditions: via('backup'),
      }),
    );
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
        resources: [props.tableKey.keyArn],
        conditions: via('dynamodb'),
      }),
    );
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*'],
        resources: [props.attachmentsKey.keyArn],
        conditions: via('s3'),
      }),
    );
    for (const action of ['kms:GenerateDataKey*', 'kms:ReEncrypt*']) {
      acknowledge(
        this.role,
        `AwsSolutions-IAM5[Action::${action}]`,
        'AWS Backup reads and writes recovery points under the vault, table and attachment keys: these wildcard actions on those three keys only, each through its one service (kms:ViaService).',
      );
    }

    const copyVault: IBackupVault | undefined = props.options.copy
      ? BackupVault.fromBackupVaultArn(this, 'CopyVault', props.options.copy.vaultArn)
      : undefined;
    const deleteAfter = Duration.days(props.options.retentionDays);
    this.plan = new BackupPlan(this, 'Plan', {
      backupPlanName: props.name,
      backupVault: this.vault,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'Daily',
          // 03:00 UTC, when the portal is quietest in most time zones it serves; a backup does not slow the table.
          scheduleExpression: Schedule.cron({ hour: '3', minute: '0' }),
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(8),
          deleteAfter,
          ...(copyVault ? { copyActions: [{ destinationBackupVault: copyVault, deleteAfter }] } : {}),
        }),
      ],
    });
    this.plan.addSelection('TableAndAttachments', {
      backupSelectionName: `${props.name}-data`,
      resources: [BackupResource.fromDynamoDbTable(props.table), BackupResource.fromArn(props.bucket.bucketArn)],
      role: this.role,
      disableDefaultBackupPolicy: true,
    });
  }
}
