// The citizen API: a REST API whose resources sit under /api, one PortalFunction per route of functions/contract/routes.ts
// (the same table the local runtime serves, so the two never drift), each granted only what its handler uses.
import { Duration, RemovalPolicy, Size, Stack } from 'aws-cdk-lib';
import {
  AccessLogField,
  AccessLogFormat,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  EndpointType,
  IdentitySource,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  type MethodDeploymentOptions,
  ResponseType,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import { UserPool } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { PER_ADDRESS_LIMITS, type PerAddressLimit, perSecond } from '#contract/abuseLimits.js';
import { ROUTES, type Route } from '#contract/routes.js';
import { AUDIT_ANCHOR_PREFIX, PARTITIONS } from '#contract/tableDesign.js';
import { UPLOAD_PATH } from '#contract/uploadPath.js';
import { acknowledge, acknowledgeEach, acknowledgeTableKeyWrites, arnToken, LOG_GROUP_KEY_REASON } from './nag.js';
import { PortalFunction } from './portalFunction.js';
import type { AuditMacUse, CaseTextUse, PortalSecrets, ReceiptKeyUse } from './secrets.js';
import { EVIDENCE_PREFIX, EXPORT_PREFIX, INCOMING_PREFIX, type PortalStorage, type TableGrant } from './storage.js';

/** What a handler touches. Every route must have an entry: a new handler gets nothing until someone decides. */
export interface FunctionAccess {
  /**
   * Builds the citizen dependencies (functions/composition/portalDeps.ts): parses TABLE_NAME, BUCKET_NAME,
   * PEPPER_SECRET_ARN and KMS_KEY_ID, and reads the pepper secret at cold start.
   */
  readonly citizen?: boolean;
  /** Exactly the DynamoDB calls its handler makes, written out (PortalStorage.grantTable); none when unset. */
  readonly table?: readonly TableGrant[];
  /**
   * `presign`: its role signs the browser's POST to incoming/. `process`: checks uploads and moves them to evidence/.
   * `download`: its role signs the agency's five-minute GET links to evidence/. `export`: reads evidence/, writes a
   * case export under exports/ and signs the five-minute GET link to it (docs/case-export.md).
   */
  readonly attachments?: 'presign' | 'process' | 'download' | 'export';
  /** `open`: decrypts case text. `seal`: also seals new text (envelope encryption: GenerateDataKey + Decrypt). */
  readonly caseText?: CaseTextUse;
  /**
   * Keeps the audit trail (its handler asks for `auditTrail: true`, functions/composition/portalDeps.ts): parses
   * AUDIT_MAC_KEY_ID. `sign`: appends audit events (kms:GenerateMac). `signAndVerify`: also answers with the case's
   * audit verdict (kms:VerifyMac).
   */
  readonly auditTrail?: AuditMacUse;
  /**
   * Signs agency users in (functions/composition/authDeps.ts): parses USER_POOL_ID and USER_POOL_CLIENT_ID. Needs no
   * IAM grant (InitiateAuth and RespondToAuthChallenge are public Cognito APIs).
   */
  readonly userPool?: boolean;
  /**
   * Reads the published public statistics (functions/composition/statisticsDeps.ts): parses TABLE_NAME only, and may
   * GetItem the snapshot's own partition and nothing else (no case, no index, no write, no pepper, no case text).
   */
  readonly statisticsSnapshot?: boolean;
  /**
   * The filing receipts' key (docs/receipts.md): parses RECEIPT_KEY_ID. `sign`: signs a receipt per filing
   * (kms:Sign only). `publish`: serves its public half (kms:GetPublicKey), and reads nothing else. `signAndPublish`:
   * the case export signs its manifest and puts the public key set in the bundle.
   */
  readonly receipts?: ReceiptKeyUse;
  /** More memory and time than the default 512 MB and 10 s, for a function that needs them (and why). */
  readonly sizing?: { readonly memorySize: number; readonly timeoutSeconds: number };
  /**
   * A staff member's own settings (functions/composition/staffDeps.ts): parses TABLE_NAME only; its table grants name
   * the staff directory's partitions (STAFF#) and nothing else. No pepper, no key, no case.
   */
  readonly staffDirectory?: boolean;
}

/** The partitions of tableDesign.ts, as IAM patterns: every item of a case, the upload claims, the anchors. */
const CASE = `${PARTITIONS.case}*`;
const UPLOAD_CLAIM = `${PARTITIONS.uploadClaim}*`;
const ANCHORS = `${AUDIT_ANCHOR_PREFIX}*`;
/** The organizations' staff directories (core/staff/ports.ts): one item per account. */
const STAFF = `${PARTITIONS.staff}*`;
/** A case's applications (docs/applications.md): granted to the applicant's and the deciding body's functions only. */
const APPLICATION = `${PARTITIONS.application}*`;
/**
 * The deciding body's work on an application: its partition read in one Query, each change with its audit event as
 * Puts in one transaction (dynamoApplicationStore.ts). Never the case's own items beyond its facts (GetItem).
 */
const APPLICATION_WORK: readonly TableGrant[] = [
  { actions: ['dynamodb:Query'], partitions: [APPLICATION] },
  { actions: ['dynamodb:PutItem'], partitions: [APPLICATION] },
];
const APPLICATION_WORK_WITH_CASE_FACTS: readonly TableGrant[] = [
  ...APPLICATION_WORK,
  { actions: ['dynamodb:GetItem'], partitions: [CASE] },
];
/**
 * Agency case work: the case's partition read in one Query, each change written with its audit event as Puts in one
 * transaction (dynamoCaseStore.ts: `getCaseFolder`, `commit`). Never a delete, a scan or an index.
 */
const CASE_WORK: readonly TableGrant[] = [
  { actions: ['dynamodb:Query'], partitions: [CASE] },
  { actions: ['dynamodb:PutItem'], partitions: [CASE] },
];
/** Case work that answers with the audit verdict also reads the newest anchor chunk of the case (a Query). */
const CASE_WORK_WITH_VERDICT: readonly TableGrant[] = [
  { actions: ['dynamodb:Query'], partitions: [CASE, ANCHORS] },
  { actions: ['dynamodb:PutItem'], partitions: [CASE] },
];
/**
 * Case work that can date the case's deletion or take the date away (closing it, a legal hold) also sets or removes
 * the TTL backstop on every item of the case, one UpdateItem each (dynamoCaseStore.ts `stampExpiry`).
 */
const CASE_WORK_DATING_DELETION: readonly TableGrant[] = [
  ...CASE_WORK_WITH_VERDICT,
  { actions: ['dynamodb:UpdateItem'], partitions: [CASE] },
];

export const FUNCTION_ACCESS: Readonly<Record<string, FunctionAccess>> = {
  getConfig: {},
  getPage: {},
  createUploads: { citizen: true, attachments: 'presign' },
  createReport: {
    citizen: true,
    // A retry reads the case its code names (GetItem); the case, its first entries and the upload claims are one
    // transaction of Puts.
    table: [
      { actions: ['dynamodb:GetItem'], partitions: [CASE] },
      { actions: ['dynamodb:PutItem'], partitions: [CASE, UPLOAD_CLAIM] },
    ],
    attachments: 'process',
    caseText: 'seal',
    auditTrail: 'sign',
    receipts: 'sign',
  },
  // The public key set: no table, no pepper, no case text.
  getReceiptKeys: { receipts: 'publish' },
  // The case's partition and its applications', one Query each by the key the code gives: no index, no write.
  trackCase: { citizen: true, table: [{ actions: ['dynamodb:Query'], partitions: [CASE, APPLICATION] }], caseText: 'open' },
  // The case item (it must exist; its organization and category go with the application), then the application and
  // its first audit event as one transaction of Puts in the applications' partition.
  createApplication: {
    citizen: true,
    table: [
      { actions: ['dynamodb:GetItem'], partitions: [CASE] },
      { actions: ['dynamodb:PutItem'], partitions: [APPLICATION] },
    ],
    caseText: 'seal',
    auditTrail: 'sign',
  },
  // One transaction: the application's count of replies (UpdateItem) and the message (PutItem).
  postApplicationMessage: {
    citizen: true,
    table: [{ actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], partitions: [APPLICATION] }],
    caseText: 'seal',
  },
  // The deciding body's queue: one Query of its partition of GSI4 (contract/tableDesign.ts). No text is opened.
  listApplications: {
    citizen: true,
    table: [{ actions: ['dynamodb:Query'], index: 'due', partitions: [`${PARTITIONS.applicationQueue}*`] }],
  },
  getApplication: { citizen: true, table: APPLICATION_WORK_WITH_CASE_FACTS, caseText: 'open', auditTrail: 'signAndVerify' },
  decideApplication: { citizen: true, table: APPLICATION_WORK_WITH_CASE_FACTS, caseText: 'seal', auditTrail: 'signAndVerify' },
  postApplicantMessage: { citizen: true, table: APPLICATION_WORK, caseText: 'seal', auditTrail: 'sign' },
  postTrackMessage: {
    citizen: true,
    // One transaction: the case item's update (the open-case check and the message count), Puts of the message, its
    // attachments and their upload claims. No read.
    table: [
      { actions: ['dynamodb:UpdateItem'], partitions: [CASE] },
      { actions: ['dynamodb:PutItem'], partitions: [CASE, UPLOAD_CLAIM] },
    ],
    attachments: 'process',
    caseText: 'seal',
  },
  login: { userPool: true },
  // A queue page is one Query of the organization's status index or queue, or of the oversight body's escalations.
  listCases: {
    citizen: true,
    table: [
      { actions: ['dynamodb:Query'], index: 'byStatus', partitions: [`${PARTITIONS.queue}*`] },
      { actions: ['dynamodb:Query'], index: 'queue', partitions: [`${PARTITIONS.queue}*`] },
      { actions: ['dynamodb:Query'], index: 'escalations', partitions: [`${PARTITIONS.escalations}*`] },
    ],
    caseText: 'open',
  },
  // Reading a case appends its audit event, so every agency case route writes, and signs; the ones that answer with
  // the case show its audit verdict, and verify.
  getCase: { citizen: true, table: CASE_WORK_WITH_VERDICT, caseText: 'open', auditTrail: 'signAndVerify' },
  updateCase: { citizen: true, table: CASE_WORK_DATING_DELETION, caseText: 'seal', auditTrail: 'signAndVerify' },
  postCaseMessage: { citizen: true, table: CASE_WORK, caseText: 'seal', auditTrail: 'sign' },
  transferCase: { citizen: true, table: CASE_WORK_WITH_VERDICT, caseText: 'seal', auditTrail: 'signAndVerify' },
  // Placing or lifting a hold is case work that takes the TTL off every item of the case, or puts it back.
  setLegalHold: { citizen: true, table: CASE_WORK_DATING_DELETION, caseText: 'seal', auditTrail: 'signAndVerify' },
  getAttachment: { citizen: true, table: CASE_WORK, caseText: 'open', attachments: 'download', auditTrail: 'sign' },
  // Naming a case's handler: that member's entry in the organization's staff directory (GetItem), then case work.
  assignCase: {
    citizen: true,
    table: [...CASE_WORK_WITH_VERDICT, { actions: ['dynamodb:GetItem'], partitions: [STAFF] }],
    caseText: 'open',
    auditTrail: 'signAndVerify',
  },
  // Stepping aside is case work with a sealed note (the reason); no staff entry is read.
  declareConflict: { citizen: true, table: CASE_WORK_WITH_VERDICT, caseText: 'seal', auditTrail: 'signAndVerify' },
  // The caller's organization's directory, one Query of its partition: no case, no case text.
  listStaff: { citizen: true, table: [{ actions: ['dynamodb:Query'], partitions: [STAFF] }] },
  // A case export (docs/case-export.md) is case work whose answer carries the audit verdict at export time; it reads
  // every evidence file, writes the ZIP under exports/ and signs the manifest with the receipt key, whose public half
  // goes in the bundle. Evidence and ZIP are held in memory (at most 256 MiB of evidence, core/agency/exportCase.ts),
  // within API Gateway's 29 seconds.
  exportCase: {
    citizen: true,
    table: CASE_WORK_WITH_VERDICT,
    caseText: 'open',
    attachments: 'export',
    auditTrail: 'signAndVerify',
    receipts: 'signAndPublish',
    sizing: { memorySize: 1536, timeoutSeconds: 29 },
  },
  // Assisted intake (docs/assisted-intake.md): filing as createReport does, with a code the server makes (no retry
  // to read back) and no uploads (no bucket, no upload claims): the case, its first entries and audit event are one
  // transaction of Puts.
  createAssistedReport: {
    citizen: true,
    table: [{ actions: ['dynamodb:PutItem'], partitions: [CASE] }],
    caseText: 'seal',
    auditTrail: 'sign',
    receipts: 'sign',
  },
  // The organization's whole queue, one Query of its partition of the queue index.
  getStats: { citizen: true, table: [{ actions: ['dynamodb:Query'], index: 'queue', partitions: [`${PARTITIONS.queue}*`] }] },
  getPublicStats: { statisticsSnapshot: true },
  // The caller's own entry in the staff directory, by the key their claims give: one GetItem; a change is one
  // UpdateItem of that item, then the GetItem of the answer.
  getStaffMe: { staffDirectory: true, table: [{ actions: ['dynamodb:GetItem'], partitions: [STAFF] }] },
  updateStaffMe: { staffDirectory: true, table: [{ actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], partitions: [STAFF] }] },
};

export interface Throttle {
  /** Steady requests per second. */
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/** An existing Cognito user pool and its app client (no secret, USER_PASSWORD_AUTH enabled). */
export interface AgencyUserPool {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
}

export interface PortalApiProps {
  /** e.g. `CleanPortal-kr-dev`: the API's name and the functions' descriptions. */
  readonly name: string;
  readonly country: string;
  /** The API Gateway stage name (the deployment's stage, e.g. `dev`). */
  readonly stageName: string;
  readonly storage: PortalStorage;
  readonly secrets: PortalSecrets;
  /** Agency sign-in's user pool: `POST /auth/login` signs in against it, its authorizer guards every agency route. */
  readonly userPool: AgencyUserPool;
  /** Every method, whole stage. @default 100 per second, burst 200 */
  readonly throttle?: Throttle;
  /**
   * The routes marked `lookupThrottle` in functions/contract/routes.ts (the tracking-code lookups and sign-in, which a guesser
   * would hammer).
   * A stage-wide cap for all callers together, per method; the per-address limit is a WAF rule.
   * @default DEFAULT_LOOKUP_THROTTLE (17 per second, burst 34)
   */
  readonly lookupThrottle?: Throttle;
  /** @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
}

export const DEFAULT_THROTTLE: Throttle = { rateLimit: 100, burstLimit: 200 };

/**
 * The lookup throttle is sized so that this many addresses, each at its per-address WAF limit on the lookup routes,
 * leave LOOKUP_HEADROOM_RPS for everyone else (docs/security.md, "Abuse limits: the arithmetic").
 */
export const ABUSIVE_ADDRESSES = 20;
/** Lookups a second left for everyone else while ABUSIVE_ADDRESSES addresses spend their whole budget. */
export const LOOKUP_HEADROOM_RPS = 10;

/**
 * Each lookup method's stage-wide throttle (API Gateway throttles each method on its own): `abusers` addresses at
 * their per-address limit send at most abusers × requests / window a second to one method; the rest is headroom.
 * The burst takes a second's worth of both twice over, so requests that arrive together are not refused.
 */
export function lookupThrottleFor(perAddress: PerAddressLimit, abusers: number, headroomRps: number): Throttle {
  const rateLimit = Math.ceil(abusers * perSecond(perAddress)) + headroomRps;
  return { rateLimit, burstLimit: 2 * rateLimit };
}

/** 20 addresses × 20 a minute = 6.67/s, rounded up to 7, plus 10: 17 a second, burst 34. */
export const DEFAULT_LOOKUP_THROTTLE: Throttle = lookupThrottleFor(
  PER_ADDRESS_LIMITS.writeAndGuess,
  ABUSIVE_ADDRESSES,
  LOOKUP_HEADROOM_RPS,
);

/** Where the API's resources live: the web app calls /api/* on its own origin. */
export const API_BASE_PATH = '/api';

/**
 * The access log line: no source IP, no user agent, no caller or user identity (invariant 2). The resource path
 * is the route template (/api/pages/{id}), never the requested path.
 */
export const ACCESS_LOG_FIELDS: Record<string, string> = {
  requestId: AccessLogField.contextRequestId(),
  requestTime: AccessLogField.contextRequestTime(),
  httpMethod: AccessLogField.contextHttpMethod(),
  resourcePath: AccessLogField.contextResourcePath(),
  status: AccessLogField.contextStatus(),
  responseLength: AccessLogField.contextResponseLength(),
  integrationLatency: AccessLogField.contextIntegrationLatency(),
};

/** API Gateway's own refusals, in the portal's error shape (DESIGN.md, "HTTP API"). */
const GATEWAY_ERRORS: { type: ResponseType; id: string; status?: string; code: string; message: string }[] = [
  {
    type: ResponseType.MISSING_AUTHENTICATION_TOKEN,
    id: 'UnknownPath',
    status: '404',
    code: 'NOT_FOUND',
    message: 'There is no such API path.',
  },
  {
    type: ResponseType.RESOURCE_NOT_FOUND,
    id: 'ResourceNotFound',
    status: '404',
    code: 'NOT_FOUND',
    message: 'There is no such API path.',
  },
  {
    type: ResponseType.THROTTLED,
    id: 'Throttled',
    status: '429',
    code: 'RATE_LIMITED',
    message: 'Too many requests right now. Wait a minute and try again.',
  },
  {
    type: ResponseType.QUOTA_EXCEEDED,
    id: 'QuotaExceeded',
    status: '429',
    code: 'RATE_LIMITED',
    message: 'Too many requests right now. Wait a minute and try again.',
  },
  {
    type: ResponseType.REQUEST_TOO_LARGE,
    id: 'TooLarge',
    status: '413',
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is too large.',
  },
  {
    type: ResponseType.UNSUPPORTED_MEDIA_TYPE,
    id: 'MediaType',
    status: '415',
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the request body as application/json.',
  },
  {
    type: ResponseType.BAD_REQUEST_BODY,
    id: 'BadBody',
    status: '400',
    code: 'VALIDATION_FAILED',
    message: 'The request body is not valid.',
  },
  {
    type: ResponseType.BAD_REQUEST_PARAMETERS,
    id: 'BadParameters',
    status: '400',
    code: 'VALIDATION_FAILED',
    message: 'The request parameters are not valid.',
  },
  { type: ResponseType.UNAUTHORIZED, id: 'Unauthorized', status: '401', code: 'UNAUTHENTICATED', message: 'Sign in first.' },
  { type: ResponseType.ACCESS_DENIED, id: 'AccessDenied', status: '403', code: 'FORBIDDEN', message: 'This request is not allowed.' },
  { type: ResponseType.WAF_FILTERED, id: 'WafFiltered', status: '403', code: 'FORBIDDEN', message: 'This request is not allowed.' },
  { type: ResponseType.DEFAULT_4XX, id: 'Default4xx', code: 'VALIDATION_FAILED', message: 'The request was refused.' },
  // Nothing is half-written when a handler fails (invariant 4), so a retry is safe.
  { type: ResponseType.DEFAULT_5XX, id: 'Default5xx', code: 'UNAVAILABLE', message: 'The service is unavailable. Try again in a moment.' },
];

export class PortalApi extends Construct {
  readonly api: RestApi;
  /** One function per route, by handler name. */
  readonly functions: Record<string, PortalFunction> = {};
  readonly accessLogs: LogGroup;
  /** The API's base URL, e.g. https://abc.execute-api.eu-west-1.amazonaws.com/dev/api */
  readonly url: string;

  constructor(scope: Construct, id: string, props: PortalApiProps) {
    super(scope, id);
    const throttle = props.throttle ?? DEFAULT_THROTTLE;
    const lookupThrottle = props.lookupThrottle ?? DEFAULT_LOOKUP_THROTTLE;
    if (lookupThrottle.rateLimit > throttle.rateLimit || lookupThrottle.burstLimit > throttle.burstLimit) {
      throw new Error('PortalApi: the lookup throttle must not be looser than the stage throttle');
    }

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });

    const routes = ROUTES;
    const methodOptions: Record<string, MethodDeploymentOptions> = {};
    for (const route of routes.filter((r) => r.lookupThrottle)) {
      methodOptions[`${API_BASE_PATH}${route.resource}/${route.method}`] = {
        throttlingRateLimit: lookupThrottle.rateLimit,
        throttlingBurstLimit: lookupThrottle.burstLimit,
      };
    }

    this.api = new RestApi(this, 'Api', {
      restApiName: props.name,
      description: `Clean Portal citizen API (${props.country})`,
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      // Config answers list 1,000+ organizations: compress for slow phone connections.
      minCompressionSize: Size.kibibytes(1),
      // Access logging to CloudWatch needs the account-level API Gateway role. It is one setting per account and
      // region, so it is kept when a stack goes (other portals in the account may rely on it).
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: props.stageName,
        throttlingRateLimit: throttle.rateLimit,
        throttlingBurstLimit: throttle.burstLimit,
        methodOptions,
        accessLogDestination: new LogGroupLogDestination(this.accessLogs),
        accessLogFormat: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
        // Execution logs would record request headers (X-Forwarded-For, User-Agent) and, with data tracing,
        // bodies holding tracking codes: both stay off.
        loggingLevel: MethodLoggingLevel.OFF,
        dataTraceEnabled: false,
        tracingEnabled: false,
      },
    });

    for (const error of GATEWAY_ERRORS) {
      this.api.addGatewayResponse(error.id, {
        type: error.type,
        ...(error.status ? { statusCode: error.status } : {}),
        responseHeaders: { 'Cache-Control': "'no-store'", 'X-Content-Type-Options': "'nosniff'" },
        templates: { 'application/json': JSON.stringify({ error: { code: error.code, message: error.message } }) },
      });
    }

    for (const route of routes) {
      const fn = this.addRoute(route, props);
      this.functions[route.handler] = fn;
    }
    this.url = this.api.urlForPath(API_BASE_PATH);
    this.acknowledgeNagFindings(props);
  }

  /** The AwsSolutions findings this API keeps on purpose, each with its reason. */
  private acknowledgeNagFindings(props: PortalApiProps): void {
    acknowledge(
      this.api,
      'AwsSolutions-APIG2',
      'Every handler validates its whole request with the zod schemas in functions/schemas and answers in the contract\u2019s error shape; a gateway model would duplicate them and answer in another shape.',
    );
    acknowledge(
      this.api,
      'AwsSolutions-APIG6',
      'Execution logs would record request headers (forwarded client addresses, user agents) and, with data tracing, bodies carrying tracking codes (invariants 1 and 2); access logs without those fields are on.',
    );
    acknowledge(
      this.api,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      'The account-level role API Gateway needs to write access logs; AWS maintains this managed policy for exactly that purpose.',
    );
    acknowledgeEach(
      this.api,
      ['NIST.800.53.R5-APIGWExecutionLoggingEnabled'],
      'Execution logs would record request headers (forwarded client addresses, user agents) and, with data tracing, bodies carrying tracking codes (invariants 1 and 2); access logs without those fields are on.',
    );
    acknowledge(
      this.api,
      'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted',
      'No stage cache on purpose: answers are per tracking code or per signed-in officer and carry Cache-Control: no-store; a cache would keep case data outside the table\u2019s key custody and could hand one caller\u2019s answer to another.',
    );
    acknowledge(
      this.api,
      'NIST.800.53.R5-APIGWSSLEnabled',
      'A client certificate lets an HTTP backend check that calls come from API Gateway; every integration here is a Lambda proxy invoked through IAM, so there is no backend to present it to.',
    );
    acknowledge(
      this.api,
      'Serverless-APIGWXrayEnabled',
      'X-Ray traces of the stage would record the client address and user agent of every request (invariant 2); access logs without those fields and CloudWatch metrics serve instead.',
    );
    acknowledge(this.accessLogs, 'NIST.800.53.R5-CloudWatchLogGroupEncrypted', LOG_GROUP_KEY_REASON);
    const { bucket } = props.storage;
    acknowledgeTableKeyWrites(this, 'writing the case items needs them');
    acknowledge(
      this,
      `AwsSolutions-IAM5[Resource::${arnToken(bucket)}/${INCOMING_PREFIX}*]`,
      'Upload object keys are random and issued per file; access is limited to the incoming/ prefix of this one bucket.',
    );
    acknowledge(
      this,
      `AwsSolutions-IAM5[Resource::${arnToken(bucket)}/${EVIDENCE_PREFIX}*]`,
      'Evidence keys are evidence/<caseId>/<id>, created per case; access is limited to the evidence/ prefix of this one bucket.',
    );
    acknowledge(
      this,
      `AwsSolutions-IAM5[Resource::${arnToken(bucket)}/${EXPORT_PREFIX}*]`,
      'Case export keys are exports/<caseId>/<exportId>.zip, created per export; access is limited to the exports/ prefix of this one bucket.',
    );
  }

  /** Every route needs an access profile: a new handler gets nothing until someone decides. */
  private static accessOf(route: Route): FunctionAccess {
    const access = FUNCTION_ACCESS[route.handler];
    if (!access) throw new Error(`PortalApi: no access profile for handler "${route.handler}" in FUNCTION_ACCESS`);
    return access;
  }

  private agencyAuthorizer?: CognitoUserPoolsAuthorizer;

  /**
   * API Gateway checks the ID token of every agency route against the pool and hands its claims to the handler;
   * created on first use, since API Gateway refuses an authorizer no method uses.
   */
  private authorizerFor(pool: AgencyUserPool): CognitoUserPoolsAuthorizer {
    this.agencyAuthorizer ??= new CognitoUserPoolsAuthorizer(this, 'AgencyAuthorizer', {
      cognitoUserPools: [UserPool.fromUserPoolId(this, 'AgencyUserPool', pool.userPoolId)],
      identitySource: IdentitySource.header('Authorization'),
    });
    return this.agencyAuthorizer;
  }

  private addRoute(route: Route, props: PortalApiProps): PortalFunction {
    const access = PortalApi.accessOf(route);
    const { storage, secrets } = props;

    const environment: Record<string, string> = {
      ...(access.citizen
        ? {
            TABLE_NAME: storage.table.tableName,
            BUCKET_NAME: storage.bucket.bucketName,
            PEPPER_SECRET_ARN: secrets.pepper.secretArn,
            KMS_KEY_ID: secrets.caseTextKey.keyArn,
          }
        : {}),
      ...(access.auditTrail ? { AUDIT_MAC_KEY_ID: secrets.auditMacKey.keyArn } : {}),
      ...(access.receipts ? { RECEIPT_KEY_ID: secrets.receiptKey.keyArn } : {}),
      // The browser posts to the portal's own origin, which CloudFront forwards to the bucket (lib/edge.ts).
      ...(access.attachments === 'presign' ? { UPLOAD_URL: UPLOAD_PATH } : {}),
      ...(access.userPool ? { USER_POOL_ID: props.userPool.userPoolId, USER_POOL_CLIENT_ID: props.userPool.userPoolClientId } : {}),
      ...(access.statisticsSnapshot || access.staffDirectory ? { TABLE_NAME: storage.table.tableName } : {}),
    };

    const fn = new PortalFunction(this, route.handler, {
      handler: route.handler,
      country: props.country,
      description: `${props.name}: ${route.method} ${API_BASE_PATH}${route.resource}`,
      environment,
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
      ...(access.sizing ? { memorySize: access.sizing.memorySize, timeout: Duration.seconds(access.sizing.timeoutSeconds) } : {}),
    });

    // The pepper is read at every cold start of a citizen handler; its value never leaves Secrets Manager's answer.
    if (access.citizen) secrets.pepper.grantRead(fn);

    if (access.statisticsSnapshot) storage.grantStatisticsSnapshot(fn, 'read');
    if (access.table) storage.grantTable(fn, access.table);

    if (access.caseText) secrets.grantCaseText(fn, access.caseText);
    if (access.auditTrail) secrets.grantAuditMac(fn, access.auditTrail);
    if (access.receipts) secrets.grantReceiptKey(fn, access.receipts);

    const bucket = storage.bucket;
    const viaS3 = { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } };
    if (access.attachments === 'presign') {
      // A presigned POST is authorized as the signer: the browser's upload is this role's PutObject, and SSE-KMS
      // makes S3 generate a data key on its behalf.
      fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects(`${INCOMING_PREFIX}*`)] }));
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ['kms:GenerateDataKey'], resources: [storage.attachmentsKey.keyArn], conditions: viaS3 }),
      );
    }
    if (access.attachments === 'download') {
      // A presigned GET is authorized as the signer: the agency's download is this role's GetObject.
      fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects(`${EVIDENCE_PREFIX}*`)] }));
      fn.addToRolePolicy(new PolicyStatement({ actions: ['kms:Decrypt'], resources: [storage.attachmentsKey.keyArn], conditions: viaS3 }));
    }
    if (access.attachments === 'export') {
      // Reads each evidence file, writes the ZIP under exports/, and signs the GET link to it: the recipient's
      // download is this role's GetObject. Nothing is deleted: the bucket's lifecycle expires exports/ after a day.
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:GetObject'],
          resources: [bucket.arnForObjects(`${EVIDENCE_PREFIX}*`), bucket.arnForObjects(`${EXPORT_PREFIX}*`)],
        }),
      );
      fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects(`${EXPORT_PREFIX}*`)] }));
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [storage.attachmentsKey.keyArn],
          conditions: viaS3,
        }),
      );
    }
    if (access.attachments === 'process') {
      // Get (a ranged GET to check an upload, or the whole file to strip its metadata) and Copy's source read under
      // incoming/; Put and Copy's target under evidence/; Delete of the upload once taken, and of evidence a failed
      // submission had copied.
      fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects(`${INCOMING_PREFIX}*`)] }));
      fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects(`${EVIDENCE_PREFIX}*`)] }));
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:DeleteObject'],
          resources: [bucket.arnForObjects(`${INCOMING_PREFIX}*`), bucket.arnForObjects(`${EVIDENCE_PREFIX}*`)],
        }),
      );
      // A listing of incoming/ only: S3 answers a missing upload with 403 to a caller it does not count as allowed to
      // list, and the adapter then lists that one key to tell a stale upload id (400) from an outage
      // (functions/adapters/s3EvidenceStore.ts).
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${INCOMING_PREFIX}*`] } },
        }),
      );
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [storage.attachmentsKey.keyArn],
          conditions: viaS3,
        }),
      );
    }

    const method = this.api.root
      .resourceForPath(`${API_BASE_PATH}${route.resource}`)
      .addMethod(route.method, new LambdaIntegration(fn, { proxy: true, allowTestInvoke: false }), {
        operationName: route.handler,
        ...(route.auth === 'agency'
          ? { authorizer: this.authorizerFor(props.userPool), authorizationType: AuthorizationType.COGNITO }
          : {}),
      });
    if (route.auth !== 'agency') {
      const reason =
        route.handler === 'login'
          ? 'The sign-in route itself: it is how a caller gets a token.'
          : access.receipts === 'publish'
            ? 'The public key that filing receipts verify against: anyone must be able to fetch it to check a receipt.'
            : access.statisticsSnapshot
              ? 'The public statistics are published for everyone, with small numbers suppressed; the route reads one precomputed snapshot item, so an anonymous caller cannot make it scan the table.'
              : 'A citizen route: reporting and tracking are anonymous by design, so there is no one to authenticate; the tracking code in the body is the only key, rate-limited per viewer by the firewall.';
      acknowledge(method, 'AwsSolutions-APIG4', reason);
      acknowledge(method, 'AwsSolutions-COG4', reason);
    }
    return fn;
  }
}
