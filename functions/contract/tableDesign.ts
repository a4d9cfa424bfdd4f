// The single table's key design, shared by the adapters, the local runtime and the CDK stack.
export const TABLE_KEYS = { partitionKey: 'PK', sortKey: 'SK' } as const;

/**
 * The global secondary indexes, all sparse where they can be:
 * - GSI1, an organization's queue by status: ORG#<org> / <status>#<bucket>#<createdAt>#<caseId>
 * - GSI2, an organization's whole queue, overdue first: ORG#<org> / <bucket>#<createdAt>#<caseId>
 * - GSI3, an oversight body's escalations: ESC#<org> / <bucket>#<createdAt>#<caseId>
 * - GSI4, the deadline sweep's due list: DUE / <dueAt>#<caseId>, and its deletion list:
 *   DELETE / <deleteAfter>#<caseId> (a closed case has no pending deadline, so it is never on both; a held case on neither)
 *   and a deciding body's applications: APPS#<org> / <1 open, 2 decided>#<filedAt>#<applicationId>
 * where <bucket> is 0 for overdue, 1 for open, 2 for closed.
 */
export const INDEXES = {
  byStatus: { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  queue: { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  escalations: { name: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  due: { name: 'GSI4', partitionKey: 'GSI4PK', sortKey: 'GSI4SK' },
} as const;

/**
 * The partition-key prefixes of the items the case store writes (functions/adapters/dynamoCaseStore.ts): every item of
 * a case under `CASE#<caseId>`, an upload's claim under `UPLOAD#<key>`; on the indexes, an organization's queue under
 * `ORG#<org>`, an oversight body's escalations under `ESC#<org>`, the sweep's due list under `DUE` and its deletion
 * list under `DELETE`; what the public statistics keep of deleted cases under `DELETED-CASES` (one counter per
 * `<organizationId>#<category>#<daysToClose>`, written in the transaction that takes a case out of view). The stack
 * grants each function these partitions only (IAM's dynamodb:LeadingKeys, lib/tableAccess.ts).
 */
export const PARTITIONS = {
  case: 'CASE#',
  uploadClaim: 'UPLOAD#',
  queue: 'ORG#',
  escalations: 'ESC#',
  due: 'DUE',
  deletion: 'DELETE',
  deletedCases: 'DELETED-CASES',
  /** A case's applications for protection or a reward, apart from the case (docs/applications.md). */
  application: 'APPLICATION#',
  /** A deciding body's applications, on GSI4 (never on GSI2, which is scanned as one entry per case). */
  applicationQueue: 'APPS#',
  /** An organization's staff: one item per account, for assignment and notifications (core/staff/ports.ts). */
  staff: 'STAFF#',
  /**
   * The notices held for an organization's members who chose a daily digest (kind, case id, time only), one partition
   * per organization: `NOTICE#<organizationId>` (functions/adapters/dynamoNoticeStore.ts).
   */
  notice: 'NOTICE#',
} as const;

export const DELETED_CASES_PK = PARTITIONS.deletedCases;

/**
 * The sort key of a case's own item (functions/adapters/dynamoCaseStore.ts CASE_SK): the table stream's changes the
 * notifier is handed are filtered on it (lib/notifications.ts, local/runtime/tableStream.ts).
 */
export const CASE_ITEM_SK = 'CASE';

/** The attribute DynamoDB's TTL deletes items by (retention). */
export const TTL_ATTRIBUTE = 'expiresAt';

/**
 * The one item holding the published public statistics (GET /stats/public). Its partition holds nothing else, so the
 * functions that read or write it are granted this partition only (IAM's dynamodb:LeadingKeys, lib/api.ts and
 * lib/jobs.ts). It carries no index keys: it is in no queue.
 */
export const PUBLIC_STATS_KEY = { PK: 'STATS#public', SK: 'SNAPSHOT' } as const;

/**
 * The anchors of the audit chains' heads (functions/core/auditAnchor.ts): a partition per bucket of case ids
 * (`AUDIT-ANCHOR#<bucket>`, one chunk per anchor, sorted by time) and one for the roots (`AUDIT-ANCHOR#ROOT`, by
 * sequence number). Every partition starts with the prefix, so the anchor job is granted exactly these
 * (dynamodb:LeadingKeys, lib/storage.ts). They carry no index keys: they are in no queue.
 */
export const AUDIT_ANCHOR_PREFIX = 'AUDIT-ANCHOR#';
export const AUDIT_ANCHOR_ROOT_PK = `${AUDIT_ANCHOR_PREFIX}ROOT`;
export const auditAnchorPk = (bucket: string) => `${AUDIT_ANCHOR_PREFIX}${bucket}`;
/** Deleted cases' signed receipts (functions/core/caseDeletionReceipt.ts), one item per case id. */
export const AUDIT_DELETIONS_PK = `${AUDIT_ANCHOR_PREFIX}DELETED`;
/** Zero-padded, so the roots sort by sequence number. */
export const auditAnchorRootSk = (seq: number) => String(seq).padStart(10, '0');
