// What the portal costs on AWS, from the measured figures: per 1,000 reports and per idle month, beside an
// always-on VM of the kind a self-hosted whistleblowing server needs. Prices are AWS list prices for us-east-1 as
// of November 2026 (Seoul is within a few percent); check https://aws.amazon.com/pricing before relying on them.
import type { FunctionFigures, OperationCalls } from './results.js';

export const PRICES = {
  lambdaGbSecondArm: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  apiGatewayRestRequest: 3.5 / 1e6,
  wafWebAclMonth: 5,
  wafRuleMonth: 1,
  wafRequest: 0.6 / 1e6,
  cloudFrontFunctionInvocation: 0.1 / 1e6,
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  s3StorageGbMonth: 0.023,
  s3PutRequest: 0.005 / 1000,
  s3GetRequest: 0.0004 / 1000,
  kmsKeyMonth: 1,
  kmsRequest: 0.03 / 10_000,
  secretMonth: 0.4,
  secretsRequest: 0.05 / 10_000,
  alarmMonth: 0.1,
  logsIngestGb: 0.5,
} as const;

/** Lambda at 512 MB gets about 0.29 of a vCPU (a full one at 1,769 MB); the bench machine runs on whole cores. */
export const LAMBDA_MEMORY_GB = 0.5;
export const LAMBDA_SLOWDOWN = 3;

/** One report's life, as the cost model assumes it: the requests it causes, by operation and function. */
export const REPORT_LIFE: { operation: string; handler: string; count: number; why: string }[] = [
  { operation: 'config', handler: 'getConfig', count: 6, why: 'the citizen app loads it on each of six visits' },
  { operation: 'page', handler: 'getPage', count: 1, why: 'one information page read' },
  { operation: 'uploads', handler: 'createUploads', count: 1, why: 'one attachment presigned' },
  { operation: 'submitWithAttachment', handler: 'createReport', count: 1, why: 'the report, with a 1 MB attachment' },
  { operation: 'track', handler: 'trackCase', count: 5, why: 'the whistleblower checks five times' },
  { operation: 'trackMessage', handler: 'postTrackMessage', count: 1, why: 'one answer to the agency' },
  { operation: 'queuePage', handler: 'listCases', count: 3, why: 'the case seen in three queue pages' },
  { operation: 'caseView', handler: 'getCase', count: 3, why: 'opened three times' },
  { operation: 'statusChange', handler: 'updateCase', count: 2, why: 'acknowledged, then closed' },
  { operation: 'agencyMessage', handler: 'postCaseMessage', count: 1, why: 'one question to the whistleblower' },
  { operation: 'attachmentLink', handler: 'getAttachment', count: 1, why: 'the attachment downloaded once' },
  { operation: 'publicStats', handler: 'getPublicStats', count: 2, why: 'two views of the public statistics' },
];
/** Static files a visit loads through CloudFront (page, two scripts, style sheet), six visits. */
const STATIC_REQUESTS_PER_REPORT = 24;
const ATTACHMENT_MB = 1;
/**
 * Audit events a verdict checks in a report's life (filed, three views, two status changes, a question, a download,
 * rounded up): each a VerifyMac when the container remembers none of their MACs (functions/adapters/kmsAuditMacKey.ts).
 */
const AUDIT_EVENTS_CHECKED = 10;
/** GenerateMac: one per audit event appended. */
const AUDIT_SIGN = 1;
/**
 * Calls to KMS a request may make when its container holds no data key and remembers no audit MAC yet: a queue page
 * opens 25 titles; a request that appends an audit event signs it, one that answers with a verdict checks the chain.
 */
const KMS_CALLS_WHEN_COLD: Record<string, number> = {
  submitWithAttachment: 1 + AUDIT_SIGN,
  track: 1,
  trackMessage: 1,
  queuePage: 25,
  caseView: 1 + AUDIT_SIGN + AUDIT_EVENTS_CHECKED,
  statusChange: 1 + AUDIT_SIGN + AUDIT_EVENTS_CHECKED,
  agencyMessage: 1 + AUDIT_SIGN,
  attachmentLink: 1 + AUDIT_SIGN,
};
/** Handlers that read the tracking-code pepper from Secrets Manager at cold start. */
const READS_PEPPER = new Set([
  'createReport',
  'createUploads',
  'trackCase',
  'postTrackMessage',
  'listCases',
  'getCase',
  'updateCase',
  'postCaseMessage',
  'getAttachment',
]);
/** A JSON log line per request plus Lambda's START, END and REPORT lines. */
const LOG_BYTES_PER_REQUEST = 900;

export interface CostLine {
  item: string;
  detail: string;
  usd: number;
}

export interface StackInventory {
  webAcls: number;
  wafRules: number;
  kmsKeys: number;
  alarms: number;
  secrets: number;
  functions: number;
  schedules: { function: string; runsPerMonth: number }[];
}

export interface CostFigures {
  per1000Reports: { lines: CostLine[]; totalUsd: number; requestsPerReport: number };
  idleMonth: { lines: CostLine[]; totalUsd: number };
  vmMonth: { lines: CostLine[]; totalUsd: number };
  assumptions: string[];
}

const sum = (lines: CostLine[]) => Math.round(lines.reduce((t, l) => t + l.usd, 0) * 10_000) / 10_000;

/** Billed Lambda seconds for one invocation: every one taken as cold, the upper bound for a quiet portal. */
function billedSeconds(figures: FunctionFigures | undefined): number {
  if (!figures) throw new Error('a function in the cost model was not measured');
  return Math.ceil(figures.coldStartMs * LAMBDA_SLOWDOWN) / 1000;
}

export function costModel(functions: FunctionFigures[], operations: OperationCalls[], inventory: StackInventory): CostFigures {
  const fn = (handler: string) => functions.find((f) => f.handler === handler);
  const op = (operation: string) => {
    const found = operations.find((o) => o.operation === operation);
    if (!found) throw new Error(`operation ${operation} was not measured`);
    return found;
  };
  const apiRequests = REPORT_LIFE.reduce((t, r) => t + r.count, 0);
  const perReport = (n: number) => n * 1000;

  const gbSeconds = REPORT_LIFE.reduce((t, r) => t + r.count * billedSeconds(fn(r.handler)) * LAMBDA_MEMORY_GB, 0);
  const readUnits = REPORT_LIFE.reduce((t, r) => t + r.count * op(r.operation).readUnits, 0);
  const writeUnits = REPORT_LIFE.reduce((t, r) => t + r.count * op(r.operation).writeUnits, 0);
  const kmsCalls = REPORT_LIFE.reduce((t, r) => t + r.count * (KMS_CALLS_WHEN_COLD[r.operation] ?? 0), 0);
  const pepperReads = REPORT_LIFE.reduce((t, r) => t + (READS_PEPPER.has(r.handler) ? r.count : 0), 0);
  const edgeRequests = apiRequests + STATIC_REQUESTS_PER_REPORT;
  // The browser's upload (a POST) and the intake's write are PUT-class; the intake's two reads and the download GETs.
  const s3Puts = 2;
  const s3Gets = 3;

  const per1000: CostLine[] = [
    {
      item: 'API Gateway (REST)',
      detail: `${perReport(apiRequests)} requests`,
      usd: perReport(apiRequests) * PRICES.apiGatewayRestRequest,
    },
    {
      item: 'WAF requests',
      detail: `${perReport(edgeRequests)} requests (API and static)`,
      usd: perReport(edgeRequests) * PRICES.wafRequest,
    },
    {
      item: 'CloudFront function',
      detail: `${perReport(edgeRequests)} viewer requests`,
      usd: perReport(edgeRequests) * PRICES.cloudFrontFunctionInvocation,
    },
    {
      item: 'Lambda',
      detail: `${perReport(apiRequests)} invocations, ${round(perReport(gbSeconds))} GB-s (all cold, ×${LAMBDA_SLOWDOWN} the measured time, 512 MB arm64)`,
      usd: perReport(gbSeconds) * PRICES.lambdaGbSecondArm + perReport(apiRequests) * PRICES.lambdaRequest,
    },
    {
      item: 'DynamoDB on-demand',
      detail: `${perReport(writeUnits)} write and ${perReport(readUnits)} read units (measured)`,
      usd: perReport(writeUnits) * PRICES.dynamoWriteUnit + perReport(readUnits) * PRICES.dynamoReadUnit,
    },
    {
      item: 'S3 requests',
      detail: `${perReport(s3Puts)} PUT-class, ${perReport(s3Gets)} GET`,
      usd: perReport(s3Puts) * PRICES.s3PutRequest + perReport(s3Gets) * PRICES.s3GetRequest,
    },
    {
      item: 'S3 storage',
      detail: `${ATTACHMENT_MB * 1000} MB of evidence, per month kept`,
      usd: (ATTACHMENT_MB * 1000 * PRICES.s3StorageGbMonth) / 1024,
    },
    {
      item: 'KMS requests',
      detail: `${perReport(kmsCalls)} (upper bound: no data key cached, no audit MAC remembered)`,
      usd: perReport(kmsCalls) * PRICES.kmsRequest,
    },
    {
      item: 'Secrets Manager',
      detail: `${perReport(pepperReads)} pepper reads (upper bound: every request cold)`,
      usd: perReport(pepperReads) * PRICES.secretsRequest,
    },
    {
      item: 'CloudWatch Logs',
      detail: `${round((perReport(apiRequests) * LOG_BYTES_PER_REQUEST) / 1e6)} MB ingested`,
      usd: ((perReport(apiRequests) * LOG_BYTES_PER_REQUEST) / 1e9) * PRICES.logsIngestGb,
    },
  ];

  const scheduled = inventory.schedules.map((s) => {
    const seconds = billedSeconds(fn(s.function));
    return {
      item: `Schedule: ${s.function}`,
      detail: `${s.runsPerMonth} runs × ${seconds} s × ${LAMBDA_MEMORY_GB} GB`,
      usd: s.runsPerMonth * (seconds * LAMBDA_MEMORY_GB * PRICES.lambdaGbSecondArm + PRICES.lambdaRequest),
    };
  });
  const idle: CostLine[] = [
    {
      item: 'WAF',
      detail: `${inventory.webAcls} web ACL, ${inventory.wafRules} rules`,
      usd: inventory.webAcls * PRICES.wafWebAclMonth + inventory.wafRules * PRICES.wafRuleMonth,
    },
    { item: 'KMS keys', detail: `${inventory.kmsKeys} customer-managed keys`, usd: inventory.kmsKeys * PRICES.kmsKeyMonth },
    { item: 'CloudWatch alarms', detail: `${inventory.alarms} alarms`, usd: inventory.alarms * PRICES.alarmMonth },
    { item: 'Secrets Manager', detail: `${inventory.secrets} secrets`, usd: inventory.secrets * PRICES.secretMonth },
    ...scheduled,
    { item: 'DynamoDB, S3, API Gateway, CloudFront, Cognito at rest', detail: 'billed by use; nothing stored yet', usd: 0 },
  ];

  const vm: CostLine[] = [
    { item: 'EC2 t4g.medium', detail: '2 vCPU, 4 GiB, 730 h × $0.0336', usd: 730 * 0.0336 },
    { item: 'EBS gp3', detail: '50 GB encrypted × $0.08', usd: 50 * 0.08 },
    { item: 'EBS snapshots', detail: '50 GB × $0.05 (daily, incremental, roughly one full copy)', usd: 50 * 0.05 },
    { item: 'Public IPv4 address', detail: '730 h × $0.005', usd: 730 * 0.005 },
  ];

  return {
    per1000Reports: { lines: per1000.map(rounded), totalUsd: sum(per1000), requestsPerReport: apiRequests },
    idleMonth: { lines: idle.map(rounded), totalUsd: sum(idle) },
    vmMonth: { lines: vm.map(rounded), totalUsd: sum(vm) },
    assumptions: [
      ...REPORT_LIFE.map((r) => `${r.count} × ${r.operation} (${r.handler}): ${r.why}`),
      `${STATIC_REQUESTS_PER_REPORT} static requests per report through CloudFront`,
      `Lambda billed as if every invocation were cold (init is billed since August 2025), at ${LAMBDA_SLOWDOWN}× the locally measured cold start, ${LAMBDA_MEMORY_GB * 1024} MB arm64`,
      'DynamoDB units are the ones DynamoDB Local reported for each operation (table and indexes, transactions counted double)',
    ],
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
const rounded = (line: CostLine): CostLine => ({ ...line, usd: Math.round(line.usd * 10_000) / 10_000 });
