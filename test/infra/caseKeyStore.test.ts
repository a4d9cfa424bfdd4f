// The case keys' own table (lib/caseKeyStore.ts, docs/crypto-shredding.md): apart from the case table, a one-day
// point-in-time window, no backup or export of it allowed, kept when the stack goes; every function that builds the
// portal's dependencies names it, the ones that seal may create a key, the ones that open may only read one, and no
// function may delete one until the deletion path is granted its shred.
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#contract/routes.js';
import { FUNCTION_ACCESS } from '#lib/api.js';
import { CASE_KEY_COPY_ACTIONS, CASE_KEY_RECOVERY_DAYS } from '#lib/caseKeyStore.js';
import { sharedPortalStack } from './support/sharedPortalStack.js';
import { type CfnResource, type Json, ofType as ofTypeIn } from './support/template.js';

let resources: Record<string, CfnResource>;
beforeAll(() => {
  ({ resources } = sharedPortalStack());
});

const ofType = (type: string) => ofTypeIn(resources, type);
const keyTable = (): [string, CfnResource] => {
  const found = ofType('AWS::DynamoDB::Table').filter(([id]) => id.startsWith('CaseKeys'));
  expect(found).toHaveLength(1);
  return found[0]!;
};
const functionOf = (handler: string): CfnResource => {
  const route = ROUTES.find((r) => r.handler === handler)!;
  return ofType('AWS::Lambda::Function').find(([, r]) =>
    String(r.Properties.Description).endsWith(`: ${route.method} /api${route.resource}`),
  )![1];
};
/** The actions a function's role may take on the key table. */
const keyTableActions = (fn: CfnResource): string[] => {
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  const [tableId] = keyTable();
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[])
    .filter((st) => JSON.stringify(st.Resource).includes(`"${tableId}"`))
    .flatMap((st) => [st.Action].flat() as string[])
    .sort();
};

describe('case key table', () => {
  it('keeps a one-day point-in-time window, is kept on stack deletion and is protected from deletion', () => {
    const [, table] = keyTable();
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({
      PointInTimeRecoveryEnabled: true,
      RecoveryPeriodInDays: CASE_KEY_RECOVERY_DAYS,
    });
    expect(CASE_KEY_RECOVERY_DAYS).toBe(1);
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties.KeySchema).toEqual([{ AttributeName: 'caseId', KeyType: 'HASH' }]);
    expect(table.Properties.StreamSpecification).toBeUndefined();
  });

  it('refuses backups, exports and replicas to everyone', () => {
    const [, table] = keyTable();
    const statements = table.Properties.ResourcePolicy.PolicyDocument.Statement as Json[];
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Principal: { AWS: '*' }, Action: [...CASE_KEY_COPY_ACTIONS].sort(), Resource: '*' }),
    );
  });

  it('is selected by no backup plan', () => {
    const [tableId] = keyTable();
    for (const [, selection] of ofType('AWS::Backup::BackupSelection')) {
      expect(JSON.stringify(selection.Properties)).not.toContain(`"${tableId}"`);
    }
  });
});

describe('who may use the case keys', () => {
  it('names the table to every function that builds the portal dependencies, and to the deadline sweep', () => {
    const [tableId] = keyTable();
    const builders = ofType('AWS::Lambda::Function').filter(([, r]) => r.Properties.Environment?.Variables?.KMS_KEY_ID);
    expect(builders.length).toBeGreaterThan(10);
    for (const [, fn] of builders) expect(fn.Properties.Environment.Variables.CASE_KEY_TABLE).toEqual({ Ref: tableId });
  });

  it('lets the sealing functions create and read a key, the opening ones only read, and none delete', () => {
    for (const [handler, access] of Object.entries(FUNCTION_ACCESS)) {
      const expected =
        access.caseText === 'seal' ? ['dynamodb:GetItem', 'dynamodb:PutItem'] : access.caseText === 'open' ? ['dynamodb:GetItem'] : [];
      expect(keyTableActions(functionOf(handler)), handler).toEqual(expected);
    }
  });
});
