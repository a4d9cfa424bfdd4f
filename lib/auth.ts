// Agency sign-in: the Cognito user pool that agency staff and the oversight body sign in to, and the app client the
// `login` function uses (USER_PASSWORD_AUTH, then the TOTP challenge; functions/adapters/cognitoIdentity.ts).
// Accounts are created by an administrator only (`npm run users:create`); there is no sign-up.
//
// What the handlers read from the ID token (functions/core/identity.ts):
//   cognito:username        the sign-in name, which is the person's e-mail address (the audit trail's actor)
//   custom:organizationId   the organization whose queue they work (set by the administrator, never by the user)
//   cognito:groups          their role: one of AGENCY_GROUPS (handler, supervisor, oversight)
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { AGENCY_ROLES, type AgencyRole, CLAIMS } from '#contract/agencyRoles.js';
import type { AgencyUserPool } from './api.js';

/** One Cognito group per role; the group name is the role (functions/core/identity.ts reads `cognito:groups`). */
export const AGENCY_GROUPS: readonly AgencyRole[] = AGENCY_ROLES;

/** The custom attribute's name in the pool; the token claim is `custom:organizationId`. */
export const ORGANIZATION_ATTRIBUTE = CLAIMS.organizationId.replace(/^custom:/, '');

const GROUP_DESCRIPTIONS: Record<AgencyRole, string> = {
  handler: "Works its organization's case queue",
  supervisor: "Works its organization's case queue and transfers cases to other organizations",
  oversight: 'The oversight body: also sees cases escalated to it and reports about organization heads',
};

/** Lower wins in Cognito when a user is in several groups; identity.ts likewise picks the most powerful role. */
const GROUP_PRECEDENCE: Record<AgencyRole, number> = { oversight: 1, supervisor: 2, handler: 3 };

export const PASSWORD_POLICY = {
  minLength: 14,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
  tempPasswordValidity: Duration.days(3),
} as const;

export const TOKEN_VALIDITY = {
  id: Duration.minutes(15),
  access: Duration.minutes(15),
  refresh: Duration.hours(12),
} as const;

export interface AgencyAuthProps {
  /** e.g. `CleanPortal-kr-dev`: prefixes the pool's and the client's names. */
  readonly name: string;
  /**
   * What happens to the pool (every account, its MFA enrolment and its group memberships) when the stack goes.
   * With anything but `DESTROY`, the pool also has Cognito's deletion protection on. @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Cognito's threat protection (compromised-credential and adaptive sign-in checks, enforced). Needs the Plus
   * feature plan, which is billed for every monthly active user with no free tier. @default false (Lite plan)
   */
  readonly threatProtection?: boolean;
}

export class AgencyAuth extends Construct {
  readonly userPool: UserPool;
  /** The `login` function's app client: no secret, USER_PASSWORD_AUTH only. */
  readonly client: UserPoolClient;
  /** What `PortalApi` takes (`userPool` prop): the pool id and the app client id. */
  readonly pool: AgencyUserPool;
  /** One group per role, by role. */
  readonly groups: Readonly<Record<AgencyRole, CfnUserPoolGroup>>;

  constructor(scope: Construct, id: string, props: AgencyAuthProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const threatProtection = props.threatProtection ?? false;

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `${props.name}-agency`,
      // Only an administrator creates accounts (AdminCreateUser); nobody can sign themselves up.
      selfSignUpEnabled: false,
      // The username is the person's e-mail address, as given to `npm run users:create`. Username sign-in (and not
      // Cognito's "email as username" mode) keeps `cognito:username` the address itself rather than a random UUID,
      // so the audit trail names a person; it also rules out e-mail as an alias, which Cognito only allows for
      // usernames that are not addresses. Case-insensitive, so Jane@Agency.go.kr and jane@agency.go.kr are one.
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: {
        // Where Cognito sends the temporary password. Only an administrator can change it (not in writeAttributes).
        email: { required: true, mutable: true },
      },
      customAttributes: {
        // Mutable so that an administrator can move someone to another organization (AdminUpdateUserAttributes)
        // without deleting the account and its MFA enrolment; immutability could never be added back later
        // either. Users cannot change it: the app client may not write it (below), only IAM-authorized admin
        // calls can. Bounds match the country pack's organization ids.
        [ORGANIZATION_ATTRIBUTE]: new StringAttribute({ minLen: 2, maxLen: 64, mutable: true }),
      },
      mfa: Mfa.REQUIRED,
      // TOTP (an authenticator app) only: SMS codes can be intercepted or SIM-swapped, and would need an SNS role.
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: PASSWORD_POLICY,
      // No self-service password reset: the portal has no reset flow, a reset code mailed to a staff mailbox
      // would be a way around the password, and a public ForgotPassword call would let anyone send staff reset
      // mails. A forgotten password or a lost authenticator goes to the administrator (admin_only), who also
      // checks who is asking.
      accountRecovery: AccountRecovery.NONE,
      userInvitation: {
        emailSubject: 'Your Clean Portal agency account',
        emailBody:
          'An administrator has created your Clean Portal agency account.<br><br>' +
          'Username: {username}<br>Temporary password: {####}<br><br>' +
          'The temporary password expires in 3 days. At your first sign-in you choose a new password ' +
          '(at least 14 characters with upper- and lower-case letters, digits and symbols) and set up an ' +
          'authenticator app. Nobody from the portal will ever ask you for either.',
      },
      // Lite: the cheapest plan, and it has everything used here (TOTP MFA, groups, custom attributes). Plus,
      // billed per active user with no free tier, is needed only for threat protection.
      featurePlan: threatProtection ? FeaturePlan.PLUS : FeaturePlan.LITE,
      ...(threatProtection ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      deletionProtection: removalPolicy !== RemovalPolicy.DESTROY,
      removalPolicy,
    });

    if (!threatProtection) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'Lite feature plan on purpose: Plus (threat protection) is billed per monthly active user with no free ' +
          'tier. Sign-in is already guarded by admin-created accounts only, TOTP MFA required for everyone, a ' +
          '14-character password policy, Cognito lockout after failed attempts and API Gateway throttling of ' +
          'POST /auth/login. Set `threatProtection: true` to switch to Plus with enforced threat protection.',
      });
    }

    // The `login` function's client. No secret (a Lambda that would hold it gains nothing over its IAM role), no
    // OAuth or hosted UI, USER_PASSWORD_AUTH only (the password travels over TLS to Cognito; no SRP, no admin or
    // custom flows). Short-lived tokens: the ID token is the portal's bearer token.
    this.client = this.userPool.addClient('LoginClient', {
      userPoolClientName: `${props.name}-agency-login`,
      generateSecret: false,
      authFlows: { userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: TOKEN_VALIDITY.id,
      accessTokenValidity: TOKEN_VALIDITY.access,
      refreshTokenValidity: TOKEN_VALIDITY.refresh,
      // The ID token carries what the handlers need.
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, locale: true })
        .withCustomAttributes(ORGANIZATION_ATTRIBUTE),
      // Users may write their locale and nothing else: not their e-mail, never their organization. (Cognito treats
      // an empty list as "all standard attributes", so the list cannot be empty.)
      writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
    });

    const groups = {} as Record<AgencyRole, CfnUserPoolGroup>;
    for (const role of AGENCY_GROUPS) {
      groups[role] = new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: GROUP_DESCRIPTIONS[role],
        precedence: GROUP_PRECEDENCE[role],
      });
    }
    this.groups = groups;

    this.pool = { userPoolId: this.userPool.userPoolId, userPoolClientId: this.client.userPoolClientId };
  }
}
