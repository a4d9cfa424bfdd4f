// Backups and recovery (lib/backup.ts, lib/tamperAlarms.ts, the sweep's heartbeat in lib/monitoring.ts, the prod
// alarm subscriber in lib/portalStack.ts): on the stack the infra project's global setup synthesized, and on one
// more synthesized with the recovery context set (a copy region, its vault, a replica key, a restored table).
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { BACKUP_SERVICE_POLICIES, DEFAULT_BACKUP_RETENTION_DAYS, VAULT_LOCK_MIN_RETENTION_DAYS } from '#lib/backup.js';
import { PortalStack, portalStackName } from '#lib/portalStack.js';
import { CLOUDTRAIL_API_CALL } from '#lib/tamperAlarms.js';
import { appContext } from './support/appContext.js';
import { sharedPortalStack } from './support/sharedPortalStack.js';
import { type CfnResource, type Json, ofType, onlyOne } from './support/template.js';

const { resources } = sharedPortalStack();

const COPY_REGION = 'eu-central-1';
const COPY_VAULT = 'arn:aws:backup:eu-central-1:111122223333:backup-vault:portal-copies';
const REPLICA_KEY = 'arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const RESTORED = 'CleanPortal-kr-dev-restored';
/** The case-key table the old stack retained. */
const KEPT_KEYS = 'CleanPortal-kr-dev-CaseKeysTable-KEPT';

const idOf = (r: Record<string, CfnResource>, type: string, part: string): string => {
  const found = ofType(r, type).filter(([id]) => id.includes(part));
  expect(found, part).toHaveLength(1);
  return found[0]![0];
};
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

function portalStack(context: Record<string, unknown>, stage = 'dev'): PortalStack {
  const app = new App({ context: appContext(context) });
  return new PortalStack(app, portalStackName('kr', stage), { country: 'kr', stage });
}

describe('AWS Backup', () => {
  it('a vault of its own, under its own key, locked at a minimum retention, recovery points undeletable, retained', () => {
    const [, vault] = onlyOne(resources, 'AWS::Backup::BackupVault');
    expect(vault.DeletionPolicy).toBe('Retain');
    expect(vault.Properties).toEqual({
      BackupVaultName: 'CleanPortal-kr-dev',
      EncryptionKeyArn: arnOf(idOf(resources, 'AWS::KMS::Key', 'VaultKey')),
      LockConfiguration: { MinRetentionDays: VAULT_LOCK_MIN_RETENTION_DAYS },
      AccessPolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle'],
            Resource: '*',
          },
        ],
      },
    });
  });

  it('a daily plan at 03:00 UTC keeping each recovery point 35 days, no copy unless asked', () => {
    const [, plan] = onlyOne(resources, 'AWS::Backup::BackupPlan');
    expect(plan.Properties.BackupPlan).toEqual({
      BackupPlanName: 'CleanPortal-kr-dev',
      BackupPlanRule: [
        {
          RuleName: 'Daily',
          ScheduleExpression: 'cron(0 3 * * ? *)',
          StartWindowMinutes: 60,
          CompletionWindowMinutes: 480,
          Lifecycle: { DeleteAfterDays: DEFAULT_BACKUP_RETENTION_DAYS },
          TargetBackupVault: { 'Fn::GetAtt': [idOf(resources, 'AWS::Backup::BackupVault', 'Vault'), 'BackupVaultName'] },
        },
      ],
    });
    expect(DEFAULT_BACKUP_RETENTION_DAYS).toBeGreaterThanOrEqual(VAULT_LOCK_MIN_RETENTION_DAYS);
  });

  it('selects the case table and the attachment bucket, backed up with a role of its own', () => {
    const [, selection] = onlyOne(resources, 'AWS::Backup::BackupSelection');
    const roleId = idOf(resources, 'AWS::IAM::Role', 'BackupBackupRole');
    expect(selection.Properties.BackupSelection).toEqual({
      SelectionName: 'CleanPortal-kr-dev-data',
      IamRoleArn: arnOf(roleId),
      Resources: [
        arnOf(idOf(resources, 'AWS::DynamoDB::Table', 'StorageTable')),
        arnOf(idOf(resources, 'AWS::S3::Bucket', 'StorageAttachments')),
      ],
    });
    const role = resources[roleId]!;
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' } },
    ]);
    expect(role.Properties.ManagedPolicyArns.map((arn: Json) => arn['Fn::Join'][1].at(-1))).toEqual(
      BACKUP_SERVICE_POLICIES.map((p) => `:iam::aws:policy/service-role/${p}`),
    );
  });

  it('the backup role may use the vault, table and attachment keys, each only through its service', () => {
    const roleId = idOf(resources, 'AWS::IAM::Role', 'BackupBackupRole');
    const policy = ofType(resources, 'AWS::IAM::Policy').find(([, p]) => p.Properties.Roles.some((r: Json) => r.Ref === roleId))![1];
    const byKey = (policy.Properties.PolicyDocument.Statement as Json[]).map((s) => [
      s.Resource['Fn::GetAtt'][0].replace(/[A-F0-9]{8}$/, ''),
      s.Condition.StringEquals['kms:ViaService']['Fn::Join'][1][0],
    ]);
    expect(byKey.sort()).toEqual([
      ['BackupVaultKey', 'backup.'],
      ['StorageAttachmentsKey', 's3.'],
      ['StorageTableKey', 'dynamodb.'],
    ]);
  });
});

describe('the tamper alarms', () => {
  const topicId = idOf(resources, 'AWS::SNS::Topic', 'AlarmTopic');
  const dlqId = idOf(resources, 'AWS::SQS::Queue', 'JobsDeadLetters');
  const allKeys = ofType(resources, 'AWS::KMS::Key').map(([id]) => arnOf(id));
  const rule = (part: string) => resources[idOf(resources, 'AWS::Events::Rule', part)]!;

  it('each publishes to the alarm topic, naming the call and its caller, with the dead-letter queue behind it', () => {
    for (const part of ['KeyDeletionOrDisableRule', 'KeyPolicyChangeRule', 'PepperDeletionRule', 'TableDeletionProtectionOffRule']) {
      const { Targets, State } = rule(part).Properties;
      expect(State).toBe('ENABLED');
      expect(Targets).toHaveLength(1);
      expect(Targets[0].Arn).toEqual({ Ref: topicId });
      expect(Targets[0].DeadLetterConfig).toEqual({ Arn: arnOf(dlqId) });
      expect(Targets[0].InputTransformer.InputPathsMap).toEqual({
        'detail-eventName': '$.detail.eventName',
        'detail-userIdentity-arn': '$.detail.userIdentity.arn',
        'detail-eventTime': '$.detail.eventTime',
        'detail-eventID': '$.detail.eventID',
      });
    }
  });

  it('a portal key scheduled for deletion or disabled', () => {
    expect(rule('KeyDeletionOrDisableRule').Properties.EventPattern).toEqual({
      source: ['aws.kms'],
      'detail-type': [CLOUDTRAIL_API_CALL],
      detail: { eventSource: ['kms.amazonaws.com'], eventName: ['ScheduleKeyDeletion', 'DisableKey'], resources: { ARN: allKeys } },
    });
    expect(allKeys).toHaveLength(8);
  });

  it('a portal key policy replaced', () => {
    expect(rule('KeyPolicyChangeRule').Properties.EventPattern).toEqual({
      source: ['aws.kms'],
      'detail-type': [CLOUDTRAIL_API_CALL],
      detail: { eventSource: ['kms.amazonaws.com'], eventName: ['PutKeyPolicy'], resources: { ARN: allKeys } },
    });
  });

  it('the pepper deleted, named by ARN or by name', () => {
    const pepper = { Ref: idOf(resources, 'AWS::SecretsManager::Secret', 'TrackingCodePepper') };
    expect(rule('PepperDeletionRule').Properties.EventPattern).toEqual({
      source: ['aws.secretsmanager'],
      'detail-type': [CLOUDTRAIL_API_CALL],
      detail: {
        eventSource: ['secretsmanager.amazonaws.com'],
        eventName: ['DeleteSecret'],
        $or: [{ requestParameters: { secretId: [pepper] } }, { responseElements: { arn: [pepper] } }],
      },
    });
  });

  it("the table's deletion protection turned off", () => {
    const table = idOf(resources, 'AWS::DynamoDB::Table', 'StorageTable');
    expect(rule('TableDeletionProtectionOffRule').Properties.EventPattern).toEqual({
      source: ['aws.dynamodb'],
      'detail-type': [CLOUDTRAIL_API_CALL],
      detail: {
        eventSource: ['dynamodb.amazonaws.com'],
        eventName: ['UpdateTable'],
        requestParameters: { tableName: [{ Ref: table }, arnOf(table)], deletionProtectionEnabled: [false] },
      },
    });
  });
});

describe('the deadline sweep heartbeat', () => {
  it('alarms when the sweep was not invoked once in 30 minutes, no data counting as not run', () => {
    const alarm = resources[idOf(resources, 'AWS::CloudWatch::Alarm', 'sweepDeadlinesHeartbeatAlarm')]!;
    const topic = { Ref: idOf(resources, 'AWS::SNS::Topic', 'AlarmTopic') };
    expect(alarm.Properties).toMatchObject({
      AlarmName: 'CleanPortal-kr-dev-fn-sweepDeadlines-not-running',
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: 'breaching',
      AlarmActions: [topic],
      OKActions: [topic],
    });
    expect(alarm.Properties.Metrics[0].MetricStat).toEqual({
      Metric: {
        Namespace: 'AWS/Lambda',
        MetricName: 'Invocations',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: idOf(resources, 'AWS::Lambda::Function', 'JobssweepDeadlines') } }],
      },
      Period: 1800,
      Stat: 'Sum',
    });
  });
});

describe('the recovery context', () => {
  it('a prod stage without -c alarmEmail refuses to synthesize, naming the flag; with it, it builds', () => {
    expect(() => portalStack({}, 'prod')).toThrow(/stage prod needs .* -c alarmEmail=/);
    expect(() => portalStack({ alarmEmail: '' }, 'prod')).toThrow(/-c alarmEmail=/);
    expect(portalStack({ alarmEmail: 'oncall@example.org' }, 'prod').monitoring.topic).toBeDefined();
  });

  it('a copy region and its vault go together, in that region; retention is at least the vault lock', () => {
    expect(() => portalStack({ backupCopyRegion: COPY_REGION })).toThrow(/give both or neither/);
    expect(() => portalStack({ backupCopyVaultArn: COPY_VAULT })).toThrow(/give both or neither/);
    expect(() => portalStack({ backupCopyRegion: 'us-east-1', backupCopyVaultArn: COPY_VAULT })).toThrow(/in us-east-1/);
    expect(() => portalStack({ pepperReplicaKeyArn: REPLICA_KEY })).toThrow(/-c backupCopyRegion=/);
    expect(() => portalStack({ backupRetentionDays: '3' })).toThrow(/at least the vault lock/);
    expect(() => portalStack({ tableName: 'a b', caseKeyTableName: KEPT_KEYS })).toThrow(/-c tableName=a b/);
    expect(() => portalStack({ tableName: RESTORED, caseKeyTableName: 'a b' })).toThrow(/-c caseKeyTableName=a b/);
    // A restored case table opens only under the case keys the old stack kept: a fresh key table would lose every case.
    expect(() => portalStack({ tableName: RESTORED })).toThrow(/-c caseKeyTableName=/);
  });

  describe('with a copy region, a replica key and a restored table', () => {
    const stack = portalStack({
      backupCopyRegion: COPY_REGION,
      backupCopyVaultArn: COPY_VAULT,
      pepperReplicaKeyArn: REPLICA_KEY,
      backupRetentionDays: 60,
      tableName: RESTORED,
      caseKeyTableName: KEPT_KEYS,
    });
    const r = Template.fromStack(stack).toJSON().Resources as Record<string, CfnResource>;
    const restoredArn = {
      'Fn::Join': [
        '',
        ['arn:', { Ref: 'AWS::Partition' }, ':dynamodb:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:table/${RESTORED}`],
      ],
    };

    it('copies each recovery point to the vault in the copy region, kept as long', () => {
      const [, plan] = onlyOne(r, 'AWS::Backup::BackupPlan');
      expect(plan.Properties.BackupPlan.BackupPlanRule[0]).toMatchObject({
        Lifecycle: { DeleteAfterDays: 60 },
        CopyActions: [{ DestinationBackupVaultArn: COPY_VAULT, Lifecycle: { DeleteAfterDays: 60 } }],
      });
    });

    it('keeps a replica of the pepper in the copy region, under the given key', () => {
      const [, pepper] = ofType(r, 'AWS::SecretsManager::Secret').find(([id]) => id.includes('TrackingCodePepper'))!;
      expect(pepper.Properties.ReplicaRegions).toEqual([{ Region: COPY_REGION, KmsKeyId: REPLICA_KEY }]);
    });

    it('uses the restored table: no table of its own, the functions, the backup and the tamper alarm point at it', () => {
      expect(ofType(r, 'AWS::DynamoDB::Table')).toEqual([]);
      const keyTables = ofType(r, 'AWS::Lambda::Function')
        .map(([, fn]) => fn.Properties.Environment?.Variables?.CASE_KEY_TABLE)
        .filter((name) => name !== undefined);
      expect(keyTables.length).toBeGreaterThan(5);
      expect(new Set(keyTables)).toEqual(new Set([KEPT_KEYS]));
      // The output a later restore reads it from (docs/operations.md).
      expect(Template.fromStack(stack).toJSON().Outputs.CaseKeyTableName.Value).toBe(KEPT_KEYS);
      const names = ofType(r, 'AWS::Lambda::Function')
        .map(([, fn]) => fn.Properties.Environment?.Variables?.TABLE_NAME)
        .filter((name) => name !== undefined);
      expect(names.length).toBeGreaterThan(5);
      expect(new Set(names)).toEqual(new Set([RESTORED]));
      const [, selection] = onlyOne(r, 'AWS::Backup::BackupSelection');
      expect(selection.Properties.BackupSelection.Resources[0]).toEqual(restoredArn);
      const [, rule] = ofType(r, 'AWS::Events::Rule').find(([id]) => id.includes('TableDeletionProtectionOffRule'))!;
      expect(rule.Properties.EventPattern.detail.requestParameters.tableName).toEqual([RESTORED, restoredArn]);
    });

    it('still passes cdk-nag AwsSolutions, which every synth runs', () => {
      const report = new AwsSolutionsChecks(stack.node.root as App).validateScope(stack);
      expect(report.violations.map((v) => v.ruleName)).toEqual([]);
    });
  });
});
