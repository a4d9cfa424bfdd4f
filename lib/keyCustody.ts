// Key custody (issue 13): every portal KMS key's policy separates administration from use. Administration belongs to
// two named roles, the key-admin role and the break-glass role, and to the deploy role (CloudFormation's execution
// role) for the upkeep a stack update makes; nobody else may ScheduleKeyDeletion, DisableKey or PutKeyPolicy, and no
// statement trusts the account root. Use belongs to exactly the roles whose identity policies name the key: an Aspect
// copies each such statement (same actions, same conditions) into the key's policy with that role as principal, so
// the key policy follows whatever grants lib/api.ts and lib/jobs.ts give, and to the AWS services a key serves,
// through `kms:ViaService` where the service acts for a caller.
import { AspectPriority, Aspects, DefaultStackSynthesizer, Duration, Fn, type IAspect, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import {
  AccountRootPrincipal,
  ArnPrincipal,
  CfnManagedPolicy,
  CfnPolicy,
  CfnRole,
  CompositePrincipal,
  type IPrincipal,
  PolicyDocument,
  PolicyStatement,
  Role,
  ServicePrincipal,
} from 'aws-cdk-lib/aws-iam';
import { type CfnKey, Key, type KeyProps } from 'aws-cdk-lib/aws-kms';
import { Construct, type IConstruct } from 'constructs';

/**
 * What administering a key takes, and nothing that uses it (no Encrypt, Decrypt, GenerateDataKey*, ReEncrypt*,
 * GenerateMac, VerifyMac, Sign): the key administrators' list of the KMS guide, spelled out so no wildcard can match
 * a use action.
 */
export const KEY_ADMIN_ACTIONS = [
  'kms:CancelKeyDeletion',
  'kms:CreateAlias',
  'kms:DeleteAlias',
  'kms:DescribeKey',
  'kms:DisableKey',
  'kms:DisableKeyRotation',
  'kms:EnableKey',
  'kms:EnableKeyRotation',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListAliases',
  'kms:ListGrants',
  'kms:ListKeyPolicies',
  'kms:ListKeyRotations',
  'kms:ListResourceTags',
  'kms:PutKeyPolicy',
  'kms:RetireGrant',
  'kms:RevokeGrant',
  'kms:RotateKeyOnDemand',
  'kms:ScheduleKeyDeletion',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
] as const;

/**
 * What CloudFormation needs to update a key it created: read it, replace its policy, turn rotation on, change its
 * description, tags and aliases. Not DisableKey, not ScheduleKeyDeletion: every portal key is retained, so no stack
 * operation ever deletes or disables one. PutKeyPolicy is here because without it no stack update could change a key
 * policy, and KMS's lockout check refuses a CreateKey/PutKeyPolicy whose policy would not let the caller put the next
 * one (we keep that check on: BypassPolicyLockoutSafetyCheck stays false).
 */
export const DEPLOY_ROLE_KEY_ACTIONS = [
  'kms:CreateAlias',
  'kms:DeleteAlias',
  'kms:DescribeKey',
  'kms:EnableKeyRotation',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListResourceTags',
  'kms:PutKeyPolicy',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
] as const;

export interface KeyCustodyProps {
  /** e.g. `CleanPortal-kr-dev`: names the two roles (`<name>-key-admin`, `<name>-break-glass`). */
  readonly name: string;
  /** Who may assume the key-admin role (ARNs). @default the account: IAM decides who may call sts:AssumeRole on it */
  readonly keyAdminPrincipals?: readonly string[];
  /** Who may assume the break-glass role (ARNs). @default the account, as above */
  readonly breakGlassPrincipals?: readonly string[];
  /** The role CloudFormation deploys with. @default the CDK bootstrap's cfn-exec-role of the stack's synthesizer */
  readonly deployRoleArn?: string;
}

/** A service acting on a key for a caller, named in `kms:ViaService` (e.g. `dynamodb`, `secretsmanager`). */
export interface ViaServiceUse {
  readonly service: string;
  readonly principal: IPrincipal;
  readonly actions: readonly string[];
  readonly sid: string;
}

export interface CustodialKeyProps extends Omit<KeyProps, 'policy' | 'admins' | 'removalPolicy'> {
  /** The deploy role's use of the key through a service, e.g. creating the table (CreateGrant through DynamoDB). */
  readonly deployRoleUse?: { service: string; actions: readonly string[] };
  /** A service principal's direct use of the key (e.g. CloudWatch publishing to an encrypted topic). */
  readonly serviceUse?: { service: string; actions: readonly string[]; sid: string }[];
}

export class KeyCustody extends Construct {
  /** Administers every portal key; may not use any. */
  readonly keyAdminRole: Role;
  /** The same rights, held by other people, for when the key-admin role is lost or compromised (docs/operations.md). */
  readonly breakGlassRole: Role;
  readonly deployRoleArn: string;
  /** Every key under this custody, by construct path. */
  readonly keys: Key[] = [];

  constructor(scope: Construct, id: string, props: KeyCustodyProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.keyAdminRole = new Role(this, 'KeyAdminRole', {
      roleName: `${props.name}-key-admin`,
      description: `${props.name}: administers the portal's KMS keys; cannot encrypt, decrypt or sign with them`,
      assumedBy: assumers(props.keyAdminPrincipals),
      maxSessionDuration: Duration.hours(1),
    });
    this.breakGlassRole = new Role(this, 'BreakGlassRole', {
      roleName: `${props.name}-break-glass`,
      description: `${props.name}: emergency key administration when the key-admin role is lost (docs/operations.md)`,
      assumedBy: assumers(props.breakGlassPrincipals),
      maxSessionDuration: Duration.hours(1),
    });
    this.deployRoleArn = props.deployRoleArn ?? defaultDeployRoleArn(stack);
    Aspects.of(stack).add(new KeyUseMirror(this), { priority: AspectPriority.MUTATING });
  }

  /**
   * A retained, rotating key under this custody. Its policy starts with administration (key-admin and break-glass
   * roles) and the deploy role's upkeep; use statements are added by the mirror once every grant is in place.
   */
  key(scope: Construct, id: string, props: CustodialKeyProps): Key {
    const { deployRoleUse, serviceUse, ...keyProps } = props;
    const policy = new PolicyDocument({
      statements: [
        new PolicyStatement({
          sid: 'KeyAdministrationByTheKeyAdminAndBreakGlassRoles',
          principals: [new ArnPrincipal(this.keyAdminRole.roleArn), new ArnPrincipal(this.breakGlassRole.roleArn)],
          actions: [...KEY_ADMIN_ACTIONS],
          resources: ['*'],
        }),
        new PolicyStatement({
          sid: 'KeyUpkeepByTheDeployRole',
          principals: [new ArnPrincipal(this.deployRoleArn)],
          actions: [...DEPLOY_ROLE_KEY_ACTIONS],
          resources: ['*'],
        }),
      ],
    });
    const stack = Stack.of(this);
    if (deployRoleUse) {
      policy.addStatements(
        new PolicyStatement({
          sid: `DeployRoleUseThrough${deployRoleUse.service.replace(/[^A-Za-z0-9]/g, '')}`,
          principals: [new ArnPrincipal(this.deployRoleArn)],
          actions: [...deployRoleUse.actions],
          resources: ['*'],
          conditions: {
            StringEquals: {
              'kms:ViaService': `${deployRoleUse.service}.${stack.region}.amazonaws.com`,
              'kms:CallerAccount': stack.account,
            },
          },
        }),
      );
    }
    for (const use of serviceUse ?? []) {
      policy.addStatements(
        new PolicyStatement({
          sid: use.sid,
          principals: [new ServicePrincipal(use.service)],
          actions: [...use.actions],
          resources: ['*'],
        }),
      );
    }
    const key = new Key(scope, id, {
      // Symmetric keys rotate yearly; KMS rotates no HMAC key (a new one would be a new key id).
      ...(keyProps.keySpec === undefined ? { enableKeyRotation: true } : {}),
      ...keyProps,
      policy,
      // Every key holds or guards data (or the alarms about it): none leaves with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.keys.push(key);
    return key;
  }
}

function assumers(arns: readonly string[] | undefined): IPrincipal {
  if (!arns || arns.length === 0) return new AccountRootPrincipal();
  return new CompositePrincipal(...arns.map((arn) => new ArnPrincipal(arn)));
}

/** The role `cdk deploy` hands CloudFormation (the bootstrap's cfn-exec-role), as the stack's synthesizer names it. */
function defaultDeployRoleArn(stack: Stack): string {
  const synthesizer = stack.synthesizer;
  // The synthesizer's ARN carries ${AWS::AccountId}, ${AWS::Region} and ${AWS::Partition}: Fn::Sub fills them in.
  if (synthesizer instanceof DefaultStackSynthesizer) return Fn.sub(synthesizer.cloudFormationExecutionRoleArn);
  throw new Error('KeyCustody: this stack synthesizer names no deploy role; pass -c deployRoleArn=<the role CloudFormation deploys with>');
}

type PolicyJson = { Statement?: StatementJson[] };
type StatementJson = { Effect?: string; Action?: string | string[]; Resource?: unknown; Condition?: Record<string, unknown> };

/**
 * Copies into each custodial key's policy every Allow statement of a role's policies that names that key (its ARN
 * among the statement's resources): the statement's kms actions and conditions, with the role as principal and `*`
 * as the resource (a key policy's resource is the key itself). Runs once, on the stack, after construction, so every
 * grant made anywhere in the stack is in place.
 */
class KeyUseMirror implements IAspect {
  private done = false;

  constructor(private readonly custody: KeyCustody) {}

  visit(node: IConstruct): void {
    const stack = Stack.of(this.custody);
    if (node !== stack || this.done) return;
    this.done = true;
    const roles = new Map<string, CfnRole>();
    const policies: { roleRefs: unknown[]; document: unknown }[] = [];
    for (const c of stack.node.findAll()) {
      if (c instanceof CfnRole) {
        roles.set(stack.getLogicalId(c), c);
        const inline = stack.resolve(c.policies) as { PolicyDocument: unknown }[] | undefined;
        for (const p of inline ?? []) policies.push({ roleRefs: [{ Ref: stack.getLogicalId(c) }], document: p.PolicyDocument });
      } else if (c instanceof CfnPolicy || c instanceof CfnManagedPolicy) {
        policies.push({ roleRefs: (stack.resolve(c.roles) as unknown[] | undefined) ?? [], document: c.policyDocument });
      }
    }
    const keysByArn = new Map(this.custody.keys.map((key) => [JSON.stringify(stack.resolve(key.keyArn)), key]));
    for (const { roleRefs, document } of policies) {
      const statements = (stack.resolve(document) as PolicyJson).Statement ?? [];
      for (const ref of roleRefs) {
        const logicalId = (ref as { Ref?: string }).Ref;
        const role = logicalId ? roles.get(logicalId) : undefined;
        if (!role) continue;
        for (const statement of statements) this.mirror(statement, logicalId as string, role, keysByArn);
      }
    }
    const accountRoot = JSON.stringify(stack.resolve(new AccountRootPrincipal().arn));
    for (const key of this.custody.keys) dropAccountRootStatements(key, accountRoot);
  }

  private readonly counts = new Map<Key, number>();

  private mirror(statement: StatementJson, roleId: string, role: CfnRole, keysByArn: Map<string, Key>): void {
    if (statement.Effect !== 'Allow' || statement.Resource === undefined) return;
    const actions = ([] as string[]).concat(statement.Action ?? []).filter((a) => a.startsWith('kms:'));
    if (actions.length === 0) return;
    const resources = ([] as unknown[]).concat(statement.Resource);
    for (const resource of resources) {
      const key = keysByArn.get(JSON.stringify(resource));
      if (!key) continue;
      const n = (this.counts.get(key) ?? 0) + 1;
      this.counts.set(key, n);
      key.addToResourcePolicy(
        new PolicyStatement({
          sid: `Use${n}By${roleId}`.slice(0, 120),
          principals: [new ArnPrincipal(role.attrArn)],
          actions,
          resources: ['*'],
          ...(statement.Condition ? { conditions: statement.Condition } : {}),
        }),
      );
    }
  }
}

/**
 * The account root is no principal of a custodial key: a statement naming it would hand the key to whoever IAM
 * lets use it, every administrator included. CDK adds one on its own for a secret encrypted with a customer key
 * (the account, through Secrets Manager); the roles that read the secret have their own statements and the deploy
 * role its own, so it goes. The key's policy is fixed here, after every grant and the mirror have run.
 */
function dropAccountRootStatements(key: Key, accountRoot: string): void {
  const stack = Stack.of(key);
  const cfnKey = key.node.defaultChild as CfnKey;
  const document = stack.resolve(cfnKey.keyPolicy) as { Statement: { Principal?: { AWS?: unknown } }[] };
  const namesRoot = (principal: unknown) => ([] as unknown[]).concat(principal ?? []).some((p) => JSON.stringify(p) === accountRoot);
  const kept = document.Statement.filter((statement) => !namesRoot(statement.Principal?.AWS));
  if (kept.length === document.Statement.length) return;
  cfnKey.keyPolicy = { ...document, Statement: kept };
}

/** Splits a comma-separated context value of ARNs (e.g. `-c keyAdminPrincipals=arn:...,arn:...`). */
export function principalArns(value: unknown, flag: string): string[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`-c ${flag}=... must be a comma-separated list of IAM ARNs`);
  const arns = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const arn of arns) {
    if (!Token.isUnresolved(arn) && !/^arn:aws[a-z-]*:iam::\d{12}:(root|role\/.+|user\/.+)$/.test(arn)) {
      throw new Error(`-c ${flag}: "${arn}" is not an IAM role, user or account-root ARN`);
    }
  }
  return arns;
}
