// Template assertions on the synthesized stack. No bundling runs here ('aws:cdk:bundling-stacks': []): these
// tests check what CloudFormation will be asked to build, not the bundles (`npm run synth` builds those). The stack
// is synthesized once per run for every infra file (support/portalStackSetup.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditAnchorEnvironment,
  authEnvironment,
  portalEnvironment,
  packEnvironment,
  parseEnvironment,
  staffEnvironment,
  statisticsEnvironment,
} from '#runtime/config.js';
import { ROUTES, type Route } from '#contract/routes.js';
import { DEFAULT_LOOKUP_THROTTLE, DEFAULT_THROTTLE, FUNCTION_ACCESS } from '#lib/api.js';
import { PROJECT_ROOT } from '#lib/portalFunction.js';
import { PortalStack, portalStackName } from '#lib/portalStack.js';
import { appContext } from './support/appContext.js';
import { sharedPortalStack } from './support/sharedPortalStack.js';
import { type CfnResource, type Json, ofType as ofTypeIn, onlyOne as onlyOneIn } from './support/template.js';

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: Json;
  Condition?: Json;
}

let template: Template;
let resources: Record<string, CfnResource>;

// The whole stack is synthesized once per run, by the infra project's global setup (support/portalStackSetup.ts).
beforeAll(() => {
  ({ assertions: template, resources } = sharedPortalStack());
});

const ofType = (type: string) => ofTypeIn(resources, type);
const onlyOne = (type: string) => onlyOneIn(resources, type);
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resourcesOf = (s: Statement): Json[] => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);
const routeOf = (handler: string): Route => ROUTES.find((r) => r.handler === handler)!;
/** The portal's own functions (PortalFunction describes each as "<stack>: …"), not CDK's deployment helpers. */
const portalFunctions = () =>
  ofType('AWS::Lambda::Function').filter(([, r]) => String(r.Properties.Description ?? '').startsWith('CleanPortal-kr-dev: '));
/** The one resource of a type whose logical id starts with `prefix` (the stack has other buckets and secrets too). */
const theOne = (type: string, prefix: string): [string, CfnResource] => {
  const found = ofType(type).filter(([id]) => id.startsWith(prefix));
  expect(found, `${type} ${prefix}`).toHaveLength(1);
  return found[0]!;
};

/** The case table (the case keys have a table of their own, test/infra/caseKeyStore.test.ts). */
const caseTable = () => theOne('AWS::DynamoDB::Table', 'Storage');

function functionFor(route: Route): [string, CfnResource] {
  const found = ofType('AWS::Lambda::Function').filter(([, r]) =>
    String(r.Properties.Description).endsWith(`: ${route.method} /api${route.resource}`),
  );
  expect(found, `function for ${route.method} ${route.resource}`).toHaveLength(1);
  return found[0]!;
}

/** Every statement the handler's role is granted, inline or attached. */
function statementsFor(handler: string): Statement[] {
  return roleStatements(functionFor(routeOf(handler))[1]);
}

/** Every statement a function's role is granted, inline or attached. */
function roleStatements(fn: CfnResource): Statement[] {
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  const role = resources[roleId]!;
  const inline = ((role.Properties.Policies ?? []) as Json[]).flatMap((p) => p.PolicyDocument.Statement as Statement[]);
  const attached = ofType('AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[]);
  return [...inline, ...attached];
}

const allowedActions = (handler: string) => statementsFor(handler).flatMap(actionsOf);
const refersTo = (value: Json, logicalId: string) => JSON.stringify(value).includes(`"${logicalId}"`);
const keyId = (name: string) => ofType('AWS::KMS::Key').find(([id]) => id.includes(name))![0];

describe('stack', () => {
  it('is named per country and stage', () => {
    expect(portalStackName('kr', 'dev')).toBe('CleanPortal-kr-dev');
    // Constructed, not synthesized: the name is the stack's own, and a template would add nothing to it.
    const training = new PortalStack(new App({ context: appContext() }), portalStackName('kr', 'training'), {
      country: 'kr',
      stage: 'training',
    });
    expect(training.stackName).toBe('CleanPortal-kr-training');
  });

  it('refuses a malformed country or stage', () => {
    const app = new App({ context: appContext() });
    expect(() => new PortalStack(app, 'A', { country: 'KOR', stage: 'dev' })).toThrow(/country/);
    expect(() => new PortalStack(app, 'B', { country: 'kr', stage: 'Dev Stage' })).toThrow(/stage/);
    expect(() => new PortalStack(app, 'C', { country: 'zz', stage: 'dev' })).toThrow(/country pack/);
  });

  it('sets no physical names, so several stages and countries share an account', () => {
    for (const [, r] of ofType('AWS::Lambda::Function')) expect(r.Properties.FunctionName).toBeUndefined();
    expect(caseTable()[1].Properties.TableName).toBeUndefined();
    for (const [, r] of ofType('AWS::S3::Bucket')) expect(r.Properties.BucketName).toBeUndefined();
    for (const [, r] of ofType('AWS::SecretsManager::Secret')) expect(r.Properties.Name).toBeUndefined();
  });

  it('outputs the API URL under /api', () => {
    const output = template.findOutputs('ApiUrl');
    expect(JSON.stringify(output.ApiUrl!.Value)).toMatch(/\/api"\]\]\}$/);
  });
});

describe('case table', () => {
  it('is on-demand, keyed PK/SK, with point-in-time recovery and TTL on expiresAt', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      DeletionProtectionEnabled: true,
    });
  });

  it('has the queue, escalation and due indexes GSI1–GSI4, as the adapter queries them', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: ['GSI1', 'GSI2', 'GSI3', 'GSI4'].map((name) => ({
        IndexName: name,
        KeySchema: [
          { AttributeName: `${name}PK`, KeyType: 'HASH' },
          { AttributeName: `${name}SK`, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('is encrypted with a customer-managed KMS key', () => {
    const [, table] = caseTable();
    expect(table.Properties.SSESpecification).toEqual({
      SSEEnabled: true,
      SSEType: 'KMS',
      KMSMasterKeyId: { 'Fn::GetAtt': [keyId('TableKey'), 'Arn'] },
    });
  });

  it('is kept when the stack is deleted or the table replaced', () => {
    const [, table] = caseTable();
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('KMS keys', () => {
  it('table, attachments, case text, pepper and backup vault each have their own key, rotated and retained', () => {
    // The alarm topic's key (lib/monitoring.ts) and the audit MAC key are pinned elsewhere (keyCustody.test.ts).
    const keys = ofType('AWS::KMS::Key').filter(
      ([id]) => !id.startsWith('Monitoring') && !id.includes('AuditMacKey') && !id.includes('ReceiptKey'),
    );
    expect(keys).toHaveLength(5);
    for (const name of ['TableKey', 'AttachmentsKey', 'CaseTextKey', 'PepperKey', 'VaultKey'])
      expect(
        keys.some(([id]) => id.includes(name)),
        name,
      ).toBe(true);
    for (const [, key] of keys) {
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe('Retain');
    }
  });

  it('filing receipts have a P-256 signing key of their own: kms:Sign alone for filing, kms:GetPublicKey alone for the key set, both for a case export', () => {
    const [id, key] = theOne('AWS::KMS::Key', 'SecretsReceiptKey');
    expect(key.Properties).toMatchObject({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    // KMS does not rotate asymmetric keys.
    expect(key.Properties.EnableKeyRotation).not.toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
    const aliases = ofType('AWS::KMS::Alias').filter(([, a]) => refersTo(a.Properties.TargetKeyId, id));
    expect(aliases.map(([, a]) => a.Properties.AliasName)).toEqual(['alias/CleanPortal-kr-dev/filing-receipts']);
    const users = ofType('AWS::Lambda::Function')
      .map(
        ([fnId, fn]) =>
          [
            fnId,
            roleStatements(fn)
              .filter((st) => refersTo(st.Resource, id))
              .flatMap(actionsOf)
              .sort(),
          ] as const,
      )
      .filter(([, actions]) => actions.length > 0);
    expect(new Map(users)).toEqual(
      new Map([
        [functionFor(routeOf('createReport'))[0], ['kms:Sign']],
        // Assisted intake files through the same path, receipt included (docs/assisted-intake.md).
        [functionFor(routeOf('createAssistedReport'))[0], ['kms:Sign']],
        [functionFor(routeOf('getReceiptKeys'))[0], ['kms:GetPublicKey']],
        // The case export signs its manifest and puts the key set in the bundle (docs/case-export.md).
        [functionFor(routeOf('exportCase'))[0], ['kms:GetPublicKey', 'kms:Sign']],
      ]),
    );
  });

  it('the audit trail has an HMAC key of its own, for GenerateMac and VerifyMac only, retained and named by an alias', () => {
    const [id, key] = theOne('AWS::KMS::Key', 'SecretsAuditMacKey');
    expect(key.Properties).toMatchObject({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    // KMS does not rotate HMAC keys.
    expect(key.Properties.EnableKeyRotation).not.toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
    expect(key.UpdateReplacePolicy).toBe('Retain');
    const aliases = ofType('AWS::KMS::Alias').filter(([, a]) => refersTo(a.Properties.TargetKeyId, id));
    expect(aliases.map(([, a]) => a.Properties.AliasName)).toEqual(['alias/CleanPortal-kr-dev/audit-mac']);
  });

  it('lets exactly the functions that keep the audit trail use the audit key: GenerateMac to append, VerifyMac to show a verdict', () => {
    const auditKey = keyId('AuditMacKey');
    const useOf = (fn: CfnResource) =>
      roleStatements(fn)
        .filter((st) => refersTo(st.Resource, auditKey))
        .flatMap(actionsOf)
        .sort();
    const byDescription = (text: string) =>
      ofType('AWS::Lambda::Function').find(([, fn]) => String(fn.Properties.Description).includes(text))![0];
    const route = (handler: string) => functionFor(routeOf(handler))[0];
    const sign = ['kms:GenerateMac'];
    const signAndVerify = ['kms:GenerateMac', 'kms:VerifyMac'];
    const expected = new Map<string, string[]>([
      [route('createReport'), sign],
      [route('createAssistedReport'), sign],
      [route('getCase'), signAndVerify],
      [route('updateCase'), signAndVerify],
      [route('transferCase'), signAndVerify],
      [route('setLegalHold'), signAndVerify],
      [route('assignCase'), signAndVerify],
      [route('declareConflict'), signAndVerify],
      [route('exportCase'), signAndVerify],
      [route('postCaseMessage'), sign],
      [route('getAttachment'), sign],
      [route('createApplication'), sign],
      [route('getApplication'), signAndVerify],
      [route('decideApplication'), signAndVerify],
      [route('postApplicantMessage'), sign],
      [byDescription('deadline sweep'), sign],
      [byDescription('audit anchor job'), sign],
    ]);
    for (const [id, fn] of portalFunctions()) {
      expect(useOf(fn), id).toEqual(expected.get(id) ?? []);
      const variables = (fn.Properties.Environment?.Variables ?? {}) as Record<string, Json>;
      if (expected.has(id)) expect(variables.AUDIT_MAC_KEY_ID, id).toEqual({ 'Fn::GetAtt': [auditKey, 'Arn'] });
      else expect(variables.AUDIT_MAC_KEY_ID, id).toBeUndefined();
    }
    // Every grant on the audit key names that key alone: no other key, no wildcard.
    for (const [, policy] of ofType('AWS::IAM::Policy')) {
      for (const st of policy.Properties.PolicyDocument.Statement as Statement[]) {
        if (!actionsOf(st).some((a) => /^kms:(GenerateMac|VerifyMac)$/.test(a))) continue;
        expect(resourcesOf(st)).toEqual([{ 'Fn::GetAtt': [auditKey, 'Arn'] }]);
        expect(actionsOf(st).every((a) => /^kms:(GenerateMac|VerifyMac)$/.test(a))).toBe(true);
      }
    }
  });
});

describe('attachment bucket', () => {
  it('is SSE-KMS with its own key, versioned, and blocks every kind of public access', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [keyId('AttachmentsKey'), 'Arn'] },
            },
          },
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('is kept when the stack is deleted, and has no server access logs (they record IP addresses)', () => {
    const [, bucket] = theOne('AWS::S3::Bucket', 'StorageAttachments');
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties.LoggingConfiguration).toBeUndefined();
  });

  it('denies any request not sent over TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('expires incoming/ after one day, old versions included', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Prefix: 'incoming/',
            Status: 'Enabled',
            ExpirationInDays: 1,
            NoncurrentVersionExpiration: { NoncurrentDays: 1 },
          }),
        ]),
      },
    });
  });

  it('expires case exports (exports/) after one day, old versions included', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Prefix: 'exports/',
            Status: 'Enabled',
            ExpirationInDays: 1,
            NoncurrentVersionExpiration: { NoncurrentDays: 1 },
          }),
          Match.objectLike({ Prefix: 'exports/', Status: 'Enabled', ExpiredObjectDeleteMarker: true }),
        ]),
      },
    });
  });

  it('lets no browser page call the bucket: uploads come through CloudFront (no CORS)', () => {
    const [, bucket] = theOne('AWS::S3::Bucket', 'StorageAttachments');
    expect(bucket.Properties.CorsConfiguration).toBeUndefined();
  });
});

describe('tracking-code pepper', () => {
  it('is generated by Secrets Manager at deploy (64 letters and digits) and retained', () => {
    const [, secret] = theOne('AWS::SecretsManager::Secret', 'SecretsTrackingCodePepper');
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    expect(secret.Properties.SecretString).toBeUndefined();
    expect(secret.DeletionPolicy).toBe('Retain');
  });
});

describe('functions', () => {
  it('has one function per route of functions/contract/routes.ts, each with an access profile', () => {
    // Plus three scheduled jobs (the deadline sweep, the public statistics publisher and the audit anchor job) and the
    // staff notifier (lib/notifications.ts).
    expect(portalFunctions()).toHaveLength(ROUTES.length + 4);
    for (const route of ROUTES) {
      functionFor(route);
      expect(FUNCTION_ACCESS[route.handler], route.handler).toBeDefined();
    }
  });

  it('runs Node.js 24 on arm64 with 512 MB, 10 s (a minute for the sweep, five for the statistics and the notifier, 1 GB and fifteen for the anchors, 1.5 GB and 29 s for a case export), no tracing, logs kept a month (the anchors’ ten years)', () => {
    for (const [id, fn] of portalFunctions()) {
      const description = String(fn.Properties.Description);
      const anchors = description.includes('audit anchor job');
      const exports = description.endsWith('/export');
      const fiveMinutes = description.includes('statistics publisher') || description.includes('staff notifier');
      const timeout = description.includes('deadline sweep') ? 60 : fiveMinutes ? 300 : anchors ? 900 : exports ? 29 : 10;
      expect(fn.Properties, id).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: anchors ? 1024 : exports ? 1536 : 512,
        Timeout: timeout,
      });
      expect(fn.Properties.TracingConfig?.Mode ?? 'PassThrough', id).toBe('PassThrough');
      const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
      expect(resources[logGroupId]!.Properties.RetentionInDays, id).toBe(anchors ? 3653 : 30);
    }
  });

  it('never has a secret value, an IP or a user-agent setting in its environment', () => {
    for (const [id, fn] of portalFunctions()) {
      const variables = fn.Properties.Environment.Variables as Record<string, Json>;
      expect(JSON.stringify(variables), id).not.toMatch(/resolve:secretsmanager|resolve:ssm-secure|SecretString/);
      for (const [name, value] of Object.entries(variables)) {
        // USER_POOL_CLIENT_ID names Cognito's app client, not anything about the caller; RECEIPT_ is no IP address.
        expect(name.replace(/^USER_POOL_CLIENT_ID$/, 'USER_POOL_APP_ID').replace(/^RECEIPT_/, 'FILING_'), id).not.toMatch(
          /IP|ADDR|USER_?AGENT|FORWARD|CLIENT/i,
        );
        expect(name, id).not.toMatch(/(PASSWORD|PEPPER|TOKEN|PRIVATE|SECRET)$/i);
        if (/SECRET|PEPPER|KEY/i.test(name)) {
          // Only references: the secret's ARN or the key's ARN, resolved by CloudFormation.
          expect(typeof value, `${id} ${name}`).toBe('object');
          expect(JSON.stringify(value), `${id} ${name}`).toMatch(/"(Ref|Fn::GetAtt)"/);
        }
        if (typeof value === 'string') {
          expect(value, `${id} ${name}`).not.toMatch(/^[A-Za-z0-9+/=_-]{32,}$/);
          expect(value.length, `${id} ${name}`).toBeLessThan(40);
        }
      }
    }
  });

  it('gets exactly the environment its handler parses at module load (functions/runtime/config.ts)', () => {
    const packOnly = ['COUNTRY', 'COUNTRY_PACKS_DIR', 'POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME'];
    const citizen = [...packOnly, 'BUCKET_NAME', 'CASE_KEY_TABLE', 'KMS_KEY_ID', 'PEPPER_SECRET_ARN', 'TABLE_NAME'].sort();
    const auth = [...packOnly, 'USER_POOL_CLIENT_ID', 'USER_POOL_ID'].sort();
    const statistics = [...packOnly, 'TABLE_NAME'].sort();
    for (const route of ROUTES) {
      const [, fn] = functionFor(route);
      const variables = fn.Properties.Environment.Variables as Record<string, Json>;
      const source = readFileSync(join(PROJECT_ROOT, 'functions', 'handlers', `${route.handler}.ts`), 'utf8');
      // A case export's deps (composition/portalDeps.ts) are the agency's with the audit trail and the receipt key,
      // which it signs with and publishes the public half of.
      const exportsCases = source.includes('caseExportDeps()');
      const usesCitizenDeps = /\b(citizenDeps|agencyDeps)\(/.test(source) || exportsCases;
      const keepsAuditTrail = /\b(citizenDeps|agencyDeps)\(\{ auditTrail: true\b/.test(source) || exportsCases;
      const signsReceipts = /\b(citizenDeps|agencyDeps)\(\{[^}]*\breceipts: true\b/.test(source);
      const publishesReceiptKey = source.includes('receiptKeySet()');
      expect(FUNCTION_ACCESS[route.handler]!.receipts, route.handler).toBe(
        exportsCases ? 'signAndPublish' : signsReceipts ? 'sign' : publishesReceiptKey ? 'publish' : undefined,
      );
      const receiptKey = signsReceipts || publishesReceiptKey || exportsCases ? ['RECEIPT_KEY_ID'] : [];
      expect(Boolean(FUNCTION_ACCESS[route.handler]!.auditTrail), route.handler).toBe(keepsAuditTrail);
      const usesAuthDeps = source.includes('authDeps()');
      const usesStatisticsDeps = source.includes('statisticsDeps()');
      const usesStaffDirectory = source.includes('staffDirectory()');
      expect(Boolean(FUNCTION_ACCESS[route.handler]!.staffDirectory), route.handler).toBe(usesStaffDirectory);
      expect(Boolean(FUNCTION_ACCESS[route.handler]!.citizen), route.handler).toBe(usesCitizenDeps);
      expect(Boolean(FUNCTION_ACCESS[route.handler]!.userPool), route.handler).toBe(usesAuthDeps);
      expect(Boolean(FUNCTION_ACCESS[route.handler]!.statisticsSnapshot), route.handler).toBe(usesStatisticsDeps);
      // The upload signer also hands the browser the portal-relative upload path (functions/contract/uploadPath.ts).
      const signsUploads = FUNCTION_ACCESS[route.handler]!.attachments === 'presign';
      expect(Object.keys(variables).sort(), route.handler).toEqual(
        keepsAuditTrail
          ? [...citizen, 'AUDIT_MAC_KEY_ID', ...receiptKey].sort()
          : usesCitizenDeps
            ? signsUploads
              ? [...citizen, 'UPLOAD_URL'].sort()
              : citizen
            : usesAuthDeps
              ? auth
              : usesStatisticsDeps || usesStaffDirectory
                ? statistics
                : [...packOnly, ...receiptKey].sort(),
      );
      if (usesStaffDirectory) {
        expect(parseEnvironment(staffEnvironment, { ...variables, TABLE_NAME: 'resolved-table' }).TABLE_NAME).toBe('resolved-table');
      }
      if (usesStatisticsDeps) {
        expect(parseEnvironment(statisticsEnvironment, { ...variables, TABLE_NAME: 'resolved-table' }).TABLE_NAME).toBe('resolved-table');
        expect(variables.TABLE_NAME, route.handler).toEqual({ Ref: expect.stringMatching(/^StorageTable/) });
      }
      // CloudFormation fills in the references; any non-empty value stands for them here.
      const resolved = Object.fromEntries(
        Object.entries(variables).map(([k, v]) => [k, typeof v === 'string' ? v : `resolved-${k.toLowerCase()}`]),
      );
      const parsed = parseEnvironment(usesCitizenDeps ? portalEnvironment : packEnvironment, resolved);
      expect(parsed.COUNTRY).toBe('kr');
      expect(parsed.COUNTRY_PACKS_DIR).toBe('/var/task/countries');
      if (usesAuthDeps) {
        const pool = parseEnvironment(authEnvironment, resolved);
        // References to the stack's own user pool and app client, resolved by CloudFormation.
        expect(pool, route.handler).toMatchObject({
          USER_POOL_ID: 'resolved-user_pool_id',
          USER_POOL_CLIENT_ID: 'resolved-user_pool_client_id',
        });
        expect(pool.LOCAL_AUTH_DIR, route.handler).toBeUndefined();
      }
    }
  });

  it('use their own roles, with no AWS managed policies', () => {
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const role = resources[fn.Properties.Role['Fn::GetAtt'][0] as string]!;
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'lambda.amazonaws.com' });
    }
  });
});

describe('least privilege', () => {
  const dataServices = /^(dynamodb|s3|kms|secretsmanager):/;
  const writes = /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/;

  it.each(['getConfig', 'getPage'])('%s touches no table, bucket, key or secret', (handler) => {
    const actions = allowedActions(handler);
    expect(actions.filter((a) => dataServices.test(a))).toEqual([]);
    expect(actions.filter((a) => !a.startsWith('logs:'))).toEqual([]);
  });

  it('createUploads may only put objects under incoming/ (for the presigned POST) and read the pepper', () => {
    const statements = statementsFor('createUploads');
    const s3 = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    expect(s3.flatMap(actionsOf)).toEqual(['s3:PutObject']);
    expect(JSON.stringify(s3.flatMap(resourcesOf))).toContain('/incoming/*');
    expect(JSON.stringify(s3.flatMap(resourcesOf))).not.toContain('/evidence/');
    const actions = statements.flatMap(actionsOf);
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
    expect(actions).toContain('secretsmanager:GetSecretValue');
    const kms = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
    expect(kms.flatMap(actionsOf)).toEqual(['kms:GenerateDataKey']);
    expect(refersTo(kms[0]!.Resource, keyId('AttachmentsKey'))).toBe(true);
    expect(JSON.stringify(kms[0]!.Condition)).toContain('kms:ViaService');
  });

  it('trackCase may Query the case partitions and their applications’, open case text and read the pepper: no index, no writes, no attachments', () => {
    const statements = statementsFor('trackCase');
    const actions = statements.flatMap(actionsOf);
    const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    // The case table by partition; the case's own key from the key table (docs/crypto-shredding.md), read only.
    expect(dynamo.flatMap(actionsOf)).toEqual(['dynamodb:Query', 'dynamodb:GetItem']);
    expect(dynamo[0]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CASE#*', 'APPLICATION#*'] } });
    expect(JSON.stringify(dynamo[1]!.Resource)).toContain('CaseKeysTable');
    expect(actions.filter((a) => writes.test(a))).toEqual([]);
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual([]);
    expect(actions).toContain('secretsmanager:GetSecretValue');
    const caseText = statements.filter((s) => refersTo(s.Resource, keyId('CaseTextKey'))).flatMap(actionsOf);
    expect(caseText).toEqual(['kms:Decrypt']);
    expect(statements.some((s) => refersTo(s.Resource, keyId('AttachmentsKey')))).toBe(false);
  });

  it.each(['createReport', 'postTrackMessage'])('%s writes the case, seals text and moves uploads to evidence', (handler) => {
    const statements = statementsFor(handler);
    const actions = statements.flatMap(actionsOf);
    expect(actions).toContain('dynamodb:PutItem');
    expect(actions).toContain(handler === 'createReport' ? 'dynamodb:GetItem' : 'dynamodb:UpdateItem');
    expect(actions).toContain('secretsmanager:GetSecretValue');
    const caseText = statements.filter((s) => refersTo(s.Resource, keyId('CaseTextKey'))).flatMap(actionsOf);
    expect(caseText.sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    // Uploads are read under incoming/, evidence is written under evidence/, both may be cleaned up.
    const s3 = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    const where = (action: string) => JSON.stringify(s3.filter((s) => actionsOf(s).includes(action)).flatMap(resourcesOf));
    expect(where('s3:GetObject')).toContain('/incoming/*');
    expect(where('s3:GetObject')).not.toContain('/evidence/');
    expect(where('s3:PutObject')).toContain('/evidence/*');
    expect(where('s3:PutObject')).not.toContain('/incoming/');
    const attachmentKey = statements.filter((s) => refersTo(s.Resource, keyId('AttachmentsKey')));
    expect(attachmentKey.flatMap(actionsOf).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
  });

  it('getPublicStats may only GetItem the statistics partition, through the table key: no case, index, write, secret or bucket', () => {
    const statements = statementsFor('getPublicStats').filter((s) => !actionsOf(s).every((a) => a.startsWith('logs:')));
    const tableId = caseTable()[0];
    const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect(actionsOf(dynamo[0]!)).toEqual(['dynamodb:GetItem']);
    // The table itself, never its indexes.
    expect(resourcesOf(dynamo[0]!)).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
    expect(dynamo[0]!.Condition).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['STATS#public'] } });
    const kms = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
    expect(kms.flatMap(actionsOf).sort()).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
    expect(kms.every((s) => refersTo(s.Resource, keyId('TableKey')))).toBe(true);
    expect(JSON.stringify(kms[0]!.Condition)).toContain('kms:ViaService');
    expect(statements.flatMap(actionsOf).filter((a) => !/^(dynamodb|kms):/.test(a))).toEqual([]);
  });

  it('grants no wildcard actions and no resource "*" for data services', () => {
    for (const route of ROUTES) {
      for (const s of statementsFor(route.handler)) {
        for (const action of actionsOf(s)) expect(action, route.handler).not.toMatch(/^(\*|[a-z0-9]+:\*)$/);
        if (actionsOf(s).some((a) => dataServices.test(a))) expect(resourcesOf(s), route.handler).not.toContain('*');
      }
    }
  });
});

describe('REST API', () => {
  it('serves every route under /api with a Lambda proxy integration', () => {
    template.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: 'api' });
    const methods = ofType('AWS::ApiGateway::Method');
    expect(methods).toHaveLength(ROUTES.length);
    for (const route of ROUTES) {
      const [fnId] = functionFor(route);
      const method = methods.find(([, m]) => refersTo(m.Properties.Integration, fnId));
      expect(method, route.handler).toBeDefined();
      expect(method![1].Properties).toMatchObject({
        HttpMethod: route.method,
        AuthorizationType: route.auth === 'agency' ? 'COGNITO_USER_POOLS' : 'NONE',
        OperationName: route.handler,
        Integration: { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST' },
      });
    }
  });

  it('writes access logs without source IP, user agent or caller identity', () => {
    const [, stage] = onlyOne('AWS::ApiGateway::Stage');
    const format = stage.Properties.AccessLogSetting.Format as string;
    for (const forbidden of ['sourceIp', 'userAgent', 'caller', 'identity', 'user', 'xrayTraceId']) {
      expect(format).not.toContain(forbidden);
    }
    expect(Object.keys(JSON.parse(format) as object).sort()).toEqual(
      ['httpMethod', 'integrationLatency', 'requestId', 'requestTime', 'resourcePath', 'responseLength', 'status'].sort(),
    );
    expect(stage.Properties.AccessLogSetting.DestinationArn).toBeDefined();
  });

  it('keeps execution logs, data tracing and X-Ray off', () => {
    const [, stage] = onlyOne('AWS::ApiGateway::Stage');
    const all = (stage.Properties.MethodSettings as Json[]).find((m) => m.ResourcePath === '/*' && m.HttpMethod === '*');
    expect(all).toMatchObject({ LoggingLevel: 'OFF', DataTraceEnabled: false });
    expect(stage.Properties.TracingEnabled).toBe(false);
  });

  it('throttles the stage, and the tracking-code lookups harder', () => {
    const [, stage] = onlyOne('AWS::ApiGateway::Stage');
    const settings = stage.Properties.MethodSettings as Json[];
    const all = settings.find((m) => m.ResourcePath === '/*' && m.HttpMethod === '*');
    expect(all).toMatchObject({ ThrottlingRateLimit: DEFAULT_THROTTLE.rateLimit, ThrottlingBurstLimit: DEFAULT_THROTTLE.burstLimit });
    const lookups = ROUTES.filter((r) => r.lookupThrottle);
    expect(lookups.map((r) => r.resource).sort()).toEqual([
      '/auth/login',
      '/track',
      '/track/applications',
      '/track/applications/messages',
      '/track/messages',
    ]);
    for (const route of lookups) {
      const path = `/api${route.resource}`.replaceAll('/', '~1');
      const own = settings.find((m) => m.ResourcePath === `/${path}` && m.HttpMethod === route.method);
      expect(own, route.resource).toBeDefined();
      expect(own.ThrottlingRateLimit).toBe(DEFAULT_LOOKUP_THROTTLE.rateLimit);
      expect(own.ThrottlingRateLimit).toBeLessThan(all.ThrottlingRateLimit);
      expect(own.ThrottlingBurstLimit).toBeLessThan(all.ThrottlingBurstLimit);
    }
  });

  it("answers API Gateway's own refusals in the portal's error shape", () => {
    const expected: Record<string, [string | undefined, string]> = {
      THROTTLED: ['429', 'RATE_LIMITED'],
      MISSING_AUTHENTICATION_TOKEN: ['404', 'NOT_FOUND'],
      REQUEST_TOO_LARGE: ['413', 'PAYLOAD_TOO_LARGE'],
      DEFAULT_5XX: [undefined, 'UNAVAILABLE'],
    };
    const responses = ofType('AWS::ApiGateway::GatewayResponse');
    for (const [type, [status, code]] of Object.entries(expected)) {
      const found = responses.find(([, r]) => r.Properties.ResponseType === type);
      expect(found, type).toBeDefined();
      expect(found![1].Properties.StatusCode).toBe(status);
      const body = JSON.parse(found![1].Properties.ResponseTemplates['application/json'] as string) as Json;
      expect(body.error.code).toBe(code);
      expect(typeof body.error.message).toBe('string');
    }
  });

  it('refuses a lookup throttle looser than the stage throttle', () => {
    const app = new App({ context: appContext() });
    expect(
      () => new PortalStack(app, 'Loose', { country: 'kr', stage: 'dev', lookupThrottle: { rateLimit: 1000, burstLimit: 2000 } }),
    ).toThrow(/lookup throttle/);
  });
});

describe('agency sign-in', () => {
  const poolId = () => {
    const pools = ofType('AWS::Cognito::UserPool');
    expect(pools).toHaveLength(1);
    return pools[0]![0];
  };

  it('login gets the stack’s own user pool and app client, and touches no table, bucket, key or secret', () => {
    const actions = allowedActions('login');
    expect(actions.filter((a) => !a.startsWith('logs:'))).toEqual([]);
    const [, fn] = functionFor(routeOf('login'));
    const clientId = ofType('AWS::Cognito::UserPoolClient')[0]![0];
    expect(fn.Properties.Environment.Variables).toMatchObject({ USER_POOL_ID: { Ref: poolId() }, USER_POOL_CLIENT_ID: { Ref: clientId } });
  });

  it("guards every `auth: 'agency'` route with the pool's Cognito authorizer, and no citizen route", () => {
    const authorizers = template.findResources('AWS::ApiGateway::Authorizer');
    expect(Object.values(authorizers)).toHaveLength(1);
    const [authorizerId, authorizer] = Object.entries(authorizers)[0]!;
    expect(authorizer.Properties).toMatchObject({ Type: 'COGNITO_USER_POOLS', IdentitySource: 'method.request.header.Authorization' });
    expect(JSON.stringify(authorizer.Properties.ProviderARNs)).toContain(poolId());
    const methods = Object.values(template.findResources('AWS::ApiGateway::Method')) as CfnResource[];
    const agencyRoutes = ROUTES.filter((r) => r.auth === 'agency');
    expect(agencyRoutes.length).toBeGreaterThanOrEqual(7);
    for (const route of agencyRoutes) {
      const method = methods.find((m) => m.Properties.OperationName === route.handler)!;
      expect(method.Properties, route.handler).toMatchObject({
        AuthorizationType: 'COGNITO_USER_POOLS',
        AuthorizerId: { Ref: authorizerId },
      });
    }
    for (const route of ROUTES.filter((r) => r.auth !== 'agency')) {
      const method = methods.find((m) => m.Properties.OperationName === route.handler)!;
      expect(method.Properties.AuthorizationType, route.handler).toBe('NONE');
    }
  });

  it('names the pool in the outputs, for npm run users:create', () => {
    expect(template.toJSON().Outputs.AgencyUserPoolId.Value).toEqual({ Ref: poolId() });
  });
});

/** The EventBridge rule whose one target is the function. */
function ruleFor(fnId: string): CfnResource {
  const rules = ofType('AWS::Events::Rule').filter(([, r]) => refersTo(r.Properties.Targets, fnId));
  expect(rules, fnId).toHaveLength(1);
  return rules[0]![1];
}

describe('deadline sweep', () => {
  const sweep = () => {
    const found = ofType('AWS::Lambda::Function').filter(([, fn]) => String(fn.Properties.Description).includes('deadline sweep'));
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('runs on an EventBridge schedule every five minutes, with retries', () => {
    const [fnId] = sweep();
    // Four schedules (sweep, statistics, audit anchors, the notifier's daily run); the other rules are the tamper
    // alarms (recovery.test.ts).
    expect(ofType('AWS::Events::Rule').filter(([, r]) => r.Properties.ScheduleExpression)).toHaveLength(4);
    const rule = ruleFor(fnId);
    expect(rule.Properties).toMatchObject({ ScheduleExpression: 'rate(5 minutes)', State: 'ENABLED' });
    expect(rule.Properties.Targets).toHaveLength(1);
    expect(refersTo(rule.Properties.Targets[0].Arn, fnId)).toBe(true);
    expect(rule.Properties.Targets[0].RetryPolicy).toMatchObject({ MaximumRetryAttempts: 2 });
  });

  it('may Query the due list and commit cases, sign audit events, delete evidence, and reads no pepper, attachment or case text', () => {
    const [fnId, fn] = sweep();
    const actions = roleStatements(fn).flatMap(actionsOf);
    expect(actions, fnId).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query', 'kms:GenerateMac']));
    // Retention's deletions (test/infra/retention.test.ts) list and delete evidence versions; nothing reads one.
    expect(
      actions.filter(
        (a) =>
          (a.startsWith('s3:') && !['s3:ListBucketVersions', 's3:DeleteObjectVersion'].includes(a)) ||
          a.startsWith('secretsmanager:') ||
          a === 'kms:GenerateDataKey' ||
          a === 'kms:VerifyMac',
      ),
    ).toEqual([]);
    expect(Object.keys(fn.Properties.Environment.Variables)).not.toContain('PEPPER_SECRET_ARN');
    const source = readFileSync(join(PROJECT_ROOT, 'functions', 'handlers', 'sweepDeadlines.ts'), 'utf8');
    expect(source).toContain('sweepDeps()');
  });
});

describe('public statistics publisher', () => {
  const publisher = () => {
    const found = ofType('AWS::Lambda::Function').filter(([, fn]) => String(fn.Properties.Description).includes('statistics publisher'));
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('runs hourly on an EventBridge schedule, with retries, and parses TABLE_NAME only', () => {
    const [fnId, fn] = publisher();
    const rule = ruleFor(fnId);
    expect(rule.Properties).toMatchObject({ ScheduleExpression: 'rate(1 hour)', State: 'ENABLED' });
    expect(rule.Properties.Targets[0].RetryPolicy).toMatchObject({ MaximumRetryAttempts: 2 });
    expect(Object.keys(fn.Properties.Environment.Variables).sort()).toEqual(
      ['COUNTRY', 'COUNTRY_PACKS_DIR', 'POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME', 'TABLE_NAME'].sort(),
    );
    const source = readFileSync(join(PROJECT_ROOT, 'functions', 'handlers', 'publishPublicStats.ts'), 'utf8');
    expect(source).toContain('statisticsDeps()');
  });

  it('may Scan the queue index and PutItem the statistics partition, and nothing else of the table', () => {
    const [, fn] = publisher();
    const statements = roleStatements(fn);
    const tableId = caseTable()[0];
    const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    // Plus a Query of the deleted-case aggregates' partition (test/infra/retention.test.ts).
    expect(dynamo.flatMap(actionsOf).sort()).toEqual(['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:Scan']);
    const scan = dynamo.find((s) => actionsOf(s).includes('dynamodb:Scan'))!;
    expect(resourcesOf(scan)).toEqual([{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/GSI2']] }]);
    const put = dynamo.find((s) => actionsOf(s).includes('dynamodb:PutItem'))!;
    expect(resourcesOf(put)).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
    expect(put.Condition).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['STATS#public'] } });
    // Only the table key, through DynamoDB: never the case-text key, the attachment key, a secret or the bucket.
    const kms = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
    expect(kms.every((s) => refersTo(s.Resource, keyId('TableKey')) && JSON.stringify(s.Condition).includes('kms:ViaService'))).toBe(true);
    expect(kms.flatMap(actionsOf)).not.toContain('kms:GenerateDataKey');
    const others = statements.flatMap(actionsOf).filter((a) => !/^(dynamodb|kms|logs):/.test(a));
    // The on-failure destination's grant on the dead-letter queue is the only other one.
    expect(others.sort()).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
  });
});

describe('audit anchor job', () => {
  const job = () => {
    const found = ofType('AWS::Lambda::Function').filter(([, fn]) => String(fn.Properties.Description).includes('audit anchor job'));
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('runs daily on an EventBridge schedule, with retries, and parses the table and the audit MAC key only', () => {
    const [fnId, fn] = job();
    const rule = ruleFor(fnId);
    expect(rule.Properties).toMatchObject({ ScheduleExpression: 'rate(1 day)', State: 'ENABLED' });
    expect(rule.Properties.Targets[0].RetryPolicy).toMatchObject({ MaximumRetryAttempts: 2 });
    const variables = fn.Properties.Environment.Variables as Record<string, Json>;
    expect(Object.keys(variables).sort()).toEqual(
      ['AUDIT_MAC_KEY_ID', 'COUNTRY', 'COUNTRY_PACKS_DIR', 'POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME', 'TABLE_NAME'].sort(),
    );
    expect(variables.TABLE_NAME).toEqual({ Ref: expect.stringMatching(/^StorageTable/) });
    expect(variables.AUDIT_MAC_KEY_ID).toEqual({ 'Fn::GetAtt': [keyId('AuditMacKey'), 'Arn'] });
    const resolved = { TABLE_NAME: 'resolved-table', AUDIT_MAC_KEY_ID: 'resolved-key' };
    expect(parseEnvironment(auditAnchorEnvironment, resolved)).toMatchObject(resolved);
    const source = readFileSync(join(PROJECT_ROOT, 'functions', 'handlers', 'anchorAuditHeads.ts'), 'utf8');
    expect(source).toContain('auditAnchorDeps()');
  });

  it('may Scan the queue index, PutItem the anchor partitions, Query the roots and sign with the audit key: nothing else, not the pepper', () => {
    const [, fn] = job();
    const statements = roleStatements(fn);
    const tableId = caseTable()[0];
    const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo.flatMap(actionsOf).sort()).toEqual(['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:Scan']);
    const scan = dynamo.find((s) => actionsOf(s).includes('dynamodb:Scan'))!;
    expect(resourcesOf(scan)).toEqual([{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/GSI2']] }]);
    const put = dynamo.find((s) => actionsOf(s).includes('dynamodb:PutItem'))!;
    expect(resourcesOf(put)).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
    expect(put.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT-ANCHOR#*'] } });
    const query = dynamo.find((s) => actionsOf(s).includes('dynamodb:Query'))!;
    expect(resourcesOf(query)).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
    expect(query.Condition).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['AUDIT-ANCHOR#ROOT'] } });
    // No update, delete or batch write anywhere: the anchors are append-only as far as this role goes.
    expect(
      statements
        .flatMap(actionsOf)
        .filter((a) => /UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems|\*/.test(a) && a.startsWith('dynamodb:')),
    ).toEqual([]);
    const kms = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
    const tableKey = kms.filter((s) => !refersTo(s.Resource, keyId('AuditMacKey')));
    expect(tableKey.every((s) => refersTo(s.Resource, keyId('TableKey')) && JSON.stringify(s.Condition).includes('kms:ViaService'))).toBe(
      true,
    );
    expect(tableKey.flatMap(actionsOf)).not.toContain('kms:GenerateDataKey');
    const auditKey = kms.filter((s) => refersTo(s.Resource, keyId('AuditMacKey')));
    expect(auditKey.flatMap(actionsOf)).toEqual(['kms:GenerateMac']);
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
    const others = statements.flatMap(actionsOf).filter((a) => !/^(dynamodb|kms|logs):/.test(a));
    // The on-failure destination's grant on the dead-letter queue is the only other one.
    expect(others.sort()).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
  });

  it('leaves the agency functions that show an audit verdict able to Query the anchor partitions (the table itself)', () => {
    const tableId = caseTable()[0];
    for (const handler of ['getCase', 'updateCase', 'transferCase']) {
      const queries = statementsFor(handler).filter((s) => actionsOf(s).includes('dynamodb:Query'));
      expect(queries.flatMap(resourcesOf), handler).toContainEqual({ 'Fn::GetAtt': [tableId, 'Arn'] });
      expect(JSON.stringify(queries.map((s) => s.Condition)), handler).toContain('AUDIT-ANCHOR#*');
    }
  });
});
