// Template assertions on PortalMonitoring (lib/monitoring.ts) and on the scheduled jobs' dead-letter queue
// (lib/jobs.ts), each in a bare stack, plus cdk-nag's AwsSolutions pack on both. No bundling runs here
// ('aws:cdk:bundling-stacks': []), as in portalStack.test.ts.
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { MockIntegration, RestApi } from 'aws-cdk-lib/aws-apigateway';
import { Code, Function as LambdaFunction, type IFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { PortalJobs } from '#lib/jobs.js';
import { KeyCustody } from '#lib/keyCustody.js';
import { dashboardNameFor, PortalMonitoring, type PortalMonitoringProps } from '#lib/monitoring.js';
import { PortalSecrets } from '#lib/secrets.js';
import { PortalStorage } from '#lib/storage.js';
import { type CfnResource, type Json, ofType } from './support/template.js';

const NAME = 'CleanPortal-zz-test';
const EMAIL = 'alarms@example.org';

function newStack(id = 'MonitoringTest'): { app: App; stack: Stack } {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  return { app, stack: new Stack(app, id) };
}

/** A bare stack: a one-method REST API on stage `dev`, two plain functions, one queue, and the monitoring. */
function monitoringFixture(extra: Partial<PortalMonitoringProps> = {}) {
  const { app, stack } = newStack();
  const api = new RestApi(stack, 'Api', { restApiName: `${NAME}-api`, deployOptions: { stageName: 'dev' } });
  api.root.addMethod('GET', new MockIntegration());
  const fn = (id: string) =>
    new LambdaFunction(stack, id, {
      runtime: Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
    });
  const functions = { getConfig: fn('GetConfigFn'), createReport: fn('CreateReportFn') };
  const queue = new Queue(stack, 'SomeDeadLetters');
  const monitoring = new PortalMonitoring(stack, 'Monitoring', {
    name: NAME,
    custody: new KeyCustody(stack, 'KeyCustody', { name: NAME }),
    api,
    stageName: 'dev',
    functions,
    deadLetterQueues: [queue],
    ...extra,
  });
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, CfnResource>;
  return { app, stack, api, functions, queue, monitoring, template, resources };
}

const logicalId = (construct: IConstruct) => Stack.of(construct).resolve((construct.node.defaultChild as any).logicalId) as string;
const refersTo = (value: Json, id: string) => JSON.stringify(value).includes(`"${id}"`);

/** An alarm's one metric, whether CloudFormation got it in the short form or as a one-entry `Metrics` list. */
function metricOf(alarm: CfnResource): { namespace: string; name: string; dimensions: Json[]; stat: string; period: number } {
  const p = alarm.Properties;
  if (p.Metrics) {
    expect(p.Metrics).toHaveLength(1);
    const stat = p.Metrics[0].MetricStat;
    return {
      namespace: stat.Metric.Namespace,
      name: stat.Metric.MetricName,
      dimensions: stat.Metric.Dimensions,
      stat: stat.Stat,
      period: stat.Period,
    };
  }
  return {
    namespace: p.Namespace,
    name: p.MetricName,
    dimensions: p.Dimensions,
    stat: p.Statistic ?? p.ExtendedStatistic,
    period: p.Period,
  };
}

/** cdk-nag AwsSolutions findings (errors and warnings) on resources under `scopePath`. */
function nagFindings(app: App, stack: Stack, scopePath: string): string[] {
  const report = new AwsSolutionsChecks(app).validateScope(stack);
  return report.violations.flatMap((v) =>
    v.violatingResources
      .filter((r) => (r.constructPath ?? '').startsWith(scopePath))
      .map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}`),
  );
}

/** Every acknowledgement recorded under `scope`, by rule id, with its reason. */
function acknowledgements(scope: IConstruct): Record<string, string> {
  const found: Record<string, string> = {};
  for (const c of scope.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) found[id.replace(/^annotation::/i, '')] = reason;
    }
  }
  return found;
}

describe('PortalMonitoring: alarms', () => {
  const { template, resources, functions, queue, monitoring } = monitoringFixture({ alarmEmail: EMAIL });
  const alarms = ofType(resources, 'AWS::CloudWatch::Alarm');
  const [topicId] = ofType(resources, 'AWS::SNS::Topic')[0]!;

  it('has one API alarm, two per function and one per dead-letter queue', () => {
    const expected = 1 + 2 * Object.keys(functions).length + 1;
    expect(alarms).toHaveLength(expected);
    template.resourceCountIs('AWS::CloudWatch::Alarm', expected);
    expect(monitoring.alarms).toHaveLength(expected);
  });

  it('every alarm fires on one datapoint ≥ 1 over 5 minutes, treats missing data as fine and notifies the topic', () => {
    for (const [id, alarm] of alarms) {
      expect(alarm.Properties, id).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: topicId }],
        OKActions: [{ Ref: topicId }],
      });
      expect(metricOf(alarm).period, id).toBe(300);
      expect(String(alarm.Properties.AlarmName), id).toMatch(new RegExp(`^${NAME}-`));
      expect(String(alarm.Properties.AlarmDescription).length, id).toBeGreaterThan(40);
    }
  });

  it('alarms on the 5XXError sum of the API stage (ApiName and Stage dimensions)', () => {
    const api = alarms.filter(([, a]) => metricOf(a).namespace === 'AWS/ApiGateway');
    expect(api).toHaveLength(1);
    const metric = metricOf(api[0]![1]);
    expect(metric).toMatchObject({ name: '5XXError', stat: 'Sum' });
    expect(metric.dimensions).toEqual(
      expect.arrayContaining([
        { Name: 'ApiName', Value: `${NAME}-api` },
        { Name: 'Stage', Value: 'dev' },
      ]),
    );
    expect(metric.dimensions).toHaveLength(2);
  });

  it.each(['getConfig', 'createReport'] as const)("alarms on %s's Errors and Throttles sums", (name) => {
    const fnId = logicalId(functions[name]);
    const own = alarms.filter(([, a]) => refersTo(metricOf(a).dimensions, fnId));
    expect(own.map(([, a]) => metricOf(a).name).sort()).toEqual(['Errors', 'Throttles']);
    for (const [, a] of own) {
      expect(metricOf(a)).toMatchObject({
        namespace: 'AWS/Lambda',
        stat: 'Sum',
        dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }],
      });
      expect(a.Properties.AlarmName).toMatch(new RegExp(`-fn-${name}-(errors|throttles)$`));
    }
  });

  it('alarms when a dead-letter queue holds a message (ApproximateNumberOfMessagesVisible, maximum)', () => {
    const queueId = logicalId(queue);
    const own = alarms.filter(([, a]) => metricOf(a).namespace === 'AWS/SQS');
    expect(own).toHaveLength(1);
    expect(metricOf(own[0]![1])).toMatchObject({
      name: 'ApproximateNumberOfMessagesVisible',
      stat: 'Maximum',
      dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
    });
  });

  it('labels functions given as an array by their construct id', () => {
    const { stack } = newStack('ArrayForm');
    const api = new RestApi(stack, 'Api', { deployOptions: { stageName: 'dev' } });
    api.root.addMethod('GET', new MockIntegration());
    const fn: IFunction = new LambdaFunction(stack, 'Sweeper', {
      runtime: Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler = async () => 1;'),
    });
    const custody = new KeyCustody(stack, 'KeyCustody', { name: 'P' });
    new PortalMonitoring(stack, 'Monitoring', { name: 'P', custody, api, stageName: 'dev', functions: [fn], deadLetterQueues: [] });
    const names = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName);
    expect(names.sort()).toEqual(['P-api-5xx', 'P-fn-Sweeper-errors', 'P-fn-Sweeper-throttles']);
  });
});

describe('PortalMonitoring: alarm topic', () => {
  const { template, resources } = monitoringFixture({ alarmEmail: EMAIL });
  const [topicId, topic] = ofType(resources, 'AWS::SNS::Topic')[0]!;

  it('is encrypted with its own rotated customer-managed key, which CloudWatch may use to publish', () => {
    expect(ofType(resources, 'AWS::SNS::Topic')).toHaveLength(1);
    const keyId = topic.Properties.KmsMasterKeyId['Fn::GetAtt'][0] as string;
    expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(JSON.stringify(topic.Properties.KmsMasterKeyId)).not.toContain('alias/aws/sns');
    const key = resources[keyId]!;
    expect(key.Type).toBe('AWS::KMS::Key');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    const forCloudWatch = (key.Properties.KeyPolicy.Statement as Json[]).filter((s) => s.Principal?.Service === 'cloudwatch.amazonaws.com');
    expect(forCloudWatch).toHaveLength(1);
    expect(forCloudWatch[0]).toMatchObject({ Effect: 'Allow' });
    expect([forCloudWatch[0].Action].flat().sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
  });

  it('refuses publishing without TLS, and lets only this deployment\u2019s alarms in this account publish', () => {
    const policies = ofType(resources, 'AWS::SNS::TopicPolicy');
    expect(policies).toHaveLength(1);
    const [, policy] = policies[0]!;
    expect(policy.Properties.Topics).toEqual([{ Ref: topicId }]);
    const statements = policy.Properties.PolicyDocument.Statement as Json[];
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Principal: '*',
        Action: 'sns:Publish',
        Resource: { Ref: topicId },
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    const allow = statements.find((s) => s.Effect === 'Allow');
    expect(allow).toMatchObject({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Resource: { Ref: topicId } });
    expect(allow.Condition.StringEquals).toEqual({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } });
    expect(JSON.stringify(allow.Condition.ArnLike['aws:SourceArn'])).toContain(`:alarm:${NAME}-*`);
  });

  it('subscribes alarmEmail', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: EMAIL, TopicArn: { Ref: topicId } });
  });

  it('subscribes nobody without alarmEmail, and refuses something that is not an address', () => {
    monitoringFixture().template.resourceCountIs('AWS::SNS::Subscription', 0);
    expect(() => monitoringFixture({ alarmEmail: 'not an address' })).toThrow(/alarmEmail/);
  });
});

describe('PortalMonitoring: dashboard', () => {
  const { resources, functions, queue } = monitoringFixture();

  it('is named after the deployment and shows the API, every function and the dead-letter queues', () => {
    const dashboards = ofType(resources, 'AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    const [, dashboard] = dashboards[0]!;
    expect(dashboard.Properties.DashboardName).toBe(dashboardNameFor(NAME));
    expect(dashboardNameFor('CleanPortal kr/dev')).toBe('CleanPortal-kr-dev');
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const metric of ['Count', '4XXError', '5XXError', 'Latency']) expect(body).toContain(`\\"AWS/ApiGateway\\",\\"${metric}\\"`);
    for (const [name, fn] of Object.entries(functions)) {
      expect(body, name).toContain(`${name}: invocations, errors, throttles; duration`);
      expect(body, name).toContain(`{"Ref":"${logicalId(fn)}"}`);
    }
    for (const metric of ['Invocations', 'Errors', 'Throttles', 'Duration']) expect(body).toContain(`\\"AWS/Lambda\\",\\"${metric}\\"`);
    expect(body).toContain('ApproximateNumberOfMessagesVisible');
    expect(body).toContain(`{"Fn::GetAtt":["${logicalId(queue)}","QueueName"]}`);
    // The alarm status widget lists every alarm.
    for (const [id] of ofType(resources, 'AWS::CloudWatch::Alarm')) expect(body).toContain(`{"Fn::GetAtt":["${id}","Arn"]}`);
  });
});

describe('PortalMonitoring: cdk-nag AwsSolutions', () => {
  it('reports nothing on the monitoring resources, and needs no acknowledgement', () => {
    const { app, stack, monitoring } = monitoringFixture({ alarmEmail: EMAIL });
    expect(nagFindings(app, stack, `${stack.stackName}/Monitoring/`)).toEqual([]);
    expect(acknowledgements(monitoring)).toEqual({});
    // The check does run: the fixture's bare queue, which is not ours, is flagged.
    expect(nagFindings(app, stack, `${stack.stackName}/SomeDeadLetters/`).join('\n')).toMatch(/AwsSolutions-SQS4/);
  });
});

describe('PortalJobs: the scheduled jobs\u2019 dead-letter queue', () => {
  const jobsFixture = () => {
    const { app, stack } = newStack('JobsTest');
    const custody = new KeyCustody(stack, 'KeyCustody', { name: NAME });
    const secrets = new PortalSecrets(stack, 'Secrets', { name: NAME, custody });
    const storage = new PortalStorage(stack, 'Storage', { name: NAME, custody });
    const jobs = new PortalJobs(stack, 'Jobs', { name: NAME, country: 'kr', storage, secrets });
    const template = Template.fromStack(stack);
    return { app, stack, jobs, template, resources: template.toJSON().Resources as Record<string, CfnResource> };
  };
  const { app, stack, jobs, resources } = jobsFixture();
  const queueId = logicalId(jobs.deadLetters);
  const fnId = logicalId(jobs.deadlineSweep);
  const publisherId = logicalId(jobs.statisticsPublisher);
  const anchorId = logicalId(jobs.auditAnchorJob);

  it('has three schedules, the sweep’s, the statistics publisher’s and the audit anchor job’s, each with one target', () => {
    const rules = ofType(resources, 'AWS::Events::Rule');
    expect(rules).toHaveLength(3);
    const targets = rules.map(([, r]) => r.Properties.Targets as Json[]);
    for (const t of targets) expect(t).toHaveLength(1);
    expect(targets.map((t) => t[0].Arn['Fn::GetAtt'][0]).sort()).toEqual([fnId, publisherId, anchorId].sort());
  });

  it.each([
    ['the sweep', () => fnId],
    ['the statistics publisher', () => publisherId],
    ['the audit anchor job', () => anchorId],
  ])('%s: the schedule target retries twice within an hour, then sends the event to the queue', (_name, id) => {
    const rule = ofType(resources, 'AWS::Events::Rule').find(([, r]) => refersTo(r.Properties.Targets, id()));
    expect(rule).toBeDefined();
    expect((rule![1].Properties.Targets as Json[])[0]).toMatchObject({
      Arn: { 'Fn::GetAtt': [id(), 'Arn'] },
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
      RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
    });
  });

  it.each([
    ['a sweep', () => fnId],
    ['a statistics run', () => publisherId],
    ['an anchor run', () => anchorId],
  ])('%s that runs and fails also lands in the queue (on-failure destination of the async invocation)', (_name, id) => {
    const configs = ofType(resources, 'AWS::Lambda::EventInvokeConfig');
    expect(configs).toHaveLength(3);
    const config = configs.find(([, c]) => refersTo(c.Properties.FunctionName, id()));
    expect(config![1].Properties).toMatchObject({
      FunctionName: { Ref: id() },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
  });

  it('the queue is encrypted, keeps messages 14 days, and refuses non-TLS requests', () => {
    const queue = resources[queueId]!;
    expect(queue.Type).toBe('AWS::SQS::Queue');
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    expect(queue.Properties.QueueName).toBeUndefined();
    const policies = ofType(resources, 'AWS::SQS::QueuePolicy').filter(([, p]) => refersTo(p.Properties.Queues, queueId));
    expect(policies).toHaveLength(1);
    const statements = policies[0]![1].Properties.PolicyDocument.Statement as Json[];
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    // Only the three job rules may send to it through EventBridge.
    const rules = ofType(resources, 'AWS::Events::Rule');
    expect(rules).toHaveLength(3);
    for (const [ruleId] of rules) {
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
        }),
      );
    }
    expect(statements.filter((st: Json) => st.Principal?.Service === 'events.amazonaws.com')).toHaveLength(3);
  });

  it('cdk-nag AwsSolutions reports nothing unacknowledged on the jobs, and every acknowledgement says why', () => {
    expect(nagFindings(app, stack, `${stack.stackName}/Jobs/`)).toEqual([]);
    const acks = acknowledgements(jobs);
    // The AwsSolutions ones; the NIST and Serverless packs' are pinned by nag.test.ts on the whole stack.
    const ids = Object.keys(acks)
      .filter((id) => id.startsWith('AwsSolutions-'))
      .sort();
    // Retention: the sweep deletes versions under the attachments bucket's evidence/ (lib/retention.ts).
    const evidence = ids.filter((id) => /^AwsSolutions-IAM5\[Resource::<StorageAttachments[0-9A-F]+\.Arn>\/evidence\/\*\]$/.test(id));
    expect(evidence).toHaveLength(1);
    expect(ids.filter((id) => !evidence.includes(id))).toEqual(
      [
        'AwsSolutions-SQS3',
        'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
        'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
        // No index wildcard any more: each job names the one index it reads (lib/jobs.ts).
      ].sort(),
    );
    for (const [id, reason] of Object.entries(acks)) expect(reason.length, id).toBeGreaterThan(60);
    expect(acks['AwsSolutions-SQS3']).toMatch(/dead-letter queue/);
  });

  it('wired into PortalMonitoring, the queue, the sweep, the publisher and the anchor job get their alarms', () => {
    const { stack: s, app: a } = newStack('Wired');
    const custody = new KeyCustody(s, 'KeyCustody', { name: NAME });
    const secrets = new PortalSecrets(s, 'Secrets', { name: NAME, custody });
    const storage = new PortalStorage(s, 'Storage', { name: NAME, custody });
    const wired = new PortalJobs(s, 'Jobs', { name: NAME, country: 'kr', storage, secrets });
    const api = new RestApi(s, 'Api', { deployOptions: { stageName: 'dev' } });
    api.root.addMethod('GET', new MockIntegration());
    new PortalMonitoring(s, 'Monitoring', {
      name: NAME,
      custody,
      api,
      stageName: 'dev',
      functions: {
        sweepDeadlines: wired.deadlineSweep,
        publishPublicStats: wired.statisticsPublisher,
        anchorAuditHeads: wired.auditAnchorJob,
      },
      deadLetterQueues: [wired.deadLetters],
    });
    const names = Object.values(Template.fromStack(s).findResources('AWS::CloudWatch::Alarm')).map((x) => x.Properties.AlarmName);
    expect(names.sort()).toEqual(
      [
        `${NAME}-api-5xx`,
        `${NAME}-fn-sweepDeadlines-errors`,
        `${NAME}-fn-sweepDeadlines-throttles`,
        `${NAME}-fn-publishPublicStats-errors`,
        `${NAME}-fn-publishPublicStats-throttles`,
        `${NAME}-fn-anchorAuditHeads-errors`,
        `${NAME}-fn-anchorAuditHeads-throttles`,
        `${NAME}-dlq-DeadLetters`,
      ].sort(),
    );
    expect(nagFindings(a, s, `${s.stackName}/Monitoring/`)).toEqual([]);
    expect(nagFindings(a, s, `${s.stackName}/Jobs/`)).toEqual([]);
  });
});
