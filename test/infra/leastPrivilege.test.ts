// Least privilege, pinned: every portal function's role, API and jobs alike, holds exactly the statements written
// here (actions, resources by logical id, conditions), so a widened grant, a new action or a dropped condition fails.
// What each statement is for: lib/api.ts (FUNCTION_ACCESS), lib/jobs.ts, and "Who may do what" in docs/security.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#contract/routes.js';
import { type Grant, grantsOf } from './support/roleGrants.js';
import { sharedPortalStack } from './support/sharedPortalStack.js';
import type { CfnResource, Json } from './support/template.js';

let resources: Record<string, CfnResource>;
beforeAll(() => {
  ({ resources } = sharedPortalStack());
});

const PREFIX = 'CleanPortal-kr-dev: ';
const JOBS = {
  sweepDeadlines: 'deadline sweep',
  publishPublicStats: 'public statistics publisher',
  anchorAuditHeads: 'audit anchor job',
  notifyStaff: 'staff notifier',
} as const;

/** The portal's functions by handler: the API's by route, the jobs by their description. */
function portalFunctions(): Record<string, CfnResource> {
  const functions = Object.values(resources).filter(
    (r) => r.Type === 'AWS::Lambda::Function' && String(r.Properties.Description ?? '').startsWith(PREFIX),
  );
  const byHandler: Record<string, CfnResource> = {};
  for (const fn of functions) {
    const description = String(fn.Properties.Description).slice(PREFIX.length);
    const route = ROUTES.find((r) => description === `${r.method} /api${r.resource}`);
    const job = Object.entries(JOBS).find(([, text]) => description.startsWith(text));
    const handler = route?.handler ?? job?.[0];
    expect(handler, description).toBeDefined();
    byHandler[handler!] = fn;
  }
  return byHandler;
}

const via = (service: string): Json => ({
  StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', [`${service}.`, { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
});
const leading = (...patterns: string[]): Json => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patterns } });
const CASE_TEXT_CONTEXT = { StringEquals: { 'kms:EncryptionContext:purpose': 'clean-portal-case-text' } };

const logs = (handler: string, scope = 'CitizenApi'): Grant => ({
  actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  resources: [`${scope}${handler}Logs`],
});
const PEPPER: Grant = {
  actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
  resources: ['SecretsTrackingCodePepper'],
};
const TABLE_KEY_READ: Grant = { actions: ['kms:Decrypt', 'kms:DescribeKey'], resources: ['StorageTableKey'], condition: via('dynamodb') };
const TABLE_KEY_WRITE: Grant = {
  actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
  resources: ['StorageTableKey'],
  condition: via('dynamodb'),
};
const OPEN_CASE_TEXT: Grant = { actions: ['kms:Decrypt'], resources: ['SecretsCaseTextKey'], condition: CASE_TEXT_CONTEXT };
const SEAL_CASE_TEXT: Grant = {
  actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
  resources: ['SecretsCaseTextKey'],
  condition: CASE_TEXT_CONTEXT,
};
const SIGN: Grant = { actions: ['kms:GenerateMac'], resources: ['SecretsAuditMacKey'] };
const SIGN_AND_VERIFY: Grant = { actions: ['kms:GenerateMac', 'kms:VerifyMac'], resources: ['SecretsAuditMacKey'] };
const DEAD_LETTERS: Grant = { actions: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'], resources: ['JobsDeadLetters'] };
/** Checking uploads and taking them in as evidence (createReport, postTrackMessage). */
const PROCESS_UPLOADS: Grant[] = [
  { actions: ['s3:GetObject'], resources: ['StorageAttachments/incoming/*'] },
  { actions: ['s3:PutObject'], resources: ['StorageAttachments/evidence/*'] },
  { actions: ['s3:DeleteObject'], resources: ['StorageAttachments/evidence/*', 'StorageAttachments/incoming/*'] },
  { actions: ['s3:ListBucket'], resources: ['StorageAttachments'], condition: { StringLike: { 's3:prefix': ['incoming/*'] } } },
  { actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: ['StorageAttachmentsKey'], condition: via('s3') },
];
const caseWork = (verdict: boolean): Grant[] =>
  verdict
    ? [
        { actions: ['dynamodb:Query'], resources: ['StorageTable'], condition: leading('CASE#*', 'AUDIT-ANCHOR#*') },
        { actions: ['dynamodb:PutItem'], resources: ['StorageTable'], condition: leading('CASE#*') },
      ]
    : [{ actions: ['dynamodb:PutItem', 'dynamodb:Query'], resources: ['StorageTable'], condition: leading('CASE#*') }];
/** Case work that dates a case's deletion or takes the date away (closing, a legal hold) re-stamps each item's TTL. */
const CASE_WORK_DATING_DELETION: Grant[] = [
  { actions: ['dynamodb:Query'], resources: ['StorageTable'], condition: leading('CASE#*', 'AUDIT-ANCHOR#*') },
  { actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: ['StorageTable'], condition: leading('CASE#*') },
];

/**
 * The case keys' own table (lib/caseKeyStore.ts): opening text reads the case's key, sealing may create it. One kind
 * of item keyed by case id, so no partition condition could narrow it further.
 */
const OPEN_CASE_KEY: Grant = { actions: ['dynamodb:GetItem'], resources: ['CaseKeysTable'] };
const SEAL_CASE_KEY: Grant = { actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], resources: ['CaseKeysTable'] };

/** The notifier's SES grant: SendEmail alone, on the sender's domain and address identities, from that address only. */
const SEND_MAIL: Grant = {
  actions: ['ses:SendEmail'],
  resources: [
    'arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/notifications@portal.example',
    'arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/portal.example',
  ],
  condition: { StringEquals: { 'ses:FromAddress': 'notifications@portal.example' } },
};

/** Every portal function's statements, in the order the stack adds them. */
const EXPECTED: Record<string, Grant[]> = {
  getConfig: [logs('getConfig')],
  getPage: [logs('getPage')],
  login: [logs('login')],
  createUploads: [
    logs('createUploads'),
    PEPPER,
    { actions: ['s3:PutObject'], resources: ['StorageAttachments/incoming/*'] },
    { actions: ['kms:GenerateDataKey'], resources: ['StorageAttachmentsKey'], condition: via('s3') },
  ],
  createReport: [
    logs('createReport'),
    PEPPER,
    { actions: ['dynamodb:GetItem'], resources: ['StorageTable'], condition: leading('CASE#*') },
    { actions: ['dynamodb:PutItem'], resources: ['StorageTable'], condition: leading('CASE#*', 'UPLOAD#*') },
    TABLE_KEY_WRITE,
    SEAL_CASE_TEXT,
    SIGN,
    { actions: ['kms:Sign'], resources: ['SecretsReceiptKey'] },
    ...PROCESS_UPLOADS,
    SEAL_CASE_KEY,
  ],
  // Filing for a reporter who called, wrote or came in (docs/assisted-intake.md): createReport's grants without a
  // read-back (the server makes the code, so there is no retry to answer) and without any upload or bucket access.
  createAssistedReport: [
    logs('createAssistedReport'),
    PEPPER,
    { actions: ['dynamodb:PutItem'], resources: ['StorageTable'], condition: leading('CASE#*') },
    TABLE_KEY_WRITE,
    SEAL_CASE_TEXT,
    SIGN,
    { actions: ['kms:Sign'], resources: ['SecretsReceiptKey'] },
    SEAL_CASE_KEY,
  ],
  // The receipt key's public half and nothing else: no table, no pepper, no case text.
  getReceiptKeys: [logs('getReceiptKeys'), { actions: ['kms:GetPublicKey'], resources: ['SecretsReceiptKey'] }],
  trackCase: [
    logs('trackCase'),
    PEPPER,
    { actions: ['dynamodb:Query'], resources: ['StorageTable'], condition: leading('CASE#*', 'APPLICATION#*') },
    TABLE_KEY_READ,
    OPEN_CASE_TEXT,
    OPEN_CASE_KEY,
  ],
  postTrackMessage: [
    logs('postTrackMessage'),
    PEPPER,
    { actions: ['dynamodb:UpdateItem'], resources: ['StorageTable'], condition: leading('CASE#*') },
    { actions: ['dynamodb:PutItem'], resources: ['StorageTable'], condition: leading('CASE#*', 'UPLOAD#*') },
    TABLE_KEY_WRITE,
    SEAL_CASE_TEXT,
    ...PROCESS_UPLOADS,
    SEAL_CASE_KEY,
  ],
  listCases: [
    logs('listCases'),
    PEPPER,
    // The status index and the queue share a partition prefix, so IAM's policy holds them in one statement.
    { actions: ['dynamodb:Query'], resources: ['StorageTable/index/GSI1', 'StorageTable/index/GSI2'], condition: leading('ORG#*') },
    { actions: ['dynamodb:Query'], resources: ['StorageTable/index/GSI3'], condition: leading('ESC#*') },
    TABLE_KEY_READ,
    OPEN_CASE_TEXT,
    OPEN_CASE_KEY,
  ],
  getCase: [logs('getCase'), PEPPER, ...caseWork(true), TABLE_KEY_WRITE, OPEN_CASE_TEXT, SIGN_AND_VERIFY, OPEN_CASE_KEY],
  updateCase: [logs('updateCase'), PEPPER, ...CASE_WORK_DATING_DELETION, TABLE_KEY_WRITE, SEAL_CASE_TEXT, SIGN_AND_VERIFY, SEAL_CASE_KEY],
  postCaseMessage: [logs('postCaseMessage'), PEPPER, ...caseWork(false), TABLE_KEY_WRITE, SEAL_CASE_TEXT, SIGN, SEAL_CASE_KEY],
  transferCase: [logs('transferCase'), PEPPER, ...caseWork(true), TABLE_KEY_WRITE, SEAL_CASE_TEXT, SIGN_AND_VERIFY, SEAL_CASE_KEY],
  setLegalHold: [
    logs('setLegalHold'),
    PEPPER,
    ...CASE_WORK_DATING_DELETION,
    TABLE_KEY_WRITE,
    SEAL_CASE_TEXT,
    SIGN_AND_VERIFY,
    SEAL_CASE_KEY,
  ],
  // Assignment (docs/assignment.md): the named member's entry in the staff directory, then case work.
  assignCase: [
    logs('assignCase'),
    PEPPER,
    ...caseWork(true),
    { actions: ['dynamodb:GetItem'], resources: ['StorageTable'], condition: leading('STAFF#*') },
    TABLE_KEY_WRITE,
    OPEN_CASE_TEXT,
    SIGN_AND_VERIFY,
    OPEN_CASE_KEY,
  ],
  declareConflict: [logs('declareConflict'), PEPPER, ...caseWork(true), TABLE_KEY_WRITE, SEAL_CASE_TEXT, SIGN_AND_VERIFY, SEAL_CASE_KEY],
  listStaff: [
    logs('listStaff'),
    PEPPER,
    { actions: ['dynamodb:Query'], resources: ['StorageTable'], condition: leading('STAFF#*') },
    TABLE_KEY_READ,
  ],
  getAttachment: [
    logs('getAttachment'),
    PEPPER,
    ...caseWork(false),
    TABLE_KEY_WRITE,
    OPEN_CASE_TEXT,
    SIGN,
    { actions: ['s3:GetObject'], resources: ['StorageAttachments/evidence/*'] },
    { actions: ['kms:Decrypt'], resources: ['StorageAttachmentsKey'], condition: via('s3') },
    OPEN_CASE_KEY,
  ],
  // A case export (docs/case-export.md): case work with the audit verdict, every evidence file read, the ZIP written
  // under exports/ and its link signed, the manifest signed with the receipt key and its public half published.
  exportCase: [
    logs('exportCase'),
    PEPPER,
    ...caseWork(true),
    TABLE_KEY_WRITE,
    OPEN_CASE_TEXT,
    SIGN_AND_VERIFY,
    { actions: ['kms:GetPublicKey', 'kms:Sign'], resources: ['SecretsReceiptKey'] },
    { actions: ['s3:GetObject'], resources: ['StorageAttachments/evidence/*', 'StorageAttachments/exports/*'] },
    { actions: ['s3:PutObject'], resources: ['StorageAttachments/exports/*'] },
    { actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: ['StorageAttachmentsKey'], condition: via('s3') },
    OPEN_CASE_KEY,
  ],
  // Applications (docs/applications.md): their own partition, which no function of the handling organization is granted.
  createApplication: [
    logs('createApplication'),
    PEPPER,
    { actions: ['dynamodb:GetItem'], resources: ['StorageTable'], condition: leading('CASE#*') },
    { actions: ['dynamodb:PutItem'], resources: ['StorageTable'], condition: leading('APPLICATION#*') },
    TABLE_KEY_WRITE,
    SEAL_CASE_TEXT,
    SIGN,
    SEAL_CASE_KEY,
  ],
  postApplicationMessage: [
    logs('postApplicationMessage'),
    PEPPER,
    { actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: ['StorageTable'], condition: leading('APPLICATION#*') },
    TABLE_KEY_WRITE,
    SEAL_CASE_TEXT,
    SEAL_CASE_KEY,
  ],
  listApplications: [
    logs('listApplications'),
    PEPPER,
    { actions: ['dynamodb:Query'], resources: ['StorageTable/index/GSI4'], condition: leading('APPS#*') },
    TABLE_KEY_READ,
  ],
  getApplication: [
    logs('getApplication'),
    PEPPER,
    { actions: ['dynamodb:PutItem', 'dynamodb:Query'], resources: ['StorageTable'], condition: leading('APPLICATION#*') },
    { actions: ['dynamodb:GetItem'], resources: ['StorageTable'], condition: leading('CASE#*') },
    TABLE_KEY_WRITE,
    OPEN_CASE_TEXT,
    SIGN_AND_VERIFY,
    OPEN_CASE_KEY,
  ],
  decideApplication: [
    logs('decideApplication'),
    PEPPER,
    { actions: ['dynamodb:PutItem', 'dynamodb:Query'], resources: ['StorageTable'], condition: leading('APPLICATION#*') },
    { actions: ['dynamodb:GetItem'], resources: ['StorageTable'], condition: leading('CASE#*') },
    TABLE_KEY_WRITE,
    SEAL_CASE_TEXT,
    SIGN_AND_VERIFY,
    SEAL_CASE_KEY,
  ],
  postApplicantMessage: [
    logs('postApplicantMessage'),
    PEPPER,
    { actions: ['dynamodb:PutItem', 'dynamodb:Query'], resources: ['StorageTable'], condition: leading('APPLICATION#*') },
    TABLE_KEY_WRITE,
    SEAL_CASE_TEXT,
    SIGN,
    SEAL_CASE_KEY,
  ],
  getStats: [
    logs('getStats'),
    PEPPER,
    { actions: ['dynamodb:Query'], resources: ['StorageTable/index/GSI2'], condition: leading('ORG#*') },
    TABLE_KEY_READ,
  ],
  getPublicStats: [
    logs('getPublicStats'),
    {
      actions: ['dynamodb:GetItem'],
      resources: ['StorageTable'],
      condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['STATS#public'] } },
    },
    TABLE_KEY_READ,
  ],
  // A staff member's own settings: their own item of the staff directory, nothing else (no pepper, no case).
  getStaffMe: [
    logs('getStaffMe'),
    { actions: ['dynamodb:GetItem'], resources: ['StorageTable'], condition: leading('STAFF#*') },
    TABLE_KEY_READ,
  ],
  updateStaffMe: [
    logs('updateStaffMe'),
    { actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], resources: ['StorageTable'], condition: leading('STAFF#*') },
    TABLE_KEY_WRITE,
  ],
  // The notifier (lib/notifications.ts): the staff directory, its held notices, the due list's window, the stream of
  // case changes and SES. No pepper, no case-text or audit key, no bucket.
  notifyStaff: [
    logs('notifyStaff', 'Notifications'),
    { actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: ['StorageTable'], condition: leading('STAFF#*') },
    { actions: ['dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Query'], resources: ['StorageTable'], condition: leading('NOTICE#*') },
    { actions: ['dynamodb:Query'], resources: ['StorageTable/index/GSI4'], condition: leading('DUE') },
    TABLE_KEY_WRITE,
    SEND_MAIL,
    {
      actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
      resources: ['StorageTable'],
    },
    DEAD_LETTERS,
  ],
  sweepDeadlines: [
    logs('sweepDeadlines', 'Jobs'),
    // The due list and the deletion list; then a case's keys, its commits and its erasing; its withdrawal and count.
    { actions: ['dynamodb:Query'], resources: ['StorageTable/index/GSI4'], condition: leading('DUE', 'DELETE') },
    { actions: ['dynamodb:DeleteItem', 'dynamodb:Query'], resources: ['StorageTable'], condition: leading('CASE#*', 'APPLICATION#*') },
    { actions: ['dynamodb:PutItem'], resources: ['StorageTable'], condition: leading('CASE#*') },
    { actions: ['dynamodb:UpdateItem'], resources: ['StorageTable'], condition: leading('CASE#*', 'DELETED-CASES') },
    { actions: ['dynamodb:PutItem'], resources: ['StorageTable'], condition: leading('AUDIT-ANCHOR#DELETED') },
    TABLE_KEY_WRITE,
    SIGN,
    // Retention: every version of a deleted case's evidence; listing is bounded to evidence/, nothing is read.
    { actions: ['s3:ListBucketVersions'], resources: ['StorageAttachments'], condition: { StringLike: { 's3:prefix': ['evidence/*'] } } },
    { actions: ['s3:DeleteObjectVersion'], resources: ['StorageAttachments/evidence/*'] },
    DEAD_LETTERS,
    { actions: ['dynamodb:DeleteItem'], resources: ['CaseKeysTable'] },
  ],
  publishPublicStats: [
    logs('publishPublicStats', 'Jobs'),
    { actions: ['dynamodb:Scan'], resources: ['StorageTable/index/GSI2'] },
    TABLE_KEY_WRITE,
    {
      actions: ['dynamodb:PutItem'],
      resources: ['StorageTable'],
      condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['STATS#public'] } },
    },
    // What the statistics keep of deleted cases.
    { actions: ['dynamodb:Query'], resources: ['StorageTable'], condition: leading('DELETED-CASES') },
    DEAD_LETTERS,
  ],
  anchorAuditHeads: [
    logs('anchorAuditHeads', 'Jobs'),
    { actions: ['dynamodb:Scan'], resources: ['StorageTable/index/GSI2'] },
    TABLE_KEY_WRITE,
    { actions: ['dynamodb:PutItem'], resources: ['StorageTable'], condition: leading('AUDIT-ANCHOR#*') },
    {
      actions: ['dynamodb:Query'],
      resources: ['StorageTable'],
      condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['AUDIT-ANCHOR#ROOT'] } },
    },
    SIGN,
    DEAD_LETTERS,
  ],
};

/** The routes anyone may call without signing in. */
const PUBLIC = ROUTES.filter((r) => r.auth !== 'agency').map((r) => r.handler);

describe("every portal function's role", () => {
  it('is pinned here: no function without an entry, no entry without a function', () => {
    expect(Object.keys(portalFunctions()).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s holds exactly its written-out statements', (handler) => {
    expect(grantsOf(resources, portalFunctions()[handler]!)).toEqual(EXPECTED[handler]);
  });
});

describe('what no role may do', () => {
  const all = () => Object.entries(portalFunctions()).map(([handler, fn]) => [handler, grantsOf(resources, fn)] as const);

  it('no role may Scan the table itself; only the publisher and the anchor job scan, and only the queue index', () => {
    for (const [handler, grants] of all()) {
      const scans = grants.filter((g) => g.actions.includes('dynamodb:Scan'));
      if (handler === 'publishPublicStats' || handler === 'anchorAuditHeads') {
        expect(
          scans.flatMap((g) => g.resources),
          handler,
        ).toEqual(['StorageTable/index/GSI2']);
      } else expect(scans, handler).toEqual([]);
    }
  });

  it('no role holds a table-wide or index-wide wildcard, a Batch call, DeleteItem (but the sweep, for retention, and the notifier in its notices) or a DynamoDB grant without a condition, but for the two queue scans and the stream', () => {
    const deletes = (handler: string, grant: Grant) =>
      handler === 'sweepDeadlines' ||
      (handler === 'notifyStaff' && JSON.stringify(grant.condition) === JSON.stringify(leading('NOTICE#*')));
    for (const [handler, grants] of all()) {
      for (const grant of grants.filter((g) => g.actions.some((a) => a.startsWith('dynamodb:')))) {
        expect(grant.resources.join(), handler).not.toMatch(/\*/);
        expect(
          grant.actions.filter((a) => /Batch|\*/.test(a) || (a === 'dynamodb:DeleteItem' && !deletes(handler, grant))),
          handler,
        ).toEqual([]);
        // The stream's records: its read actions, on the stream alone.
        if (grant.actions.includes('dynamodb:GetRecords')) continue;
        // The case keys' table holds one kind of item, keyed by case id: no partition condition could narrow it.
        if (!grant.actions.includes('dynamodb:Scan') && !grant.resources.includes('CaseKeysTable')) {
          expect(grant.condition, handler).toBeDefined();
        }
      }
    }
  });

  it.each(PUBLIC)('public %s: no index, no BatchWriteItem or DeleteItem, no unconditioned ListBucket, no audit verification', (handler) => {
    const grants = grantsOf(resources, portalFunctions()[handler]!);
    expect(grants.flatMap((g) => g.resources).filter((r) => r.includes('/index/'))).toEqual([]);
    const actions = grants.flatMap((g) => g.actions);
    expect(actions.filter((a) => /^dynamodb:(BatchWriteItem|BatchGetItem|DeleteItem|Scan|ConditionCheckItem)$/.test(a))).toEqual([]);
    expect(actions).not.toContain('kms:VerifyMac');
    for (const grant of grants.filter((g) => g.actions.includes('s3:ListBucket'))) {
      expect(grant.condition).toEqual({ StringLike: { 's3:prefix': ['incoming/*'] } });
    }
  });

  it('only the notifier may send mail: no other role holds any ses:* action, and it holds SendEmail alone, from one address', () => {
    for (const [handler, grants] of all()) {
      const ses = grants.filter((g) => g.actions.some((a) => a.startsWith('ses:')));
      expect(ses, handler).toEqual(handler === 'notifyStaff' ? [SEND_MAIL] : []);
    }
    const others = Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::Role');
    const sesAnywhere = others.filter((r) => JSON.stringify(r.Properties).includes('"ses:'));
    expect(sesAnywhere).toHaveLength(1);
  });

  it('the notifier reads no pepper, no case text, no audit key and no attachment', () => {
    const fn = portalFunctions().notifyStaff!;
    const touched = grantsOf(resources, fn).flatMap((g) => g.resources);
    expect(touched.filter((r) => /Pepper|CaseTextKey|AuditMacKey|Attachments|CaseKeys/.test(r))).toEqual([]);
    expect(Object.keys(fn.Properties.Environment.Variables).sort()).toEqual(
      [
        'CONSOLE_URL',
        'COUNTRY',
        'COUNTRY_PACKS_DIR',
        'NODE_OPTIONS',
        'NOTIFY_SENDER',
        'POWERTOOLS_LOG_LEVEL',
        'POWERTOOLS_SERVICE_NAME',
        'TABLE_NAME',
      ].filter((name) => name !== 'NODE_OPTIONS' || 'NODE_OPTIONS' in fn.Properties.Environment.Variables),
    );
  });

  it('the case-text key is used only with the sealer’s encryption context', () => {
    for (const [handler, grants] of all()) {
      for (const grant of grants.filter((g) => g.resources.includes('SecretsCaseTextKey'))) {
        expect(grant.condition, handler).toEqual(CASE_TEXT_CONTEXT);
      }
    }
  });

  it('the deadline sweep reads no pepper, no case text and no attachment (it may only list and delete evidence versions)', () => {
    const grants = grantsOf(resources, portalFunctions().sweepDeadlines!);
    const touched = grants.flatMap((g) => g.resources);
    expect(touched.filter((r) => /Pepper|CaseTextKey|AttachmentsKey/.test(r))).toEqual([]);
    const onBucket = grants.filter((g) => g.resources.some((r) => r.startsWith('StorageAttachments')));
    expect(onBucket.flatMap((g) => g.actions).sort()).toEqual(['s3:DeleteObjectVersion', 's3:ListBucketVersions']);
    expect(Object.keys(portalFunctions().sweepDeadlines!.Properties.Environment.Variables)).not.toContain('PEPPER_SECRET_ARN');
  });

  it('no other Lambda role in the stack (CDK’s helpers) touches the table, the attachments, their keys, the case text, the audit key or the pepper', () => {
    const portal = new Set(Object.values(portalFunctions()));
    const others = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function' && !portal.has(r));
    for (const fn of others) {
      const touched = grantsOf(resources, fn).flatMap((g) => g.resources);
      expect(touched.filter((r) => /^(StorageTable|StorageAttachments|Secrets)/.test(r))).toEqual([]);
    }
  });
});
