// One Clean Portal deployment: a country pack and a stage (CleanPortal-<country>-<stage>). Environment-agnostic:
// it synthesizes offline and deploys to whichever account and region the CLI is pointed at.
import { CfnOutput, type RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { FUNCTION_ACCESS, PortalApi, type Throttle } from './api.js';
import { AgencyAuth } from './auth.js';
import { WebEdge } from './edge.js';
import { ApiFirewall, rateLimitedApiPaths } from './firewall.js';
import { PortalJobs } from './jobs.js';
import { PortalMonitoring } from './monitoring.js';
import { CaseKeyStore } from './caseKeyStore.js';
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
  /** The case keys, apart from the case table (docs/crypto-shredding.md). */
  readonly caseKeys: CaseKeyStore;
  readonly secrets: PortalSecrets;
  readonly auth: AgencyAuth;
  readonly portalApi: PortalApi;
  readonly jobs: PortalJobs;
  readonly monitoring: PortalMonitoring;
  readonly edge: WebEdge;
  readonly firewall: ApiFirewall;

  constructor(scope: Construct, id: string, props: PortalStackProps) {
    if (!COUNTRY_CODE.test(props.country)) throw new Error(`country must be two lowercase letters, not "${props.country}"`);
    if (!STAGE_NAME.test(props.stage)) throw new Error(`stage must match ${STAGE_NAME}, not "${props.stage}"`);
    super(scope, id, {
      description: `Clean Portal (${props.country}, ${props.stage}): citizen reporting API, storage and keys`,
      ...props,
    });
    const name = this.stackName;

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

    // Every function that builds the portal's dependencies names the key store; those that seal or open case text
    // may create or read a case's key. The deletion path is granted its shred (CaseKeyStore.grantShred) where it is built.
    this.caseKeys = new CaseKeyStore(this, 'CaseKeys');
    for (const [handler, fn] of Object.entries(this.portalApi.functions)) {
      const access = FUNCTION_ACCESS[handler];
      if (access?.citizen) this.caseKeys.connect(fn, access.caseText);
    }
    this.caseKeys.connect(this.jobs.deadlineSweep);

    this.edge = new WebEdge(this, 'Edge', {
      name,
      api: this.portalApi.api,
      stageName: props.stage,
      // The browser posts attachments straight to the bucket with the presigned POST.
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
