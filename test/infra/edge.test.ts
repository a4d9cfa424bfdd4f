// The edge (CloudFront + the web bucket) and the API's web ACL, on a bare stack with a one-method REST API.
// No bundling runs ('aws:cdk:bundling-stacks': []); the web/ asset is only staged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Token, Validations } from 'aws-cdk-lib';
import { EndpointType, MockIntegration, RestApi } from 'aws-cdk-lib/aws-apigateway';
import { Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { PolicyValidationPluginReport } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '#contract/securityHeaders.js';
import { ROUTES } from '#contract/routes.js';
import { UPLOAD_PATH_FUNCTION_CODE, VIEWER_IP_FUNCTION_CODE, WebEdge } from '#lib/edge.js';
import {
  ApiFirewall,
  DEFAULT_RATE_LIMIT,
  ORIGIN_VERIFY_HEADER,
  VIEWER_IP_HEADER,
  pathSuffixRegex,
  rateLimitedApiPaths,
} from '#lib/firewall.js';
import { PROJECT_ROOT } from '#lib/portalFunction.js';
import { type CfnResource, type Json, ofType as ofTypeIn, onlyOne as onlyOneIn } from './support/template.js';
import { RATE_LIMITED_API_PATHS } from './support/rateLimitedPaths.js';

const STAGE = 'dev';
const UPLOAD_ORIGIN = 'https://attachments-bucket.s3.eu-west-1.amazonaws.com';
/** The managed CachingOptimized policy. */
const CACHING_OPTIMIZED_ID = '658327ea-f89d-4fab-a63d-7e88639e58f6';

function appContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  return { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] };
}

function build(): { app: App; stack: Stack; api: RestApi; edge: WebEdge; firewall: ApiFirewall } {
  const app = new App({ context: appContext() });
  const stack = new Stack(app, 'EdgeTest');
  const api = new RestApi(stack, 'Api', {
    endpointConfiguration: { types: [EndpointType.REGIONAL] },
    cloudWatchRole: false,
    deployOptions: { stageName: STAGE },
  });
  api.root.resourceForPath('/api/config').addMethod('GET', new MockIntegration());
  const edge = new WebEdge(stack, 'Edge', { name: 'EdgeTest', api, stageName: STAGE, uploadOrigin: UPLOAD_ORIGIN });
  const firewall = new ApiFirewall(stack, 'Firewall', {
    name: 'EdgeTest',
    stageArn: api.deploymentStage.stageArn,
    originVerifySecret: edge.originVerifySecret,
    rateLimitedPaths: rateLimitedApiPaths(),
  });
  return { app, stack, api, edge, firewall };
}

let built: ReturnType<typeof build>;
let template: Template;
let resources: Record<string, CfnResource>;

beforeAll(() => {
  built = build();
  template = Template.fromStack(built.stack);
  resources = template.toJSON().Resources as Record<string, CfnResource>;
});

const ofType = (type: string) => ofTypeIn(resources, type);
const onlyOne = (type: string) => onlyOneIn(resources, type);
const logicalId = (construct: IConstruct) => built.stack.getLogicalId(construct.node.defaultChild as never);
const distributionConfig = () => onlyOne('AWS::CloudFront::Distribution')[1].Properties.DistributionConfig;
const apiBehavior = () => (distributionConfig().CacheBehaviors as Json[]).find((b) => b.PathPattern === '/api/*');
const originById = (id: string) => (distributionConfig().Origins as Json[]).find((o) => o.Id === id);
const rules = (): Json[] => onlyOne('AWS::WAFv2::WebACL')[1].Properties.Rules;
const rule = (name: string): Json => rules().find((r) => r.Name === name);
const refTo = (id: string) => ({ Ref: id });

describe('web bucket', () => {
  it('blocks all public access, takes TLS only, and is encrypted', () => {
    const [, bucket] = onlyOne('AWS::S3::Bucket');
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe(
      'AES256',
    );
    expect(bucket.Properties.LoggingConfiguration).toBeUndefined();
    const statements = onlyOne('AWS::S3::BucketPolicy')[1].Properties.PolicyDocument.Statement as Json[];
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('is readable only by this distribution, through origin access control', () => {
    const [oacId, oac] = onlyOne('AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const statements = onlyOne('AWS::S3::BucketPolicy')[1].Properties.PolicyDocument.Statement as Json[];
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    const [grant] = allows;
    expect(grant.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(grant.Action).toBe('s3:GetObject');
    const sourceArn = JSON.stringify(grant.Condition.StringEquals['AWS:SourceArn']);
    expect(sourceArn).toContain(':distribution/');
    expect(sourceArn).toContain(JSON.stringify(refTo(logicalId(built.edge.distribution))));
    const s3Origin = (distributionConfig().Origins as Json[]).find((o) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
  });

  it('is filled with the built web app: hashed assets cached for a year, pages pruned and invalidated after them', () => {
    const deployments = ofType('Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(2);
    const [assetsId, assets] = deployments.find(([, d]) => d.Properties.Include)!;
    const [, pages] = deployments.find(([, d]) => !d.Properties.Include)!;
    expect(assets.Properties.Include).toEqual(['assets/*']);
    expect(assets.Properties.Exclude).toEqual(['*']);
    expect(assets.Properties.Prune).toBe(false);
    expect(assets.Properties.SystemMetadata['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(assets.Properties.DistributionId).toBeUndefined();
    expect(pages.Properties.Exclude).toEqual(['assets/*']);
    expect(pages.Properties.Prune).toBe(true);
    expect(pages.Properties.SystemMetadata['cache-control']).toBe('public, max-age=0, must-revalidate, s-maxage=31536000');
    expect(pages.Properties.DestinationBucketName).toEqual(refTo(logicalId(built.edge.bucket)));
    expect(pages.Properties.DistributionId).toEqual(refTo(logicalId(built.edge.distribution)));
    expect(pages.Properties.DistributionPaths).toEqual(['/*']);
    expect((pages as Json).DependsOn).toContain(assetsId);
  });
});

describe('distribution', () => {
  it('serves the web app from S3 over HTTPS with the caching-optimized policy', () => {
    const config = distributionConfig();
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.PriceClass).toBe('PriceClass_100');
    expect(config.HttpVersion).toBe('http2and3');
    expect(config.Logging).toBeUndefined();
    expect(config.Restrictions).toBeUndefined();
    const behavior = config.DefaultCacheBehavior;
    expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(behavior.CachePolicyId).toBe(CACHING_OPTIMIZED_ID);
    expect(behavior.AllowedMethods).toEqual(['GET', 'HEAD']);
    expect(originById(behavior.TargetOriginId).S3OriginConfig).toBeDefined();
  });

  it('sends /api/* to the API stage, with every method and nothing cached unless the origin says so', () => {
    const behavior = apiBehavior();
    expect(behavior).toBeDefined();
    expect(behavior.ViewerProtocolPolicy).toBe('https-only');
    expect([...behavior.AllowedMethods].sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
    const origin = originById(behavior.TargetOriginId);
    expect(origin.OriginPath).toBe(`/${STAGE}`);
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    const domain = JSON.stringify(origin.DomainName);
    expect(domain).toContain(JSON.stringify(refTo(logicalId(built.api))));
    expect(domain).toContain('.execute-api.');

    // CachingDisabled cannot carry Authorization, and an origin request policy may not: so a cache policy with
    // TTL 0 by default, Authorization in the key (never shared between tokens), no cookies.
    const cache = resources[behavior.CachePolicyId.Ref]!.Properties.CachePolicyConfig;
    expect(cache).toMatchObject({ DefaultTTL: 0, MinTTL: 0 });
    expect(cache.MaxTTL).toBeLessThanOrEqual(300);
    const key = cache.ParametersInCacheKeyAndForwardedToOrigin;
    expect(key.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: ['Authorization'] });
    expect(key.CookiesConfig).toEqual({ CookieBehavior: 'none' });
  });

  it('forwards query strings, Content-Type and the viewer address, but no cookies and no User-Agent', () => {
    const policy = resources[apiBehavior().OriginRequestPolicyId.Ref]!.Properties.OriginRequestPolicyConfig;
    expect(policy.CookiesConfig).toEqual({ CookieBehavior: 'none' });
    expect(policy.QueryStringsConfig).toEqual({ QueryStringBehavior: 'all' });
    expect(policy.HeadersConfig.HeaderBehavior).toBe('whitelist');
    const headers = (policy.HeadersConfig.Headers as string[]).map((h) => h.toLowerCase()).sort();
    expect(headers).toEqual(['content-type', VIEWER_IP_HEADER].sort());
    expect(headers).not.toContain('user-agent');
    expect(headers).not.toContain('cookie');
  });

  it('adds the origin-verify header from the secret, never a plain value', () => {
    const origin = originById(apiBehavior().TargetOriginId);
    const [secretId, secret] = onlyOne('AWS::SecretsManager::Secret');
    expect(secret.Properties.GenerateSecretString).toMatchObject({ ExcludePunctuation: true });
    const [header] = origin.OriginCustomHeaders as Json[];
    expect(header.HeaderName).toBe(ORIGIN_VERIFY_HEADER);
    expect(typeof header.HeaderValue).not.toBe('string');
    expect(header.HeaderValue).toEqual({
      'Fn::Join': ['', ['{{resolve:secretsmanager:', refTo(secretId), ':SecretString:::}}']],
    });
  });

  it('never caches an error response', () => {
    const errors = distributionConfig().CustomErrorResponses as Json[];
    for (const status of [400, 403, 404, 500, 502, 503, 504]) {
      expect(errors).toContainEqual({ ErrorCode: status, ErrorCachingMinTTL: 0 });
    }
  });

  it('sends the security headers local mode sends, plus HSTS, on every behavior', () => {
    const policyId = logicalId(built.edge.responseHeadersPolicy);
    const config = resources[policyId]!.Properties.ResponseHeadersPolicyConfig;
    const csp: string = config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    // The browser uploads to the portal's own origin (/upload), so the bucket is not a connect source.
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain(UPLOAD_ORIGIN);
    expect(csp).toBe(securityHeaders([])['content-security-policy']);
    expect(config.SecurityHeadersConfig).toMatchObject({
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
    });
    expect(config.CustomHeadersConfig.Items).toContainEqual({
      Header: 'permissions-policy',
      Value: securityHeaders([])['permissions-policy'],
      Override: true,
    });
    // The pages and the API get the same headers plus no-store (test/infra/abuseLimits.test.ts); the hashed assets these.
    const noStoreId = logicalId(built.edge.noStoreHeadersPolicy);
    const noStore = resources[noStoreId]!.Properties.ResponseHeadersPolicyConfig;
    expect(noStore.SecurityHeadersConfig).toEqual(config.SecurityHeadersConfig);
    expect(noStore.CustomHeadersConfig.Items).toEqual([
      ...config.CustomHeadersConfig.Items,
      { Header: 'cache-control', Value: 'no-store', Override: true },
    ]);
    expect(distributionConfig().DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual(refTo(noStoreId));
    expect(apiBehavior().ResponseHeadersPolicyId).toEqual(refTo(noStoreId));
    const assets = (distributionConfig().CacheBehaviors as Json[]).find((b) => b.PathPattern === '/assets/*');
    expect(assets.ResponseHeadersPolicyId).toEqual(refTo(policyId));
  });

  it('forwards the browser\u2019s upload POST on /upload to the attachment bucket: never cached, Content-Type only', () => {
    const upload = (distributionConfig().CacheBehaviors as Json[]).find((b) => b.PathPattern === '/upload');
    expect(upload).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: expect.arrayContaining(['POST']),
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: refTo(logicalId(built.edge.uploadOriginRequestPolicy)),
      ResponseHeadersPolicyId: refTo(logicalId(built.edge.noStoreHeadersPolicy)),
    });
    expect(upload.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [logicalId(built.edge.uploadPathFunction), 'FunctionARN'] } },
    ]);
    const origin = originById(upload.TargetOriginId);
    expect(origin.DomainName).toBe(new URL(UPLOAD_ORIGIN).host);
    expect(origin.OriginPath ?? '').toBe('');
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(origin.OriginCustomHeaders).toBeUndefined();
    const policy = resources[logicalId(built.edge.uploadOriginRequestPolicy)]!.Properties.OriginRequestPolicyConfig;
    expect(policy).toMatchObject({
      HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Content-Type'] },
      CookiesConfig: { CookieBehavior: 'none' },
      QueryStringsConfig: { QueryStringBehavior: 'none' },
    });
  });

  it('rewrites an upload POST to the bucket\u2019s root and refuses any other method at the edge', () => {
    const handler = new Function(`${UPLOAD_PATH_FUNCTION_CODE}; return handler;`)() as (event: Json) => Json;
    const posted = handler({ request: { method: 'POST', uri: '/upload', querystring: { a: { value: '1' } }, headers: {} } });
    expect(posted).toMatchObject({ method: 'POST', uri: '/', querystring: {} });
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
      expect(handler({ request: { method, uri: '/upload', querystring: {}, headers: {} } }), method).toMatchObject({ statusCode: 405 });
    }
  });

  it('takes the attachment bucket\u2019s regional endpoint as a deploy-time value', () => {
    const app = new App({ context: appContext() });
    const stack = new Stack(app, 'Tokens');
    const api = new RestApi(stack, 'Api', { cloudWatchRole: false });
    api.root.addMethod('GET', new MockIntegration());
    const attachments = new Bucket(stack, 'Attachments');
    new WebEdge(stack, 'Edge', { name: 'Tokens', api, stageName: 'dev', uploadOrigin: `https://${attachments.bucketRegionalDomainName}` });
    const [distribution] = Object.values(Template.fromStack(stack).findResources('AWS::CloudFront::Distribution'));
    const origins = JSON.stringify(distribution!.Properties.DistributionConfig.Origins);
    expect(origins).toContain(
      JSON.stringify({ 'Fn::GetAtt': [stack.getLogicalId(attachments.node.defaultChild as never), 'RegionalDomainName'] }),
    );
  });

  it('refuses an upload origin that is not an https origin', () => {
    const app = new App({ context: appContext() });
    const stack = new Stack(app, 'Bad');
    const api = new RestApi(stack, 'Api', { cloudWatchRole: false });
    api.root.addMethod('GET', new MockIntegration());
    expect(() => new WebEdge(stack, 'Edge', { name: 'Bad', api, stageName: 'dev', uploadOrigin: 'http://x.example/path' })).toThrow(
      /uploadOrigin/,
    );
  });
});

describe('viewer address function', () => {
  type Event = { viewer: { ip: string }; request: { headers: Record<string, { value: string }> } };
  const handler = new Function(`${VIEWER_IP_FUNCTION_CODE}; return handler;`)() as (event: Event) => Event['request'];
  const run = (ip: string, headers: Record<string, { value: string }> = {}) => handler({ viewer: { ip }, request: { headers } }).headers;

  it('is the code deployed on the /api/* behavior as a viewer-request function', () => {
    // Two functions: this one, and the upload path's rewrite (its own test above).
    expect(ofType('AWS::CloudFront::Function')).toHaveLength(2);
    const fnId = logicalId(built.edge.viewerIpFunction);
    const cfFn = resources[fnId]!;
    expect(cfFn.Properties.FunctionCode).toBe(VIEWER_IP_FUNCTION_CODE);
    expect(cfFn.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(apiBehavior().FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fnId, 'FunctionARN'] } },
    ]);
    expect(distributionConfig().DefaultCacheBehavior.FunctionAssociations).toBeUndefined();
  });

  it('overwrites whatever the client sent, and keeps other headers', () => {
    const headers = run('198.51.100.7', { [VIEWER_IP_HEADER]: { value: '203.0.113.1' }, 'content-type': { value: 'application/json' } });
    expect(headers[VIEWER_IP_HEADER]).toEqual({ value: '198.51.100.7' });
    expect(headers['content-type']).toEqual({ value: 'application/json' });
  });

  it('counts an IPv6 viewer by its /64, and an IPv4-mapped one by its IPv4 address', () => {
    expect(run('2001:db8:85a3:12:8a2e:370:7334:1')[VIEWER_IP_HEADER]!.value).toBe('2001:db8:85a3:12::');
    expect(run('2001:DB8::1')[VIEWER_IP_HEADER]!.value).toBe('2001:db8:0:0::');
    expect(run('2001:db8:1:2::99')[VIEWER_IP_HEADER]!.value).toBe('2001:db8:1:2::');
    expect(run('::ffff:192.0.2.33')[VIEWER_IP_HEADER]!.value).toBe('192.0.2.33');
  });
});

describe('API web ACL', () => {
  it('is REGIONAL, allows by default, keeps no sampled requests and has no logging', () => {
    const [, acl] = onlyOne('AWS::WAFv2::WebACL');
    expect(acl.Properties.Scope).toBe('REGIONAL');
    expect(acl.Properties.DefaultAction).toEqual({ Allow: {} });
    expect(acl.Properties.VisibilityConfig).toMatchObject({ SampledRequestsEnabled: false, CloudWatchMetricsEnabled: true });
    expect(rules().length).toBeGreaterThanOrEqual(6);
    for (const r of rules()) expect(r.VisibilityConfig, r.Name).toMatchObject({ SampledRequestsEnabled: false });
    expect(ofType('AWS::WAFv2::LoggingConfiguration')).toHaveLength(0);
  });

  it('is associated with the API stage', () => {
    const [, association] = onlyOne('AWS::WAFv2::WebACLAssociation');
    const [aclId] = onlyOne('AWS::WAFv2::WebACL');
    expect(association.Properties.WebACLArn).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    const arn = association.Properties.ResourceArn['Fn::Join'][1] as Json[];
    const stageId = built.stack.getLogicalId(built.api.deploymentStage.node.defaultChild as never);
    expect(arn).toEqual([
      'arn:',
      { Ref: 'AWS::Partition' },
      ':apigateway:',
      { Ref: 'AWS::Region' },
      '::/restapis/',
      refTo(logicalId(built.api)),
      '/stages/',
      refTo(stageId),
    ]);
  });

  it('blocks, first, every request without the origin-verify secret', () => {
    const r = rule('OriginVerify');
    expect(r.Priority).toBe(Math.min(...rules().map((x) => x.Priority as number)));
    expect(r.Action.Block.CustomResponse.ResponseCode).toBe(403);
    const match = r.Statement.NotStatement.Statement.ByteMatchStatement;
    expect(match.FieldToMatch).toEqual({ SingleHeader: { Name: ORIGIN_VERIFY_HEADER } });
    expect(match.PositionalConstraint).toBe('EXACTLY');
    const [secretId] = onlyOne('AWS::SecretsManager::Secret');
    expect(match.SearchString).toEqual({ 'Fn::Join': ['', ['{{resolve:secretsmanager:', refTo(secretId), ':SecretString:::}}']] });
  });

  it('rate-limits each viewer address on the rate-limited routes, with 429 in the portal error shape', () => {
    const r = rule('RateLimitedPaths');
    expect(r.Priority).toBeLessThan(rule('AWSManagedRulesCommonRuleSet').Priority);
    const statement = r.Statement.RateBasedStatement;
    expect(statement).toMatchObject({
      AggregateKeyType: 'FORWARDED_IP',
      ForwardedIPConfig: { HeaderName: VIEWER_IP_HEADER, FallbackBehavior: 'MATCH' },
      Limit: DEFAULT_RATE_LIMIT.requests,
      EvaluationWindowSec: DEFAULT_RATE_LIMIT.windowSeconds,
    });
    // Local mode's limit: 20 a minute from one address.
    expect(DEFAULT_RATE_LIMIT).toEqual({ requests: 20, windowSeconds: 60 });
    expect(r.Action.Block.CustomResponse).toMatchObject({ ResponseCode: 429, CustomResponseBodyKey: 'rateLimited' });
    const bodies = onlyOne('AWS::WAFv2::WebACL')[1].Properties.CustomResponseBodies;
    expect(JSON.parse(bodies.rateLimited.Content)).toMatchObject({ error: { code: 'RATE_LIMITED' } });

    const scope = statement.ScopeDownStatement.RegexMatchStatement;
    expect(scope.FieldToMatch).toEqual({ UriPath: {} });
    const regex = new RegExp(scope.RegexString as string);
    for (const path of RATE_LIMITED_API_PATHS) {
      expect(scope.RegexString).toContain(path);
      expect(regex.test(path), path).toBe(true);
      expect(regex.test(`/${STAGE}${path}`), `/${STAGE}${path}`).toBe(true);
      expect(regex.test(`${path}/`), `${path}/`).toBe(true);
    }
    for (const path of ['/api/reports/x', '/api/config', '/api/track/other', '/api/tracking', `/${STAGE}/api/cases`]) {
      expect(regex.test(path), path).toBe(false);
    }
  });

  it('limits exactly the rateLimited routes of functions/contract/routes.ts', () => {
    const expected = ROUTES.filter((r) => r.rateLimited).map((r) => `/api${r.resource}`);
    expect(rateLimitedApiPaths()).toEqual(expected);
    expect(rateLimitedApiPaths()).toEqual(RATE_LIMITED_API_PATHS);
    expect(new RegExp(pathSuffixRegex(['/api/cases/{caseId}/messages'])).test('/dev/api/cases/abc/messages')).toBe(true);
  });

  it('blocks bodies over 64 KiB with 413, inspecting up to 64 KiB of API Gateway bodies', () => {
    const [, acl] = onlyOne('AWS::WAFv2::WebACL');
    expect(acl.Properties.AssociationConfig).toEqual({ RequestBody: { API_GATEWAY: { DefaultSizeInspectionLimit: 'KB_64' } } });
    const r = rule('BodySize');
    expect(r.Statement.SizeConstraintStatement).toMatchObject({
      FieldToMatch: { Body: { OversizeHandling: 'MATCH' } },
      ComparisonOperator: 'GT',
      Size: 64 * 1024,
    });
    expect(r.Action.Block.CustomResponse).toMatchObject({ ResponseCode: 413, CustomResponseBodyKey: 'tooLarge' });
  });

  it('runs the three AWS managed rule groups, the common set counting (not blocking) bodies over 8 KB', () => {
    const groups = rules()
      .filter((r) => r.Statement.ManagedRuleGroupStatement)
      .map((r) => r.Statement.ManagedRuleGroupStatement);
    expect(groups.map((g) => g.Name).sort()).toEqual(
      ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'].sort(),
    );
    for (const g of groups) expect(g.VendorName).toBe('AWS');
    expect(groups.find((g) => g.Name === 'AWSManagedRulesCommonRuleSet').RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
    ]);
    for (const r of rules().filter((x) => x.Statement.ManagedRuleGroupStatement)) expect(r.OverrideAction).toEqual({ None: {} });
  });

  it('refuses a limit WAF cannot count', () => {
    const app = new App({ context: appContext() });
    const stack = new Stack(app, 'Bad');
    const secret = built.edge.originVerifySecret;
    expect(
      () =>
        new ApiFirewall(stack, 'Fw', {
          name: 'Bad',
          stageArn: 'arn:aws:apigateway:eu-west-1::/restapis/abc/stages/dev',
          originVerifySecret: secret,
          rateLimitedPaths: ['/api/track'],
          rateLimit: { requests: 5, windowSeconds: 60 },
        }),
    ).toThrow(/at least 10/);
  });
});

describe('environment-agnostic, offline', () => {
  it('names no region or account', () => {
    expect(Token.isUnresolved(built.stack.region)).toBe(true);
    // The fixture's upload origin (the bucket behind /upload) is the only literal host name.
    const text = JSON.stringify(template.toJSON()).replaceAll(new URL(UPLOAD_ORIGIN).host, '');
    expect(text).not.toMatch(/(us|eu|ap|sa|ca|me|af)-(east|west|north|south|central|northeast|southeast)-\d/);
    expect(text).not.toMatch(/\b\d{12}\b/);
  });
});

describe('cdk-nag AwsSolutions', () => {
  let report: PolicyValidationPluginReport;
  beforeAll(() => {
    report = new AwsSolutionsChecks(built.app).validateScope(built.stack);
  });

  /** Ours: the edge, the firewall, and BucketDeployment's singleton handler (created at stack level). */
  const ours = (path: string | undefined) => path !== undefined && /^EdgeTest\/(Edge|Firewall|Custom::CDKBucketDeployment)/.test(path);

  it('leaves no unacknowledged error on the edge, the firewall or the deployment handler', () => {
    const errors = report.violations
      .filter((v) => v.severity === 'error')
      .flatMap((v) => v.violatingResources.filter((r) => ours(r.constructPath)).map((r) => `${v.ruleName} at ${r.constructPath}`));
    expect(errors).toEqual([]);
  });

  it('leaves no unacknowledged warning on them either', () => {
    const warnings = report.violations
      .filter((v) => v.severity === 'warning')
      .flatMap((v) => v.violatingResources.filter((r) => ours(r.constructPath)).map((r) => `${v.ruleName} at ${r.constructPath}`));
    expect(warnings).toEqual([]);
  });

  it('gives a reason with every acknowledgement', () => {
    const acknowledged: Record<string, string> = {};
    for (const construct of built.stack.node.findAll()) {
      if (!ours(construct.node.path)) continue;
      for (const entry of construct.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) acknowledged[id] = reason;
      }
    }
    const ids = Object.keys(acknowledged).map((id) => id.replace(/^annotation::/i, ''));
    expect(ids).toEqual(
      expect.arrayContaining([
        'AwsSolutions-S1',
        'AwsSolutions-SMG4',
        'AwsSolutions-CFR1',
        'AwsSolutions-CFR3',
        'AwsSolutions-CFR4',
        'AwsSolutions-L1',
      ]),
    );
    for (const [id, reason] of Object.entries(acknowledged)) expect(reason.length, id).toBeGreaterThan(40);
  });
});
