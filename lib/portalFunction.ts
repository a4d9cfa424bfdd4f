// The one Lambda construct every Clean Portal function uses: a NodejsFunction with the project's secure defaults
// (see lib/README.md). Modelled on Powertools for AWS Lambda (TypeScript) examples/app/cdk: an ESM bundle with
// every dependency inside (the AWS SDK included, so the pinned versions run), and an explicit log group so the
// retention is ours rather than "never expire".
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { FUNCTION_BUNDLE } from './bundleSettings.js';
import { acknowledge, acknowledgeEach, LOG_GROUP_KEY_REASON } from './nag.js';

/** The repository root: handlers, the lock file and the country packs are found from here. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the bundle carries the country pack, and where the handlers are told to look for it. */
export const COUNTRY_PACKS_DIR_IN_BUNDLE = '/var/task/countries';

/** The runtime; the esbuild target in bundleSettings.ts matches it (change them together). */
export const PORTAL_RUNTIME = Runtime.NODEJS_24_X;

const SOURCE_MAPS = FUNCTION_BUNDLE.sourceMap;

export interface PortalFunctionProps {
  /** The handler's file name under functions/handlers/ (without .ts), e.g. `getConfig`. */
  readonly handler: string;
  /** The country pack code (`countries/<code>/`) copied into the bundle. */
  readonly country: string;
  /** What the function does, shown in the console. */
  readonly description?: string;
  /** Extra environment (table, bucket, secret ARN, key id): names and identifiers only, never a secret value. */
  readonly environment?: Record<string, string>;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** What happens to the log group when the stack is deleted. @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
}

const HANDLER_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const COUNTRY_CODE = /^[a-z]{2}$/;

/** A NodejsFunction with the portal's defaults; `logGroup` is the explicit group created here. */
export class PortalFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: PortalFunctionProps) {
    if (!HANDLER_NAME.test(props.handler)) throw new Error(`PortalFunction: bad handler name "${props.handler}"`);
    if (!COUNTRY_CODE.test(props.country)) throw new Error(`PortalFunction: bad country code "${props.country}"`);
    const entry = join(PROJECT_ROOT, 'functions', 'handlers', `${props.handler}.ts`);
    if (!existsSync(entry)) throw new Error(`PortalFunction: no handler file ${entry}`);
    const packDir = join(PROJECT_ROOT, 'countries', props.country);
    if (!existsSync(join(packDir, 'country.json'))) throw new Error(`PortalFunction: no country pack at ${packDir}`);

    // Created in the parent scope: they must exist before super() runs.
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    // Its own role instead of AWSLambdaBasicExecutionRole (create and write any log group): it may write to its own
    // log group and nothing else until a grant says otherwise.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.handler} function`,
    });
    logGroup.grantWrite(role);

    const country = props.country;
    super(scope, id, {
      entry,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      ...(props.description ? { description: props.description } : {}),
      runtime: PORTAL_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.DISABLED,
      logGroup,
      role,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: 'clean-portal',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        COUNTRY: country,
        COUNTRY_PACKS_DIR: COUNTRY_PACKS_DIR_IN_BUNDLE,
        ...(SOURCE_MAPS ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
      },
      bundling: {
        // The esbuild from node_modules, never a Docker image: synth works offline and without Docker.
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: FUNCTION_BUNDLE.target,
        minify: FUNCTION_BUNDLE.minify,
        sourceMap: SOURCE_MAPS,
        mainFields: [...FUNCTION_BUNDLE.mainFields],
        banner: FUNCTION_BUNDLE.banner,
        // Bundle everything, the AWS SDK included: the versions in package-lock.json are the ones that run.
        externalModules: [...FUNCTION_BUNDLE.external],
        bundleAwsSDK: true,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // The handlers load the pack from COUNTRY_PACKS_DIR at cold start; only the chosen country ships.
          afterBundling: (inputDir: string, outputDir: string) => [
            `mkdir -p "${outputDir}/countries"`,
            `cp -R "${inputDir}/countries/${country}" "${outputDir}/countries/${country}"`,
          ],
        },
      },
    });
    acknowledgeNistAndServerlessFindings(this, logGroup, role);
  }
}

/**
 * The NIST 800-53 R5 and Serverless findings every portal function raises by design, each with its reason
 * (lib/README.md lists them with the defaults).
 */
function acknowledgeNistAndServerlessFindings(fn: NodejsFunction, logGroup: LogGroup, role: Role): void {
  acknowledgeEach(
    fn,
    ['NIST.800.53.R5-LambdaDLQ', 'Serverless-LambdaDLQ'],
    'A Lambda dead-letter queue applies to asynchronous invocations only: the API functions are invoked synchronously by API Gateway, which returns their errors to the caller (nothing is half-written, invariant 4); the scheduled jobs send failed events to the jobs\u2019 dead-letter queue through an on-failure destination (lib/jobs.ts), which also carries the error.',
  );
  acknowledge(
    fn,
    'NIST.800.53.R5-LambdaConcurrency',
    'Concurrency is bounded in front of the function instead: the API stage throttle, the lookup throttle and the per-address WAF rules (lib/api.ts, lib/firewall.ts). Reserving concurrency per function would take it from the account\u2019s pool, and fails to deploy in new accounts whose whole limit is 10.',
  );
  acknowledge(
    fn,
    'NIST.800.53.R5-LambdaInsideVPC',
    'The functions reach only AWS APIs (DynamoDB, S3, KMS, Secrets Manager, Cognito) over TLS with IAM; a VPC would need NAT or six interface endpoints per stage, a fixed monthly cost for an idle portal, and would add no control over who may call those APIs, which the key policies and grants hold.',
  );
  acknowledge(
    fn,
    'Serverless-LambdaTracing',
    'X-Ray traces would record request metadata (API Gateway segments carry the client address and user agent) that the portal must not keep (invariant 2); structured logs with a correlation id and CloudWatch metrics serve instead.',
  );
  acknowledge(logGroup, 'NIST.800.53.R5-CloudWatchLogGroupEncrypted', LOG_GROUP_KEY_REASON);
  acknowledge(
    role,
    'NIST.800.53.R5-IAMNoInlinePolicy',
    'The grants are the role\u2019s own policy (CDK\u2019s DefaultPolicy, one AWS::IAM::Policy attached to this role only), written per function and pinned by the infra tests; a managed policy could be attached to other principals, which is what least privilege per function rules out.',
  );
}
