// One Clean Portal deployment: a country pack and a stage (CleanPortal-<country>-<stage>). Environment-agnostic:
// it synthesizes offline and deploys to whichever account and region the CLI is pointed at.
import { CfnOutput, type RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { PortalApi, type Throttle } from './api.js';
import { AgencyAuth } from './auth.js';
import { CostBudget, MONTHLY_BUDGET_CONTEXT, monthlyBudgetFrom } from './costBudget.js';
import { WebEdge } from './edge.js';
import { ApiFirewall, rateLimitedApiPaths } from './firewall.js';
import { PortalJobs } from './jobs.js';
import { PortalMonitoring } from './monitoring.js';
import { PortalSecrets } from './secrets.js';
import { PortalStorage } from './storage.js';

export interface PortalStackProps extends StackProps {
  /** Country pack code under countries/, e.g. `kr`. */
  readonly country: string;
  /** Deployment stage, e.g. `dev`, `training`, `prod`; also the API Gateway stage name. */
  readonly stage: string;
  /** What happens to log groups when the stack is deleted. Data (table, bucket, keys, pepper) is always kept. @default DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
  readonly throttle?: Throttle;
  readonly lookupThrottle?: Throttle;
}

export const COUNTRY_CODE = /^[a-z]{2}$/;
export const STAGE_NAME = /^[a-z][a-z0-9-]{0,19}$/;

export function portalStackName(country: string, stage: string): string {
  return `CleanPortal-${country}-${stage}`;
}

export class PortalStack extends Stack {
  readonly storage: PortalStorage;
  readonly secrets: PortalSecrets;
  readonly auth: AgencyAuth;
  readonly portalApi: PortalApi;
  readonly jobs: PortalJobs;
  readonly monitoring: PortalMonitoring;
  readonly edge: WebEdge;
  readonly firewall: ApiFirewall;
  /** Only with `-c monthlyBudget=<USD>`. */
  readonly costBudget?: CostBudget;

  constructor(scope: Construct, id: string, props: PortalStackProps) {
    if (!COUNTRY_CODE.test(props.country)) throw new Error(`country must be two lowercase letters, not "${props.country}"`);
    if (!STAGE_NAME.test(props.stage)) throw new Error(`stage must match ${STAGE_NAME}, not "${props.stage}"`);
    super(scope, id, {
      description: `Clean Portal (${props.country}, ${props.stage}): citizen reporting API, storage and keys`,
      ...props,
    });
    const name = this.stackName;
    // Read first: a bad `-c monthlyBudget=` fails the synth before anything is built.
    const monthlyUsd = monthlyBudgetFrom(this.node.tryGetContext(MONTHLY_BUDGET_CONTEXT));

    this.secrets = new PortalSecrets(this, 'Secrets', { name });
    this.storage = new PortalStorage(this, 'Storage', { name });
    this.auth = new AgencyAuth(this, 'Auth', { name });
    // The construct id stays 'CitizenApi': it is part of every logical id of a deployed stack's API resources.
    this.portalApi = new PortalApi(this, 'CitizenApi', {
      name,
      userPool: this.auth.pool,
      country: props.country,
      stageName: props.stage,
      storage: this.storage,
      secrets: this.secrets,
      ...(props.throttle ? { throttle: props.throttle } : {}),
      ...(props.lookupThrottle ? { lookupThrottle: props.lookupThrottle } : {}),
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
    });

    this.jobs = new PortalJobs(this, 'Jobs', {
      name,
      country: props.country,
      storage: this.storage,
      secrets: this.secrets,
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
    });

    this.edge = new WebEdge(this, 'Edge', {
      name,
      api: this.portalApi.api,
      stageName: props.stage,
      // CloudFront forwards the browser's presigned POST (to /upload on the portal's origin) to the bucket.
      uploadOrigin: `https://${this.storage.bucket.bucketRegionalDomainName}`,
    });
    this.firewall = new ApiFirewall(this, 'Firewall', {
      name,
      stageArn: this.portalApi.api.deploymentStage.stageArn,
      originVerifySecret: this.edge.originVerifySecret,
      rateLimitedPaths: rateLimitedApiPaths(),
    });

    const alarmEmail: unknown = this.node.tryGetContext('alarmEmail');
    this.monitoring = new PortalMonitoring(this, 'Monitoring', {
      name,
      api: this.portalApi.api,
      stageName: props.stage,
      functions: {
        ...this.portalApi.functions,
        sweepDeadlines: this.jobs.deadlineSweep,
        publishPublicStats: this.jobs.statisticsPublisher,
        anchorAuditHeads: this.jobs.auditAnchorJob,
      },
      deadLetterQueues: [this.jobs.deadLetters],
      ...(typeof alarmEmail === 'string' && alarmEmail ? { alarmEmail } : {}),
    });

    // Abuse limits: a monthly cost budget on the alarm topic, when `-c monthlyBudget=<USD>` is given.
    if (monthlyUsd !== undefined) {
      this.costBudget = new CostBudget(this, 'CostBudget', {
        name,
        monthlyUsd,
        topic: this.monitoring.topic,
        topicKey: this.monitoring.topicKey,
      });
    }

    new CfnOutput(this, 'WebUrl', { description: 'The portal, for citizens and agency staff', value: `${this.edge.url}/` });
    new CfnOutput(this, 'ApiUrl', {
      description: 'Base URL of the citizen API (append /config, /reports, ...)',
      value: this.portalApi.url,
    });
    new CfnOutput(this, 'AgencyUserPoolId', {
      description: 'Cognito user pool of the agency accounts (npm run users:create adds to it)',
      value: this.auth.userPool.userPoolId,
    });
    new CfnOutput(this, 'AlarmTopicArn', { description: 'Alarms publish here', value: this.monitoring.topic.topicArn });
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    new CfnOutput(this, 'AttachmentsBucketName', { value: this.storage.bucket.bucketName });
  }
}
