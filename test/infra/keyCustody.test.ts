// Key custody (lib/keyCustody.ts): every portal key's policy, statement by statement, on the stack the infra
// project's global setup synthesized; and the mirror that builds the use statements from the roles' grants, on a
// bare stack.
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { DEPLOY_ROLE_KEY_ACTIONS, KEY_ADMIN_ACTIONS, KeyCustody, principalArns } from '#lib/keyCustody.js';
import { sharedPortalStack } from './support/sharedPortalStack.js';
import { type CfnResource, type Json, ofType } from './support/template.js';

const { resources } = sharedPortalStack();

const USE_ACTIONS = /^kms:(Encrypt|Decrypt|ReEncrypt|GenerateDataKey|GenerateMac|VerifyMac|Sign|Verify|CreateGrant|\*)/;
const DANGEROUS = ['kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:PutKeyPolicy'];
const ACCOUNT_ROOT = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] };
const DEPLOY_ROLE = {
  'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-cfn-exec-role-${AWS::AccountId}-${AWS::Region}',
};
const via = (service: string) => ({ 'Fn::Join': ['', [`${service}.`, { Ref: 'AWS::Region' }, '.amazonaws.com']] });

/** An IAM action pattern (with `*`) matching an action. */
const matches = (pattern: string, action: string) => new RegExp(`^${pattern.replace(/\*/g, '.*')}$`).test(action);
const actionsOf = (s: Json): string[] => [s.Action].flat().sort();
const awsPrincipals = (s: Json): Json[] => [s.Principal?.AWS ?? []].flat();
const keys = ofType(resources, 'AWS::KMS::Key');
const keyId = (part: string): string => {
  const found = keys.filter(([id]) => id.includes(part));
  expect(found, part).toHaveLength(1);
  return found[0]![0];
};
const statementsOf = (id: string): Json[] => (resources[id] as CfnResource).Properties.KeyPolicy.Statement;
const roleId = (part: string): string => {
  const found = ofType(resources, 'AWS::IAM::Role').filter(([id]) => id.startsWith(part));
  expect(found, part).toHaveLength(1);
  return found[0]![0];
};
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

/** Every Allow statement of a role's policies whose resources name the key, as [role logical id, statement]. */
function roleStatementsNaming(key: string): [string, Json][] {
  const found: [string, Json][] = [];
  for (const [, policy] of ofType(resources, 'AWS::IAM::Policy')) {
    for (const statement of policy.Properties.PolicyDocument.Statement as Json[]) {
      if (!([statement.Resource].flat() as Json[]).some((r) => JSON.stringify(r) === JSON.stringify(arnOf(key)))) continue;
      for (const role of policy.Properties.Roles as Json[]) found.push([role.Ref, statement]);
    }
  }
  return found;
}

describe('every portal key', () => {
  it('is one of eight, each retained', () => {
    const names = ['TableKey', 'AttachmentsKey', 'CaseTextKey', 'AuditMacKey', 'ReceiptKey', 'PepperKey', 'AlarmTopicKey', 'VaultKey'];
    expect(keys).toHaveLength(names.length);
    for (const name of names) expect(resources[keyId(name)]!.DeletionPolicy, name).toBe('Retain');
  });

  it('trusts neither the account root nor anyone with kms:*', () => {
    for (const [id] of keys) {
      for (const statement of statementsOf(id)) {
        expect(statement.Effect, id).toBe('Allow');
        expect(
          awsPrincipals(statement).map((p) => JSON.stringify(p)),
          id,
        ).not.toContain(JSON.stringify(ACCOUNT_ROOT));
        expect(actionsOf(statement), id).not.toContain('kms:*');
        expect(statement.Resource, id).toBe('*');
      }
    }
  });

  it('is administered by the key-admin and break-glass roles, which cannot use it', () => {
    const admins = [arnOf(roleId('KeyCustodyBreakGlassRole')), arnOf(roleId('KeyCustodyKeyAdminRole'))];
    for (const [id] of keys) {
      const admin = statementsOf(id).filter((s) => s.Sid === 'KeyAdministrationByTheKeyAdminAndBreakGlassRoles');
      expect(admin, id).toHaveLength(1);
      expect(admin[0].Principal.AWS).toEqual(admins);
      expect(actionsOf(admin[0])).toEqual([...KEY_ADMIN_ACTIONS].sort());
      expect(actionsOf(admin[0]).filter((a) => USE_ACTIONS.test(a))).toEqual([]);
      expect(admin[0].Condition).toBeUndefined();
    }
  });

  it('lets the deploy role keep it up to date, but not disable or delete it', () => {
    for (const [id] of keys) {
      const upkeep = statementsOf(id).filter((s) => s.Sid === 'KeyUpkeepByTheDeployRole');
      expect(upkeep, id).toHaveLength(1);
      expect(upkeep[0].Principal.AWS).toEqual(DEPLOY_ROLE);
      expect(actionsOf(upkeep[0])).toEqual([...DEPLOY_ROLE_KEY_ACTIONS].sort());
      expect(actionsOf(upkeep[0])).not.toContain('kms:ScheduleKeyDeletion');
      expect(actionsOf(upkeep[0])).not.toContain('kms:DisableKey');
    }
  });

  it('lets nobody but the admin roles schedule deletion or disable it, and only they and the deploy role put its policy', () => {
    for (const [id] of keys) {
      for (const statement of statementsOf(id)) {
        const dangerous = DANGEROUS.filter((action) => actionsOf(statement).some((pattern) => matches(pattern, action)));
        if (dangerous.length === 0) continue;
        if (statement.Sid === 'KeyUpkeepByTheDeployRole') expect(dangerous, id).toEqual(['kms:PutKeyPolicy']);
        else expect(statement.Sid, `${id}: ${dangerous}`).toBe('KeyAdministrationByTheKeyAdminAndBreakGlassRoles');
      }
    }
  });

  it('is used by exactly the roles whose grants name it, with the same actions and conditions', () => {
    for (const [id] of keys) {
      const mirrored = statementsOf(id).filter((s) => /^Use\d+By/.test(s.Sid ?? ''));
      const granted = roleStatementsNaming(id).map(([role, s]) => ({
        principal: arnOf(role),
        actions: actionsOf(s).filter((a) => a.startsWith('kms:')),
        condition: s.Condition,
      }));
      expect(
        mirrored.map((s) => ({ principal: s.Principal.AWS, actions: actionsOf(s), condition: s.Condition })),
        id,
      ).toEqual(granted);
    }
  });
});

describe('each key, its other statements', () => {
  /** The statements that are neither administration, upkeep nor mirrored use. */
  const others = (part: string) =>
    statementsOf(keyId(part)).filter(
      (s) =>
        !['KeyAdministrationByTheKeyAdminAndBreakGlassRoles', 'KeyUpkeepByTheDeployRole'].includes(s.Sid) && !/^Use\d+By/.test(s.Sid ?? ''),
    );

  it('table key: the deploy role through DynamoDB from this account (to create the table), DynamoDB describing it', () => {
    expect(others('TableKey')).toEqual([
      {
        Sid: 'DeployRoleUseThroughdynamodb',
        Effect: 'Allow',
        Principal: { AWS: DEPLOY_ROLE },
        Action: ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:ViaService': via('dynamodb'), 'kms:CallerAccount': { Ref: 'AWS::AccountId' } } },
      },
      {
        Sid: 'DynamoDBDescribesTheKey',
        Effect: 'Allow',
        Principal: { Service: 'dynamodb.amazonaws.com' },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'],
        Resource: '*',
      },
    ]);
  });

  it('pepper key: the deploy role through Secrets Manager, and the roles that read the pepper, through Secrets Manager only', () => {
    const [deploy, readers, ...rest] = others('PepperKey');
    expect(rest).toEqual([]);
    expect(deploy).toEqual({
      Sid: 'DeployRoleUseThroughsecretsmanager',
      Effect: 'Allow',
      Principal: { AWS: DEPLOY_ROLE },
      Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': via('secretsmanager'), 'kms:CallerAccount': { Ref: 'AWS::AccountId' } } },
    });
    expect(readers.Action).toBe('kms:Decrypt');
    expect(readers.Condition).toEqual({ StringEquals: { 'kms:ViaService': via('secretsmanager') } });
    // Exactly the roles granted the pepper secret (secretsmanager:GetSecretValue on it).
    const [pepperId] = ofType(resources, 'AWS::SecretsManager::Secret').find(([id]) => id.includes('TrackingCodePepper'))!;
    const pepperReaders = new Set<string>();
    for (const [, policy] of ofType(resources, 'AWS::IAM::Policy')) {
      for (const s of policy.Properties.PolicyDocument.Statement as Json[]) {
        if ([s.Action].flat().includes('secretsmanager:GetSecretValue') && [s.Resource].flat().some((r: Json) => r.Ref === pepperId)) {
          for (const role of policy.Properties.Roles as Json[]) pepperReaders.add(role.Ref);
        }
      }
    }
    expect(pepperReaders.size).toBeGreaterThan(0);
    expect(new Set(awsPrincipals(readers).map((p) => p['Fn::GetAtt'][0]))).toEqual(pepperReaders);
  });

  it('the pepper is encrypted with the pepper key', () => {
    const [, pepper] = ofType(resources, 'AWS::SecretsManager::Secret').find(([id]) => id.includes('TrackingCodePepper'))!;
    expect(pepper.Properties.KmsKeyId).toEqual(arnOf(keyId('PepperKey')));
    expect(pepper.Properties.ReplicaRegions).toBeUndefined();
  });

  it('vault key: the deploy role through AWS Backup from this account, to create the vault', () => {
    expect(others('VaultKey')).toEqual([
      {
        Sid: 'DeployRoleUseThroughbackup',
        Effect: 'Allow',
        Principal: { AWS: DEPLOY_ROLE },
        Action: ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey', 'kms:RetireGrant'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:ViaService': via('backup'), 'kms:CallerAccount': { Ref: 'AWS::AccountId' } } },
      },
    ]);
  });

  it('alarm topic key: CloudWatch alarms and EventBridge rules may publish to the encrypted topic', () => {
    expect(others('AlarmTopicKey').map((s) => [s.Principal.Service, actionsOf(s)])).toEqual([
      ['cloudwatch.amazonaws.com', ['kms:Decrypt', 'kms:GenerateDataKey*']],
      ['events.amazonaws.com', ['kms:Decrypt', 'kms:GenerateDataKey*']],
    ]);
  });

  it('case-text, attachment and audit MAC keys: nothing beyond administration, upkeep and the granted roles', () => {
    for (const part of ['CaseTextKey', 'AttachmentsKey', 'AuditMacKey']) expect(others(part), part).toEqual([]);
  });

  it('the two custody roles are named, trust the account by default, and hold no policy of their own', () => {
    for (const [part, name] of [
      ['KeyCustodyKeyAdminRole', 'CleanPortal-kr-dev-key-admin'],
      ['KeyCustodyBreakGlassRole', 'CleanPortal-kr-dev-break-glass'],
    ] as const) {
      const role = resources[roleId(part)]!;
      expect(role.Properties.RoleName).toBe(name);
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: ACCOUNT_ROOT } },
      ]);
      expect(role.Properties.Policies).toBeUndefined();
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('KeyCustody on a bare stack', () => {
  function custodyStack(context: Record<string, unknown> = {}) {
    const app = new App({ context });
    const stack = new Stack(app, 'CustodyTest');
    const custody = new KeyCustody(stack, 'Custody', {
      name: 'P',
      ...(principalArns(app.node.tryGetContext('keyAdminPrincipals'), 'keyAdminPrincipals')
        ? { keyAdminPrincipals: principalArns(app.node.tryGetContext('keyAdminPrincipals'), 'keyAdminPrincipals')! }
        : {}),
    });
    const key = custody.key(stack, 'DataKey', { description: 'data' });
    const role = new Role(stack, 'Reader', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    return { app, stack, custody, key, role };
  }
  const policyOf = (stack: Stack) => {
    const t = Template.fromStack(stack).toJSON().Resources as Record<string, CfnResource>;
    return ofType(t, 'AWS::KMS::Key')[0]![1].Properties.KeyPolicy.Statement as Json[];
  };

  it('mirrors a grant made after the key, with its condition, and nothing granted on other resources', () => {
    const { stack, key, role } = custodyStack();
    key.grantDecrypt(role);
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:GenerateDataKey'],
        resources: [key.keyArn],
        conditions: { StringEquals: { 'kms:EncryptionContext:purpose': 'case-text' } },
      }),
    );
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['kms:Decrypt'], resources: ['*'] }));
    const use = policyOf(stack).filter((s) => /^Use/.test(s.Sid));
    const roleArn = { 'Fn::GetAtt': [stack.getLogicalId(role.node.defaultChild as never), 'Arn'] };
    expect(use).toEqual([
      { Sid: expect.stringMatching(/^Use1By/), Effect: 'Allow', Principal: { AWS: roleArn }, Action: 'kms:Decrypt', Resource: '*' },
      {
        Sid: expect.stringMatching(/^Use2By/),
        Effect: 'Allow',
        Principal: { AWS: roleArn },
        Action: 'kms:GenerateDataKey',
        Resource: '*',
        Condition: { StringEquals: { 'kms:EncryptionContext:purpose': 'case-text' } },
      },
    ]);
  });

  it('a key nobody is granted has no use statement at all', () => {
    const { stack } = custodyStack();
    expect(policyOf(stack).map((s) => s.Sid)).toEqual(['KeyAdministrationByTheKeyAdminAndBreakGlassRoles', 'KeyUpkeepByTheDeployRole']);
  });

  it('-c keyAdminPrincipals names who may assume the key-admin role; a wrong ARN is refused', () => {
    const admin = 'arn:aws:iam::111122223333:role/SecurityOfficer';
    const { stack } = custodyStack({ keyAdminPrincipals: `${admin}, arn:aws:iam::111122223333:user/alice` });
    const roles = ofType(Template.fromStack(stack).toJSON().Resources, 'AWS::IAM::Role');
    const [, adminRole] = roles.find(([id]) => id.includes('KeyAdminRole'))!;
    const trusted = (adminRole.Properties.AssumeRolePolicyDocument.Statement as Json[]).flatMap((st) => [st.Principal.AWS].flat());
    expect(trusted.sort()).toEqual([admin, 'arn:aws:iam::111122223333:user/alice']);
    expect(() => principalArns('arn:aws:s3:::bucket', 'keyAdminPrincipals')).toThrow(/-c keyAdminPrincipals: "arn:aws:s3:::bucket"/);
    expect(principalArns('', 'keyAdminPrincipals')).toBeUndefined();
  });
});
