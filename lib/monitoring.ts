// Monitoring: alarms on API 5xx, on every function's errors and throttles, and on dead-letter queue depth, all
// notifying one encrypted SNS topic; and a dashboard with the same signals. No metric filter, no log query: the
// alarms read only the services' own metrics, never request data (invariant 2).
import { Duration, Stack, Token } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IWidget,
  type Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { KeyCustody } from './keyCustody.js';

/** The window every alarm and dashboard graph looks at. */
export const ALARM_PERIOD = Duration.minutes(5);

export interface PortalMonitoringProps {
  /** e.g. `CleanPortal-kr-dev`: prefixes the alarm names and names the dashboard. */
  readonly name: string;
  readonly api: RestApi;
  /** The API Gateway stage the alarms and graphs watch (the `Stage` dimension). */
  readonly stageName: string;
  /** The functions to watch, by a readable name (e.g. the handler name); an array is labelled by construct id. */
  readonly functions: Readonly<Record<string, IFunction>> | readonly IFunction[];
  /** Any message in one of these is a failure nobody has looked at yet. */
  readonly deadLetterQueues: readonly IQueue[];
  /** Subscribed to the alarm topic (AWS sends a confirmation mail first). @default no subscription */
  readonly alarmEmail?: string;
  /** Whose key encrypts the topic (lib/keyCustody.ts). */
  readonly custody: KeyCustody;
  /**
   * Functions that must run on a schedule: an alarm when one has not been invoked at all for `window` (no data
   * counts as not run). @default none
   */
  readonly heartbeats?: readonly { label: string; fn: IFunction; window: Duration }[];
}

/** Dashboard names allow letters, digits, `-` and `_` only. */
export function dashboardNameFor(name: string): string {
  if (Token.isUnresolved(name)) return name;
  return name.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 255);
}

interface ApiMetrics {
  apiMetric: (metricName: string, statistic: string, label: string) => Metric;
  serverErrors: Metric;
}

export class PortalMonitoring extends Construct {
  /** Every alarm notifies this topic, on ALARM and back on OK. */
  readonly topic: Topic;
  /** Encrypts the topic; CloudWatch may use it to publish. */
  readonly topicKey: Key;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  private readonly alarmPrefix: string;
  private readonly alarmAction: SnsAction;

  constructor(scope: Construct, id: string, props: PortalMonitoringProps) {
    super(scope, id);
    this.alarmPrefix = `${props.name}-`;
    const { topicKey, topic } = this.createAlarmTopic(props);
    this.topicKey = topicKey;
    this.topic = topic;
    this.alarmAction = new SnsAction(topic);
    const api = this.apiAlarms(props);
    const functionWidgets = this.functionAlarms(props);
    const depths = this.deadLetterAlarms(props);
    for (const heartbeat of props.heartbeats ?? []) this.heartbeatAlarm(heartbeat.label, heartbeat.fn, heartbeat.window);
    this.dashboard = this.createDashboard(props, api, functionWidgets, depths);
  }

  /** The topic every alarm notifies, encrypted under a key CloudWatch may use, with the optional e-mail subscriber. */
  private createAlarmTopic(props: PortalMonitoringProps): { topicKey: Key; topic: Topic } {
    const stack = Stack.of(this);
    const alarmPrefix = this.alarmPrefix;
    // A customer-managed key: the AWS-managed alias/aws/sns key's policy cannot be changed, so CloudWatch could
    // never publish alarms to a topic it encrypts. Under the same custody as the data keys, and retained: whoever
    // could delete or disable it would silence every alarm, the tamper alarms included (lib/tamperAlarms.ts).
    // The service statement is the form the SNS guide gives for AWS event sources publishing to an encrypted topic
    // (the SNS target of an EventBridge rule adds the same for events.amazonaws.com: lib/tamperAlarms.ts). No aws:SourceArn or aws:SourceAccount
    // condition: a condition the service does not send with its KMS call would drop every alarm silently. The topic
    // policy carries those conditions, so only this account's alarms and rules publish.
    const topicKey = props.custody.key(this, 'AlarmTopicKey', {
      description: `${props.name}: encrypts alarm notifications`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(7),
      serviceUse: [
        {
          sid: 'AllowCloudWatchAlarmsToPublishToTheTopic',
          service: 'cloudwatch.amazonaws.com',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        },
      ],
    });

    const topic = new Topic(this, 'AlarmTopic', {
      displayName: `${props.name} alarms`.slice(0, 100),
      masterKey: topicKey,
      // Deny sns:Publish without TLS (aws:SecureTransport false), for every principal.
      enforceSSL: true,
    });
    // The topic policy replaces SNS's default one: say explicitly that this account's CloudWatch alarms, and only
    // those named for this deployment, may publish (the confused-deputy conditions from the CloudWatch guide).
    topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowThisDeploymentsAlarmsToPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:${alarmPrefix}*` },
        },
      }),
    );
    if (props.alarmEmail !== undefined) {
      if (!Token.isUnresolved(props.alarmEmail) && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(props.alarmEmail)) {
        throw new Error(`PortalMonitoring: alarmEmail "${props.alarmEmail}" is not an email address`);
      }
      topic.addSubscription(new EmailSubscription(props.alarmEmail));
    }
    return { topicKey, topic };
  }

  /** One alarm: at least one of `metric` in the 5-minute period, notified on ALARM and back on OK. */
  private alarm(alarmId: string, suffix: string, metric: Metric, description: string): Alarm {
    const created = new Alarm(this, alarmId, {
      alarmName: `${this.alarmPrefix}${suffix}`,
      alarmDescription: description,
      metric,
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      // No data means no requests, no invocations, an empty queue: nothing wrong.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    created.addAlarmAction(this.alarmAction);
    created.addOkAction(this.alarmAction);
    this.alarms.push(created);
    return created;
  }

  /**
   * A scheduled function that stopped running: fewer than one invocation over `window`. Missing data is breaching,
   * because a function never invoked publishes no Invocations datapoint at all. Notified on ALARM and back on OK.
   */
  private heartbeatAlarm(label: string, fn: IFunction, window: Duration): Alarm {
    const safe = label.replace(/[^A-Za-z0-9]/g, '');
    const created = new Alarm(this, `${safe}HeartbeatAlarm`, {
      alarmName: `${this.alarmPrefix}fn-${label}-not-running`,
      alarmDescription:
        `The ${label} function has not been invoked in the last ${window.toMinutes()} minutes: its schedule is disabled, ` +
        'deleted or failing to invoke it. Cases past their deadline are not being marked overdue (docs/operations.md).',
      metric: fn.metricInvocations({ statistic: 'Sum', period: window, label: 'invocations' }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: TreatMissingData.BREACHING,
    });
    created.addAlarmAction(this.alarmAction);
    created.addOkAction(this.alarmAction);
    this.alarms.push(created);
    return created;
  }

  /** The API stage's 5XX alarm; answers the stage's metrics for the dashboard. */
  private apiAlarms(props: PortalMonitoringProps): ApiMetrics {
    const { api, stageName } = props;
    // ---- API ----
    const apiMetric = (metricName: string, statistic: string, label: string): Metric =>
      api.metric(metricName, {
        dimensionsMap: { ApiName: api.restApiName, Stage: stageName },
        statistic,
        period: ALARM_PERIOD,
        label,
      });
    const serverErrors = api.metricServerError({
      dimensionsMap: { ApiName: api.restApiName, Stage: stageName },
      statistic: 'Sum',
      period: ALARM_PERIOD,
      label: '5XX',
    });
    this.alarm(
      'Api5xxAlarm',
      'api-5xx',
      serverErrors,
      `The ${stageName} stage of ${api.restApiName} answered with a 5XX in the last 5 minutes. See the function alarms ` +
        'and the access log (status, route) for which route.',
    );

    return { apiMetric, serverErrors };
  }

  /** Errors and throttles of every function, alarmed; answers each function's dashboard graph. */
  private functionAlarms(props: PortalMonitoringProps): IWidget[] {
    const functions: [string, IFunction][] = Array.isArray(props.functions)
      ? (props.functions as readonly IFunction[]).map((fn) => [fn.node.id, fn])
      : Object.entries(props.functions as Readonly<Record<string, IFunction>>);
    const functionWidgets: IWidget[] = [];
    for (const [label, fn] of functions) {
      const safe = label.replace(/[^A-Za-z0-9]/g, '');
      const errors = fn.metricErrors({ statistic: 'Sum', period: ALARM_PERIOD, label: 'errors' });
      const throttles = fn.metricThrottles({ statistic: 'Sum', period: ALARM_PERIOD, label: 'throttles' });
      this.alarm(
        `${safe}ErrorsAlarm`,
        `fn-${label}-errors`,
        errors,
        `The ${label} function failed at least once in the last 5 minutes (an unhandled error or a timeout). ` +
          'Its log group has the error.',
      );
      this.alarm(
        `${safe}ThrottlesAlarm`,
        `fn-${label}-throttles`,
        throttles,
        `The ${label} function was throttled in the last 5 minutes: the account's concurrency limit was reached.`,
      );
      functionWidgets.push(
        new GraphWidget({
          title: `${label}: invocations, errors, throttles; duration`,
          width: 12,
          height: 6,
          left: [fn.metricInvocations({ statistic: 'Sum', period: ALARM_PERIOD, label: 'invocations' }), errors, throttles],
          leftYAxis: { min: 0, label: 'count', showUnits: false },
          right: [
            fn.metricDuration({ statistic: 'p50', period: ALARM_PERIOD, label: 'duration p50' }),
            fn.metricDuration({ statistic: 'p99', period: ALARM_PERIOD, label: 'duration p99' }),
          ],
          rightYAxis: { min: 0, label: 'ms', showUnits: false },
        }),
      );
    }

    return functionWidgets;
  }

  /** A message in any dead-letter queue, alarmed; answers the queues' depths for the dashboard. */
  private deadLetterAlarms(props: PortalMonitoringProps): Metric[] {
    const depths: Metric[] = [];
    for (const queue of props.deadLetterQueues) {
      const label = queue.node.id;
      const safe = label.replace(/[^A-Za-z0-9]/g, '');
      const depth = queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: ALARM_PERIOD, label });
      depths.push(depth);
      this.alarm(
        `${safe}DepthAlarm`,
        `dlq-${label}`,
        depth,
        `The dead-letter queue ${label} holds a message: a failed invocation waits there (14 days). Read it, fix the ` +
          'cause, then redrive or delete it; the alarm clears when the queue is empty.',
      );
    }

    return depths;
  }

  /** The dashboard: every alarm's state, then the API, the functions and the dead-letter queues. */
  private createDashboard(props: PortalMonitoringProps, api: ApiMetrics, functionWidgets: IWidget[], depths: Metric[]): Dashboard {
    const { stageName } = props;
    const { apiMetric, serverErrors } = api;
    const section = (markdown: string): TextWidget => new TextWidget({ markdown, width: 24, height: 1 });
    const dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: dashboardNameFor(props.name),
      defaultInterval: Duration.hours(24),
    });
    dashboard.addWidgets(
      new AlarmStatusWidget({
        title: 'Alarms',
        alarms: this.alarms,
        width: 24,
        height: Math.min(12, 2 + Math.ceil(this.alarms.length / 4)),
      }),
    );
    dashboard.addWidgets(section(`## API (${stageName})`));
    dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests',
        width: 8,
        left: [apiMetric('Count', 'Sum', 'requests')],
        leftYAxis: { min: 0, showUnits: false },
      }),
      new GraphWidget({
        title: 'API 4XX and 5XX',
        width: 8,
        left: [apiMetric('4XXError', 'Sum', '4XX'), serverErrors],
        leftYAxis: { min: 0, showUnits: false },
      }),
      new GraphWidget({
        title: 'API latency (ms)',
        width: 8,
        left: [
          apiMetric('Latency', 'p50', 'latency p50'),
          apiMetric('Latency', 'p99', 'latency p99'),
          apiMetric('IntegrationLatency', 'p99', 'integration p99'),
        ],
        leftYAxis: { min: 0, showUnits: false },
      }),
    );
    if (functionWidgets.length > 0) {
      dashboard.addWidgets(section('## Functions'));
      for (let i = 0; i < functionWidgets.length; i += 2) dashboard.addWidgets(...functionWidgets.slice(i, i + 2));
    }
    if (depths.length > 0) {
      dashboard.addWidgets(section('## Dead-letter queues'));
      dashboard.addWidgets(
        new GraphWidget({
          title: 'Dead-letter queue depth (messages visible)',
          width: 24,
          left: depths,
          leftYAxis: { min: 0, showUnits: false },
        }),
      );
    }
    return dashboard;
  }
}
