// Retention's infrastructure (issue 14), on the stack the infra project synthesized once: the table's TTL attribute
// (the backstop), the deadline sweep's grants to delete cases and every version of their evidence, its retries,
// dead-letter queue and alarms, and the publisher's read of the deleted-case aggregates.
import { beforeAll, describe, expect, it } from 'vitest';
import { DELETED_CASES_PK, TTL_ATTRIBUTE } from '#contract/tableDesign.js';
import { sharedPortalStack } from './support/sharedPortalStack.js';
import { type CfnResource, type Json, ofType as ofTypeIn } from './support/template.js';

interface Statement {
  Action: string | string[];
  Resource: Json;
  Condition?: Json;
}

let resources: Record<string, CfnResource>;
beforeAll(() => {
  ({ resources } = sharedPortalStack());
});

const ofType = (type: string) => ofTypeIn(resources, type);
const actionsOf = (s: Statement) => [s.Action].flat() as string[];
const refersTo = (value: Json, logicalId: string) => JSON.stringify(value).includes(`"${logicalId}"`);

function jobFunction(description: string): [string, CfnResource] {
  const found = ofType('AWS::Lambda::Function').filter(([, fn]) => String(fn.Properties.Description).includes(description));
  expect(found, description).toHaveLength(1);
  return found[0]!;
}

function roleStatements(fn: CfnResource): Statement[] {
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[]);
}

/** The case table (the case keys have a table of their own, test/infra/caseKeyStore.test.ts). */
function caseTable(): [string, CfnResource] {
  const found = ofType('AWS::DynamoDB::Table').filter(([id]) => id.startsWith('Storage'));
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** The attachments bucket (the web app has a bucket of its own): the one with the incoming/ lifecycle rule. */
function attachmentsBucket(): [string, CfnResource] {
  const found = ofType('AWS::S3::Bucket').filter(([, b]) =>
    JSON.stringify(b.Properties.LifecycleConfiguration ?? {}).includes('expire-incoming'),
  );
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('retention infrastructure, the storage', () => {
  it('has the table delete items by their expiresAt (the TTL backstop the sweep sets on a closed case)', () => {
    const [, table] = caseTable();
    expect(TTL_ATTRIBUTE).toBe('expiresAt');
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
  });

  it('keeps versions in the bucket, so deletion must remove every version', () => {
    const [, bucket] = attachmentsBucket();
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });
});

describe('retention infrastructure, the jobs', () => {
  it('lets the sweep list and delete every version under evidence/ only, and read no object', () => {
    const [, sweep] = jobFunction('deadline sweep');
    const [bucketId] = attachmentsBucket();
    const s3 = roleStatements(sweep).filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    expect(s3.flatMap(actionsOf).sort()).toEqual(['s3:DeleteObjectVersion', 's3:ListBucketVersions']);
    const list = s3.find((s) => actionsOf(s).includes('s3:ListBucketVersions'))!;
    expect(list.Resource).toEqual({ 'Fn::GetAtt': [bucketId, 'Arn'] });
    expect(list.Condition).toEqual({ StringLike: { 's3:prefix': ['evidence/*'] } });
    const remove = s3.find((s) => actionsOf(s).includes('s3:DeleteObjectVersion'))!;
    expect(remove.Resource).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/evidence/*']] });
  });

  it('lets the sweep delete a case’s items and count it in the aggregates, each action in its partitions only', () => {
    const [, sweep] = jobFunction('deadline sweep');
    const [tableId] = caseTable();
    const onTable = roleStatements(sweep)
      .filter((s) => refersTo(s.Resource, tableId) && actionsOf(s).some((a) => a.startsWith('dynamodb:')))
      .map((s) => ({ actions: actionsOf(s), onIndex: JSON.stringify(s.Resource).includes('/index/'), condition: s.Condition }));
    const leading = (...keys: string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': keys } });
    expect(onTable).toEqual([
      { actions: ['dynamodb:Query'], onIndex: true, condition: leading('DUE', 'DELETE') },
      // IAM merges the statements that share a condition: the case's keys, its commits and its erasing.
      // A case's applications are erased with it: their keys read, then deleted.
      { actions: ['dynamodb:DeleteItem', 'dynamodb:Query'], onIndex: false, condition: leading('CASE#*', 'APPLICATION#*') },
      { actions: ['dynamodb:PutItem'], onIndex: false, condition: leading('CASE#*') },
      { actions: ['dynamodb:UpdateItem'], onIndex: false, condition: leading('CASE#*', DELETED_CASES_PK) },
      // The deleted case's signed receipt, for the audit verifier.
      { actions: ['dynamodb:PutItem'], onIndex: false, condition: leading('AUDIT-ANCHOR#DELETED') },
    ]);
    // Deletes go in transactions (authorized as DeleteItem): no batch write, which would also allow Puts anywhere.
    expect(onTable.flatMap((s) => s.actions)).not.toContain('dynamodb:BatchWriteItem');
  });

  it('retries a failed sweep, then parks it in the dead-letter queue, and alarms on its errors and on that queue', () => {
    const [sweepId] = jobFunction('deadline sweep');
    const rules = ofType('AWS::Events::Rule').filter(([, r]) => refersTo(r.Properties.Targets, sweepId));
    expect(rules).toHaveLength(1);
    const target = rules[0]![1].Properties.Targets[0];
    expect(target.RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
    const deadLetterArn = target.DeadLetterConfig.Arn['Fn::GetAtt'][0] as string;
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    // Each alarm watches one metric (a metric-stat query): its name and the dimensions it is on.
    const watches = (alarm: Json, metricName: string, logicalId: string) =>
      (alarm.Metrics as Json[]).some(
        (m) => m.MetricStat?.Metric.MetricName === metricName && refersTo(m.MetricStat.Metric.Dimensions, logicalId),
      );
    expect(alarms.some((a) => watches(a, 'Errors', sweepId))).toBe(true);
    expect(alarms.some((a) => watches(a, 'ApproximateNumberOfMessagesVisible', deadLetterArn))).toBe(true);
  });

  it('lets the statistics publisher Query the deleted-case aggregates’ partition, and no other', () => {
    const [, publisher] = jobFunction('statistics publisher');
    const query = roleStatements(publisher).filter((s) => actionsOf(s).includes('dynamodb:Query'));
    expect(query).toHaveLength(1);
    expect(query[0]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [DELETED_CASES_PK] } });
  });
});
