// The agency user pool (lib/auth.ts) on its own, in a bare stack: admin-created accounts only, TOTP MFA required,
// the password policy, the organization attribute users cannot write, one group per role, the login client, and
// cdk-nag's AwsSolutions pack with nothing left unacknowledged.
import { App, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { AGENCY_ROLES } from '#contract/agencyRoles.js';
import { AGENCY_GROUPS, AgencyAuth, type AgencyAuthProps } from '#lib/auth.js';

type Json = any;

function synth(props: Partial<AgencyAuthProps> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'AuthTest');
  const auth = new AgencyAuth(stack, 'Auth', { name: 'Test', ...props });
  return { app, stack, auth, template: Template.fromStack(stack) };
}

const { app, stack, auth, template } = synth();
const only = (type: string): Json => {
  const found = Object.values(template.findResources(type));
  expect(found, type).toHaveLength(1);
  return found[0];
};
const pool = () => only('AWS::Cognito::UserPool');
const client = () => only('AWS::Cognito::UserPoolClient').Properties;

describe('user pool', () => {
  it('lets only administrators create accounts', () => {
    expect(pool().Properties.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
  });

  it('requires TOTP MFA for everyone, and offers no SMS', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    expect(pool().Properties.SmsConfiguration).toBeUndefined();
    expect(Object.keys(template.findResources('AWS::IAM::Role'))).toHaveLength(0);
  });

  it('has a strong password policy, with temporary passwords valid 3 days', () => {
    expect(pool().Properties.Policies.PasswordPolicy).toEqual({
      MinimumLength: 14,
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 3,
    });
  });

  it('signs in by username (the e-mail address), case-insensitively, with no alias', () => {
    const props = pool().Properties;
    expect(props.UsernameAttributes).toBeUndefined();
    expect(props.AliasAttributes).toBeUndefined();
    expect(props.UsernameConfiguration).toEqual({ CaseSensitive: false });
  });

  it('requires an e-mail and carries the organization as a custom attribute, not developer-only', () => {
    const schema: Json[] = pool().Properties.Schema;
    expect(schema).toContainEqual({ Name: 'email', Required: true, Mutable: true });
    const org = schema.find((a) => a.Name === 'organizationId');
    expect(org).toEqual({
      Name: 'organizationId',
      AttributeDataType: 'String',
      Mutable: true,
      StringAttributeConstraints: { MinLength: '2', MaxLength: '64' },
    });
    expect(org.DeveloperOnlyAttribute).toBeUndefined();
  });

  it('has no self-service account recovery: an administrator resets passwords and authenticators', () => {
    expect(pool().Properties.AccountRecoverySetting).toEqual({ RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] });
  });

  it('is on the Lite plan without threat protection by default', () => {
    expect(pool().Properties.UserPoolTier).toBe('LITE');
    expect(pool().Properties.UserPoolAddOns).toBeUndefined();
  });

  it('is kept when the stack goes, with deletion protection on', () => {
    expect(pool().DeletionPolicy).toBe('Retain');
    expect(pool().UpdateReplacePolicy).toBe('Retain');
    expect(pool().Properties.DeletionProtection).toBe('ACTIVE');
  });

  it('can be made disposable for a training stack', () => {
    const disposable = synth({ removalPolicy: RemovalPolicy.DESTROY }).template;
    const [p] = Object.values(disposable.findResources('AWS::Cognito::UserPool')) as Json[];
    expect(p.DeletionPolicy).toBe('Delete');
    expect(p.Properties.DeletionProtection).toBe('INACTIVE');
  });

  it('mails the temporary password with a message naming the username and the code', () => {
    const invite = pool().Properties.AdminCreateUserConfig.InviteMessageTemplate;
    expect(invite.EmailMessage).toContain('{username}');
    expect(invite.EmailMessage).toContain('{####}');
  });
});

describe('groups', () => {
  it('has exactly one group per agency role, named after it', () => {
    expect(AGENCY_GROUPS).toEqual(AGENCY_ROLES);
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')) as Json[];
    expect(groups.map((g) => g.Properties.GroupName).sort()).toEqual(['handler', 'oversight', 'supervisor']);
    const poolId = Object.keys(template.findResources('AWS::Cognito::UserPool'))[0];
    for (const g of groups) expect(g.Properties.UserPoolId).toEqual({ Ref: poolId });
    expect(Object.keys(auth.groups).sort()).toEqual(['handler', 'oversight', 'supervisor']);
  });
});

describe('login client', () => {
  it('has no secret and allows USER_PASSWORD_AUTH (and refresh) only, without OAuth', () => {
    const props = client();
    expect(props.GenerateSecret).toBe(false);
    expect([...props.ExplicitAuthFlows].sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH']);
    expect(props.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(props.AllowedOAuthFlows).toBeUndefined();
    expect(props.CallbackURLs).toBeUndefined();
  });

  it('hides whether a user exists, and revokes tokens on sign-out', () => {
    expect(client().PreventUserExistenceErrors).toBe('ENABLED');
    expect(client().EnableTokenRevocation).toBe(true);
  });

  it('issues 15-minute ID and access tokens and 12-hour refresh tokens', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      IdTokenValidity: 15,
      AccessTokenValidity: 15,
      RefreshTokenValidity: 720,
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'minutes' },
    });
  });

  it('reads custom:organizationId into the token, and never lets users write it or their e-mail', () => {
    const props = client();
    expect(props.ReadAttributes).toEqual(expect.arrayContaining(['custom:organizationId', 'email']));
    expect(props.WriteAttributes).not.toContain('custom:organizationId');
    expect(props.WriteAttributes).not.toContain('email');
    // An empty list would mean "every standard attribute" to Cognito.
    expect(props.WriteAttributes.length).toBeGreaterThan(0);
  });

  it('hands PortalApi the pool and client ids', () => {
    expect(stack.resolve(auth.pool)).toEqual({
      userPoolId: { Ref: Object.keys(template.findResources('AWS::Cognito::UserPool'))[0] },
      userPoolClientId: { Ref: Object.keys(template.findResources('AWS::Cognito::UserPoolClient'))[0] },
    });
  });
});

describe('cdk-nag AwsSolutions', () => {
  const acknowledged = (scope: typeof auth.userPool) =>
    scope.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .map(([id, reason]) => ({ id: id.replace(/^annotation::/i, ''), reason }));

  it('reports no unacknowledged error or warning', () => {
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    expect(report.violations.filter((v) => v.severity === 'error')).toEqual([]);
    expect(report.violations).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('acknowledges only the Plus-tier rule (COG8), with its reason in code', () => {
    expect(acknowledged(auth.userPool)).toEqual([
      { id: 'AwsSolutions-COG8', reason: expect.stringMatching(/Lite feature plan on purpose/) },
    ]);
  });

  it('needs no acknowledgement with threat protection on (Plus, enforced)', () => {
    const protectedPool = synth({ threatProtection: true });
    protectedPool.template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: Match.objectLike({ AdvancedSecurityMode: 'ENFORCED' }),
    });
    expect(acknowledged(protectedPool.auth.userPool)).toEqual([]);
    expect(new AwsSolutionsChecks(protectedPool.app).validateScope(protectedPool.stack).violations).toEqual([]);
  });
});
