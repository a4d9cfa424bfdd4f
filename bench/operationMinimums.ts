// The fewest AWS calls each operation can make under the design, and why. The bench counts the calls actually
// made against these; the budget names the first four. `handler` is the function that serves the
// operation: its SDK-only baseline makes the same minimum calls, so a cold start compares like with like.
export interface OperationMinimum {
  operation: string;
  request: string;
  handler?: string;
  /** The calls the design needs, as `Service.Command`. */
  calls: string[];
  why: string;
}

const QUERY = 'DynamoDB.Query';
const WRITE = 'DynamoDB.TransactWriteItems';
/**
 * Every answer that shows a case's audit verdict reads the newest anchor of its heads (functions/core/auditAnchor.ts)
 * too: one Query, newest first, Limit 1, of the case's bucket. The anchor lives outside the case's partition on
 * purpose (whoever rewrites a case item could rewrite anything inside its partition), so the case's own Query cannot
 * bring it.
 */
const ANCHOR = QUERY;
/**
 * The case's own key (docs/crypto-shredding.md): created by one conditional PutItem in the key table when the case
 * first seals text. Reading it later is a GetItem when the function's cache lacks it; the bench's handlers share one
 * process and its cache, so it counts the warm case (no read).
 */
const CASE_KEY = 'DynamoDB.PutItem';
/** The signed receipt of a filing (docs/receipts.md): one `kms:Sign` deployed, the key file's signature locally. */
const RECEIPT = 'Receipt.Sign';

export const OPERATION_MINIMUMS: OperationMinimum[] = [
  {
    operation: 'submit',
    request: 'POST /reports',
    handler: 'createReport',
    calls: [CASE_KEY, RECEIPT, WRITE],
    why: 'the case’s own key, the receipt’s signature, then case, timeline and audit together or not at all (invariant 4)',
  },
  {
    operation: 'assistedIntake',
    request: 'POST /intake',
    handler: 'createAssistedReport',
    calls: [CASE_KEY, RECEIPT, WRITE],
    why: 'filed as `submit` is (docs/assisted-intake.md): the server makes the code, so nothing is read back',
  },
  {
    operation: 'track',
    request: 'POST /track',
    handler: 'trackCase',
    calls: [QUERY, QUERY],
    why: "one read of the case's partition, keyed by the code's HMAC, and one of its applications' (kept apart: docs/applications.md)",
  },
  {
    operation: 'queuePage',
    request: 'GET /cases',
    handler: 'listCases',
    calls: [QUERY],
    why: "one read of the organization's queue index, one page",
  },
  {
    operation: 'caseView',
    request: 'GET /cases/{caseId}',
    handler: 'getCase',
    calls: [QUERY, WRITE, ANCHOR],
    why: 'read the case, then the audit write (invariant 3), and the anchor its audit verdict is judged against',
  },
  {
    operation: 'submitWithAttachment',
    request: 'POST /reports with 1 PNG',
    calls: [CASE_KEY, RECEIPT, WRITE, 'S3.GetObject', 'S3.GetObject', 'S3.PutObject', 'S3.DeleteObject'],
    why: 'the case’s own key and the receipt’s signature; per attachment: a ranged read (size, type), a full read and a write (metadata stripped), deleting the original',
  },
  {
    operation: 'trackMessage',
    request: 'POST /track/messages',
    handler: 'postTrackMessage',
    calls: [WRITE],
    why: 'one transaction conditioned on the case being open and unchanged since the message’s hour (a second, re-dated, when staff changed it earlier in that hour)',
  },
  {
    operation: 'statusChange',
    request: 'PATCH /cases/{caseId}',
    handler: 'updateCase',
    calls: [QUERY, WRITE, ANCHOR],
    why: 'read the case, then change, timeline and audit in one transaction; the updated case answered comes with its audit verdict, so the anchor too',
  },
  {
    operation: 'agencyMessage',
    request: 'POST /cases/{caseId}/messages',
    handler: 'postCaseMessage',
    calls: [QUERY, WRITE],
    why: 'read the case, then message and audit in one transaction',
  },
  {
    operation: 'attachmentLink',
    request: 'GET /cases/{caseId}/attachments/{id}',
    handler: 'getAttachment',
    calls: [QUERY, WRITE],
    why: 'read the case, then the audit write; the link is signed locally',
  },
  {
    operation: 'transfer',
    request: 'POST /cases/{caseId}/transfer',
    handler: 'transferCase',
    calls: [QUERY, WRITE, ANCHOR],
    why: 'read the case, then new queue keys, timeline and audit in one transaction; the case answered comes with its audit verdict, so the anchor too',
  },
  {
    operation: 'organizationStats',
    request: 'GET /stats',
    handler: 'getStats',
    calls: [QUERY],
    why: "one read of the organization's queue index (per 1 MB)",
  },
  {
    operation: 'config',
    request: 'GET /config',
    handler: 'getConfig',
    calls: [],
    why: 'served from the country pack loaded at cold start',
  },
  { operation: 'page', request: 'GET /pages/{id}', handler: 'getPage', calls: [], why: 'served from the country pack' },
  { operation: 'uploads', request: 'POST /uploads', handler: 'createUploads', calls: [], why: 'presigned POSTs are signed locally' },
  {
    operation: 'signIn',
    request: 'POST /auth/login',
    handler: 'login',
    calls: [],
    why: 'local mode checks the password itself (deployed: one Cognito InitiateAuth)',
  },
  {
    operation: 'publicStats',
    request: 'GET /stats/public',
    handler: 'getPublicStats',
    calls: ['DynamoDB.GetItem'],
    why: 'one read of the published snapshot item',
  },
  {
    operation: 'publishStats',
    request: 'scheduled statistics job',
    handler: 'publishPublicStats',
    calls: ['DynamoDB.Scan', QUERY, 'DynamoDB.PutItem'],
    why: 'a Scan of the queue index (one page per MB), a Query of the deleted-case counts, then the snapshot item',
  },
  {
    operation: 'sweepIdle',
    request: 'scheduled sweep, nothing due',
    handler: 'sweepDeadlines',
    calls: [QUERY, QUERY],
    why: 'one read of the due list and one of the deletion list (both in the due index)',
  },
];

/** The minimum calls of the operation a handler serves (none for a handler no operation names). */
export function minimumCallsOf(handler: string): string[] {
  return OPERATION_MINIMUMS.find((o) => o.handler === handler)?.calls ?? [];
}
