// Abuse limits, on the synthesized portal stack: the web ACL's two per-address rate rules (rate, window, key,
// scope-down paths), the lookup throttle derived from them, the table's on-demand maximum throughput, the monthly
// cost budget (only with `-c monthlyBudget=`), and `Cache-Control: no-store` on pages and API answers at the edge.
// The arithmetic is docs/security.md, "Abuse limits: the arithmetic"; this file recomputes it from the constants.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, NIST80053R5Checks, ServerlessChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { PER_ADDRESS_LIMITS } from '#contract/abuseLimits.js';
import { ROUTES } from '#contract/routes.js';
import { ABUSIVE_ADDRESSES, DEFAULT_LOOKUP_THROTTLE, DEFAULT_THROTTLE, LOOKUP_HEADROOM_RPS } from '#lib/api.js';
import { BUDGET_THRESHOLDS, MONTHLY_BUDGET_CONTEXT, monthlyBudgetFrom } from '#lib/costBudget.js';
import { API_PATHS_REGEX, VIEWER_IP_HEADER } from '#lib/firewall.js';
import { PROJECT_ROOT } from '#lib/portalFunction.js';
import { PortalStack, portalStackName } from '#lib/portalStack.js';
import { TABLE_MAX_THROUGHPUT } from '#lib/storage.js';
import { appContext } from './support/appContext.js';
import { sharedPortalStack } from './support/sharedPortalStack.js';
import { type CfnResource, type Json, ofType as ofTypeIn, onlyOne as onlyOneIn } from './support/template.js';
import { RATE_LIMITED_API_PATHS } from './support/rateLimitedPaths.js';

const { resources, nag } = sharedPortalStack();
const ofType = (type: string) => ofTypeIn(resources, type);
const onlyOne = (type: string) => onlyOneIn(resources, type);
const rules = (): Json[] => onlyOne('AWS::WAFv2::WebACL')[1].Properties.Rules;
const rule = (name: string): Json => rules().find((r) => r.Name === name);
const STAGE = 'dev';

describe('per-address rate rules of the web ACL', () => {
  it('limits the writing and guessing routes to 20 a minute per viewer address, together', () => {
    const r = rule('RateLimitedPaths');
    expect(r.Statement.RateBasedStatement).toMatchObject({
      Limit: 20,
      EvaluationWindowSec: 60,
      AggregateKeyType: 'FORWARDED_IP',
      ForwardedIPConfig: { HeaderName: VIEWER_IP_HEADER, FallbackBehavior: 'MATCH' },
    });
    expect(PER_ADDRESS_LIMITS.writeAndGuess).toEqual({ requests: 20, windowSeconds: 60 });
    expect(ROUTES.filter((route) => route.rateLimited).map((route) => `${route.method} ${route.resource}`)).toEqual([
      'POST /uploads',
      'POST /reports',
      'POST /track',
      'POST /track/messages',
      'POST /track/applications',
      'POST /track/applications/messages',
      'POST /auth/login',
    ]);
    const regex = new RegExp(r.Statement.RateBasedStatement.ScopeDownStatement.RegexMatchStatement.RegexString as string);
    for (const path of RATE_LIMITED_API_PATHS) {
      expect(regex.test(path), path).toBe(true);
      expect(regex.test(`/${STAGE}${path}`), `/${STAGE}${path}`).toBe(true);
    }
    for (const path of ['/api/config', '/api/cases', '/api/cases/abc/messages', '/api/stats/public', '/api/uploads/x']) {
      expect(regex.test(path), path).toBe(false);
    }
  });

  it('limits every /api/* call to 600 per 5 minutes per viewer address, unknown paths included', () => {
    const r = rule('ApiPerAddress');
    const statement = r.Statement.RateBasedStatement;
    expect(statement).toMatchObject({
      Limit: 600,
      EvaluationWindowSec: 300,
      AggregateKeyType: 'FORWARDED_IP',
      ForwardedIPConfig: { HeaderName: VIEWER_IP_HEADER, FallbackBehavior: 'MATCH' },
    });
    expect(PER_ADDRESS_LIMITS.api).toEqual({ requests: 600, windowSeconds: 300 });
    const scope = statement.ScopeDownStatement.RegexMatchStatement;
    expect(scope.FieldToMatch).toEqual({ UriPath: {} });
    expect(scope.RegexString).toBe(API_PATHS_REGEX);
    expect(scope.TextTransformations).toEqual([
      { Priority: 0, Type: 'URL_DECODE' },
      { Priority: 1, Type: 'NORMALIZE_PATH' },
    ]);
    const regex = new RegExp(API_PATHS_REGEX);
    const everyRoute = ROUTES.map((route) => `/api${route.resource.replace(/\{[^}]+\}/g, 'x')}`);
    for (const path of [...everyRoute, '/api', '/api/', '/api/no-such-path']) {
      expect(regex.test(path), path).toBe(true);
      expect(regex.test(`/${STAGE}${path}`), `/${STAGE}${path}`).toBe(true);
    }
    for (const path of ['/apix', '/dev/apis/config', '/a/b/api/config']) expect(regex.test(path), path).toBe(false);
  });

  it('answers both with 429 in the error shape, Retry-After the window, no-store; the tight rule first', () => {
    const bodies = onlyOne('AWS::WAFv2::WebACL')[1].Properties.CustomResponseBodies;
    for (const [name, key, window] of [
      ['RateLimitedPaths', 'rateLimited', '60'],
      ['ApiPerAddress', 'apiRateLimited', '300'],
    ] as const) {
      const response = rule(name).Action.Block.CustomResponse;
      expect(response).toMatchObject({ ResponseCode: 429, CustomResponseBodyKey: key });
      expect(response.ResponseHeaders).toEqual(
        expect.arrayContaining([
          { Name: 'retry-after', Value: window },
          { Name: 'cache-control', Value: 'no-store' },
        ]),
      );
      expect(JSON.parse(bodies[key].Content)).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
      expect(bodies[key].ContentType).toBe('APPLICATION_JSON');
    }
    // A call the tight rule blocks is not counted again by the wide one; both count before the managed groups.
    expect(rule('OriginVerify').Priority).toBeLessThan(rule('RateLimitedPaths').Priority);
    expect(rule('RateLimitedPaths').Priority).toBeLessThan(rule('ApiPerAddress').Priority);
    expect(rule('ApiPerAddress').Priority).toBeLessThan(rule('AWSManagedRulesCommonRuleSet').Priority);
    expect(new Set(rules().map((x) => x.Priority)).size).toBe(rules().length);
  });
});

describe('throttles: the arithmetic of docs/security.md', () => {
  const stageSettings = (): Json[] => onlyOne('AWS::ApiGateway::Stage')[1].Properties.MethodSettings;

  it('sizes each lookup method so that 20 addresses at their per-address limit leave 10 lookups a second for everyone else', () => {
    const abusive = ABUSIVE_ADDRESSES * (PER_ADDRESS_LIMITS.writeAndGuess.requests / PER_ADDRESS_LIMITS.writeAndGuess.windowSeconds);
    expect(ABUSIVE_ADDRESSES).toBe(20);
    expect(LOOKUP_HEADROOM_RPS).toBe(10);
    expect(abusive).toBeCloseTo(6.67, 2);
    expect(DEFAULT_LOOKUP_THROTTLE).toEqual({ rateLimit: 17, burstLimit: 34 });
    expect(DEFAULT_LOOKUP_THROTTLE.rateLimit - abusive).toBeGreaterThanOrEqual(LOOKUP_HEADROOM_RPS);
    for (const route of ROUTES.filter((r) => r.lookupThrottle)) {
      const path = `/api${route.resource}`.replaceAll('/', '~1');
      const own = stageSettings().find((m) => m.ResourcePath === `/${path}` && m.HttpMethod === route.method);
      expect(own, route.resource).toMatchObject({ ThrottlingRateLimit: 17, ThrottlingBurstLimit: 34 });
    }
  });

  it('keeps the stage throttle above what 20 addresses at the wide per-address limit can send', () => {
    const all = stageSettings().find((m) => m.ResourcePath === '/*' && m.HttpMethod === '*');
    expect(all).toMatchObject({ ThrottlingRateLimit: DEFAULT_THROTTLE.rateLimit, ThrottlingBurstLimit: DEFAULT_THROTTLE.burstLimit });
    const abusive = ABUSIVE_ADDRESSES * (PER_ADDRESS_LIMITS.api.requests / PER_ADDRESS_LIMITS.api.windowSeconds);
    expect(abusive).toBe(40);
    expect(all.ThrottlingRateLimit - abusive).toBeGreaterThanOrEqual(50);
  });

  it('states the same figures in docs/security.md', () => {
    const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'security.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Abuse limits: the arithmetic'));
    expect(section.length).toBeGreaterThan(100);
    for (const figure of ['20 × 20 / 60', '6.67', '17', '34', '600', '40', '500', '4,000', '$221.40']) {
      expect(section, figure).toContain(figure);
    }
  });
});

describe('table on-demand maximum throughput', () => {
  it('caps the case table and each of its indexes, and the case keys’ table as the case table', () => {
    const tables = ofType('AWS::DynamoDB::Table');
    const [, keys] = tables.find(([id]) => id.startsWith('CaseKeys'))!;
    expect(keys.Properties.OnDemandThroughput).toEqual({ MaxReadRequestUnits: 4000, MaxWriteRequestUnits: 500 });
    const [, table] = tables.find(([id]) => id.startsWith('Storage'))!;
    expect(tables).toHaveLength(2);
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.OnDemandThroughput).toEqual({ MaxReadRequestUnits: 4000, MaxWriteRequestUnits: 500 });
    const indexes = table.Properties.GlobalSecondaryIndexes as Json[];
    expect(indexes).toHaveLength(4);
    for (const index of indexes) {
      expect(index.OnDemandThroughput, index.IndexName).toEqual({ MaxReadRequestUnits: 1000, MaxWriteRequestUnits: 500 });
    }
  });

  it('leaves room for 20 addresses filing at their limit, and costs at most $221.40 on the worst day', () => {
    // docs/performance.md: a write to a case (filing, a message, an audit event) costs 36 write units, 52 at most.
    const caseWrite = 36;
    const abusive = ABUSIVE_ADDRESSES * (PER_ADDRESS_LIMITS.writeAndGuess.requests / PER_ADDRESS_LIMITS.writeAndGuess.windowSeconds);
    expect(TABLE_MAX_THROUGHPUT.table.writeRequestUnits - abusive * caseWrite).toBeGreaterThanOrEqual(250);
    // us-east-1 on-demand list prices: $0.625 per million write units, $0.125 per million read units.
    const day = 86_400;
    const dollars = ({ readRequestUnits, writeRequestUnits }: { readRequestUnits: number; writeRequestUnits: number }) =>
      (writeRequestUnits * day * 0.625 + readRequestUnits * day * 0.125) / 1e6;
    const worstDay = dollars(TABLE_MAX_THROUGHPUT.table) + 4 * dollars(TABLE_MAX_THROUGHPUT.index);
    expect(worstDay).toBeCloseTo(221.4, 2);
  });
});

describe('Cache-Control: no-store at the edge', () => {
  const distributionConfig = () => onlyOne('AWS::CloudFront::Distribution')[1].Properties.DistributionConfig;
  const policies = () => ofType('AWS::CloudFront::ResponseHeadersPolicy');
  const noStoreId = () => {
    const found = policies().filter(([, p]) =>
      (p.Properties.ResponseHeadersPolicyConfig.CustomHeadersConfig?.Items as Json[] | undefined)?.some(
        (h) => h.Header === 'cache-control' && h.Value === 'no-store' && h.Override === true,
      ),
    );
    expect(found).toHaveLength(1);
    return found[0]![0];
  };

  it('tells viewers no-store on the pages and on every /api/* answer, whatever the origin said', () => {
    const config = distributionConfig();
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: noStoreId() });
    const api = (config.CacheBehaviors as Json[]).find((b) => b.PathPattern === '/api/*');
    expect(api.ResponseHeadersPolicyId).toEqual({ Ref: noStoreId() });
  });

  it('keeps the year-long caching of the content-hashed scripts, with the same security headers', () => {
    const assets = (distributionConfig().CacheBehaviors as Json[]).find((b) => b.PathPattern === '/assets/*');
    expect(assets).toBeDefined();
    expect(assets.ResponseHeadersPolicyId).not.toEqual({ Ref: noStoreId() });
    expect(assets.TargetOriginId).toBe(distributionConfig().DefaultCacheBehavior.TargetOriginId);
    const [[, a], [, b]] = policies() as [[string, CfnResource], [string, CfnResource]];
    expect(a.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig).toEqual(
      b.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig,
    );
  });

  it("answers the gateway's own refusals with no-store", () => {
    const responses = ofType('AWS::ApiGateway::GatewayResponse');
    expect(responses.length).toBeGreaterThan(5);
    for (const [id, r] of responses) expect(r.Properties.ResponseParameters['gatewayresponse.header.Cache-Control'], id).toBe("'no-store'");
  });
});

describe('monthly cost budget', () => {
  it('is absent without -c monthlyBudget', () => {
    expect(ofType('AWS::Budgets::Budget')).toHaveLength(0);
    const [, topicPolicy] = onlyOne('AWS::SNS::TopicPolicy');
    expect(JSON.stringify(topicPolicy.Properties.PolicyDocument)).not.toContain('budgets.amazonaws.com');
  });

  it('refuses a value that is not a positive amount of dollars, naming the context key', () => {
    for (const bad of ['', 'abc', '0', '-5', '1e3', '12.345', 'NaN', true, {}]) {
      expect(() => monthlyBudgetFrom(bad), JSON.stringify(bad)).toThrow(/monthlyBudget must be a positive amount in US dollars/);
    }
    expect(monthlyBudgetFrom(undefined)).toBeUndefined();
    expect(monthlyBudgetFrom('50')).toBe(50);
    expect(monthlyBudgetFrom(' 12.5 ')).toBe(12.5);
    expect(monthlyBudgetFrom(75)).toBe(75);
    const app = new App({ context: appContext({ [MONTHLY_BUDGET_CONTEXT]: 'lots' }) });
    expect(() => new PortalStack(app, portalStackName('kr', 'dev'), { country: 'kr', stage: 'dev' })).toThrow(/monthlyBudget/);
  });

  describe('with -c monthlyBudget=50', () => {
    let withBudget: Record<string, CfnResource>;
    let findings: string[];
    beforeAll(() => {
      const app = new App({ context: appContext({ [MONTHLY_BUDGET_CONTEXT]: '50' }) });
      const stack = new PortalStack(app, portalStackName('kr', 'dev'), { country: 'kr', stage: 'dev' });
      withBudget = Template.fromStack(stack).toJSON().Resources;
      findings = [AwsSolutionsChecks, NIST80053R5Checks, ServerlessChecks].flatMap((Pack) =>
        new Pack(app)
          .validateScope(stack)
          .violations.map((v) => `${v.ruleName} (${v.severity}): ${v.violatingResources.map((r) => r.constructPath).join(', ')}`),
      );
    }, 240_000);

    it('notifies the alarm topic at 80 % and 100 % of the actual cost and 100 % of the forecast', () => {
      const [, budget] = onlyOneIn(withBudget, 'AWS::Budgets::Budget');
      const [topicId] = onlyOneIn(withBudget, 'AWS::SNS::Topic');
      expect(budget.Properties.Budget).toMatchObject({
        BudgetType: 'COST',
        TimeUnit: 'MONTHLY',
        BudgetLimit: { Amount: 50, Unit: 'USD' },
      });
      const notifications = budget.Properties.NotificationsWithSubscribers as Json[];
      expect(notifications.map((n) => [n.Notification.NotificationType, n.Notification.Threshold])).toEqual([
        ['ACTUAL', 80],
        ['ACTUAL', 100],
        ['FORECASTED', 100],
      ]);
      expect(BUDGET_THRESHOLDS).toHaveLength(3);
      for (const n of notifications) {
        expect(n.Notification).toMatchObject({ ComparisonOperator: 'GREATER_THAN', ThresholdType: 'PERCENTAGE' });
        expect(n.Subscribers).toEqual([{ SubscriptionType: 'SNS', Address: { Ref: topicId } }]);
      }
    });

    it("lets this account's budgets publish to the topic and use its key", () => {
      const [, topicPolicy] = onlyOneIn(withBudget, 'AWS::SNS::TopicPolicy');
      const publish = (topicPolicy.Properties.PolicyDocument.Statement as Json[]).find(
        (s) => s.Principal?.Service === 'budgets.amazonaws.com',
      );
      expect(publish).toMatchObject({
        Effect: 'Allow',
        Action: 'sns:Publish',
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      });
      expect(JSON.stringify(publish.Condition.ArnLike['aws:SourceArn'])).toContain(':budgets::');
      const [, topic] = onlyOneIn(withBudget, 'AWS::SNS::Topic');
      const keyId = topic.Properties.KmsMasterKeyId['Fn::GetAtt'][0] as string;
      const keyStatements = withBudget[keyId]!.Properties.KeyPolicy.Statement as Json[];
      expect(keyStatements.find((s) => s.Principal?.Service === 'budgets.amazonaws.com')).toMatchObject({
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      });
    });

    it('adds no cdk-nag finding of any pack', () => {
      const before = Object.values(nag.packs).flatMap((pack) => pack.findings);
      expect(findings.filter((f) => f.includes('CostBudget'))).toEqual([]);
      expect(findings.sort()).toEqual(before.sort());
    });
  });
});
