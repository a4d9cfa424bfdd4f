// CaseStore over one DynamoDB table. Every item of a case shares the partition `CASE#<caseId>`, so a case is read
// with one Query; the case item carries the queue index keys (GSI1: organization, then status and age).
import {
  type DynamoDBDocumentClient,
  GetCommand,
  UpdateCommand,
  QueryCommand,
  TransactWriteCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type {
  CaseCommit,
  CaseDeletionStep,
  CaseFolder,
  CaseWorkStore,
  DeletionCandidate,
  InternalNoteRecord,
  QueuePage,
  QueueQuery,
} from '#core/agency/ports.js';
import { expiryOf } from '#core/caseRetention.js';
import type { AuditEventRecord } from '#core/auditChain.js';
import type {
  AddMessageOutcome,
  AttachmentRecord,
  CaseFile,
  CaseRecord,
  MessageRecord,
  NewCaseWrite,
  TimelineRecord,
  UploadClaim,
} from '#core/ports.js';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { QueueFilter } from '#core/agency/queueFilter.js';
import { guarded } from './dependencyFailure.js';
import { queryAllPages } from './queryAllPages.js';
import { DELETED_CASES_PK, INDEXES, PARTITIONS, TTL_ATTRIBUTE } from '#contract/tableDesign.js';

export const CASE_SK = 'CASE';
export const casePk = (caseId: string) => `${PARTITIONS.case}${caseId}`;
export const queuePk = (organizationId: string) => `${PARTITIONS.queue}${organizationId}`;
export const escalationPk = (organizationId: string) => `${PARTITIONS.escalations}${organizationId}`;
export const DUE_PK = PARTITIONS.due;
/** The deletion list's partition in GSI4 (contract/tableDesign.ts). */
export const DELETE_PK = PARTITIONS.deletion;
/** Set on a case item taken out of view by a deletion that is still erasing it: the case reads as missing. */
const WITHDRAWN = 'withdrawnAt';
/** DynamoDB's limit of actions in one transaction. */
const ERASE_CHUNK = 100;
const QUEUE_KEYS = [INDEXES.byStatus, INDEXES.queue, INDEXES.escalations].flatMap((i) => [i.partitionKey, i.sortKey]);

/**
 * The search of core/agency/queueFilter.ts as filter conditions (its `matchesQueueFilter` is the meaning kept): an
 * unassigned case has no assignee or a null one, a case from before intake channels came by the web.
 */
function queueFilterExpression(filter: QueueFilter, names: Record<string, string>, values: Record<string, unknown>): string[] {
  const conditions: string[] = [];
  if (filter.assignee !== undefined) {
    names['#assignee'] = 'assignee';
    if (filter.assignee === null) {
      values[':nullType'] = 'NULL';
      conditions.push('attribute_not_exists(#assignee) OR attribute_type(#assignee, :nullType)');
    } else {
      values[':assignee'] = filter.assignee;
      conditions.push('#assignee = :assignee');
    }
  }
  if (filter.category !== undefined) {
    names['#category'] = 'category';
    values[':category'] = filter.category;
    conditions.push('#category = :category');
  }
  if (filter.channel !== undefined) {
    names['#channel'] = 'channel';
    values[':channel'] = filter.channel;
    conditions.push(filter.channel === 'web' ? 'attribute_not_exists(#channel) OR #channel = :channel' : '#channel = :channel');
  }
  if (filter.createdFrom !== undefined || filter.createdBefore !== undefined) names['#createdAt'] = 'createdAt';
  if (filter.createdFrom !== undefined) {
    values[':createdFrom'] = filter.createdFrom;
    conditions.push('#createdAt >= :createdFrom');
  }
  if (filter.createdBefore !== undefined) {
    values[':createdBefore'] = filter.createdBefore;
    conditions.push('#createdAt < :createdBefore');
  }
  return conditions;
}

/** 0 overdue, 1 open, 2 closed: sorting on it puts overdue cases first and closed ones last. */
const bucketOf = (record: CaseRecord) => (record.status === 'closed' ? '2' : record.overdue ? '0' : '1');

/** The case item with its index keys; an index key is left out (sparse index) when it does not apply. */
const caseItem = (record: CaseRecord) => {
  const age = `${bucketOf(record)}#${record.createdAt}#${record.caseId}`;
  return {
    ...withDefaults(record),
    PK: casePk(record.caseId),
    SK: CASE_SK,
    kind: 'case',
    [INDEXES.byStatus.partitionKey]: queuePk(record.organizationId),
    [INDEXES.byStatus.sortKey]: `${record.status}#${age}`,
    [INDEXES.queue.partitionKey]: queuePk(record.organizationId),
    [INDEXES.queue.sortKey]: age,
    ...(record.escalatedTo
      ? { [INDEXES.escalations.partitionKey]: escalationPk(record.escalatedTo), [INDEXES.escalations.sortKey]: age }
      : {}),
    ...(record.dueAt ? { [INDEXES.due.partitionKey]: DUE_PK, [INDEXES.due.sortKey]: `${record.dueAt}#${record.caseId}` } : {}),
    // A held case is on no deletion list; a closed case with a date is (core/caseRetention.ts).
    ...(record.deleteAfter && !record.legalHold && !record.dueAt
      ? { [INDEXES.due.partitionKey]: DELETE_PK, [INDEXES.due.sortKey]: `${record.deleteAfter}#${record.caseId}` }
      : {}),
    ...expiryAttribute(record),
  };
};

/** The TTL backstop every item of a closed, unheld case carries (absent otherwise). */
const expiryAttribute = (record: CaseRecord) => {
  const expiry = expiryOf(withDefaults(record));
  return expiry === null ? {} : { [TTL_ATTRIBUTE]: expiry };
};

/** Fields a case written by an older version may lack. */
function withDefaults(record: CaseRecord): CaseRecord {
  return {
    ...record,
    contactSharedWith: record.contactSharedWith ?? null,
    acknowledgedAt: record.acknowledgedAt ?? null,
    closedAt: record.closedAt ?? null,
    overdue: record.overdue ?? false,
    dueAt: record.dueAt ?? null,
    escalatedTo: record.escalatedTo ?? null,
    escalatedAt: record.escalatedAt ?? null,
    auditSeq: record.auditSeq ?? 0,
    auditHash: record.auditHash ?? '',
    whistleblowerMessages: record.whistleblowerMessages ?? 0,
    whistleblowerMessagesSeen: record.whistleblowerMessagesSeen ?? 0,
    deleteAfter: record.deleteAfter ?? null,
    legalHold: record.legalHold ?? null,
  };
}
const timelineItem = (t: TimelineRecord) => ({ PK: casePk(t.caseId), SK: `TIMELINE#${t.at}#${t.id}`, kind: 'timeline', ...t });
const messageItem = (m: MessageRecord) => ({ PK: casePk(m.caseId), SK: `MESSAGE#${m.at}#${m.id}`, kind: 'message', ...m });
const attachmentItem = (a: AttachmentRecord) => ({ PK: casePk(a.caseId), SK: `ATTACHMENT#${a.at}#${a.id}`, kind: 'attachment', ...a });
const noteItem = (n: InternalNoteRecord) => ({ PK: casePk(n.caseId), SK: `NOTE#${n.at}#${n.id}`, kind: 'note', ...n });
/** One item per upload taken into a case, in a partition of its own; DynamoDB's TTL forgets it once its id expired. */
const uploadClaimItem = (claim: UploadClaim, caseId: string) => ({
  PK: `${PARTITIONS.uploadClaim}${claim.key}`,
  SK: 'CLAIM',
  kind: 'uploadClaim',
  caseId,
  [TTL_ATTRIBUTE]: claim.forgetAfter,
});
// Zero-padded so the events sort by sequence.
const auditItem = (e: AuditEventRecord) => ({ PK: casePk(e.caseId), SK: `AUDIT#${String(e.seq).padStart(8, '0')}`, kind: 'audit', ...e });

const KEY_ATTRIBUTES = new Set<string>([
  'PK',
  'SK',
  'kind',
  TTL_ATTRIBUTE,
  WITHDRAWN,
  ...Object.values(INDEXES).flatMap((i) => [i.partitionKey, i.sortKey]),
]);

function strip<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.has(k))) as T;
}

const toRecord = (item: Record<string, unknown>) => withDefaults(strip<CaseRecord>(item));

/** The kinds of item a case file (the whistleblower's view) is made of: never a note or an audit event. */
const CASE_FILE_KINDS = ['case', 'timeline', 'message', 'attachment'] as const;

function isConditionFailure(error: unknown, index: number): { failed: boolean; item?: Record<string, unknown> } {
  const reasons = (error as { name?: string; CancellationReasons?: { Code?: string; Item?: Record<string, unknown> }[] })
    .CancellationReasons;
  if ((error as { name?: string }).name !== 'TransactionCanceledException' || !reasons) return { failed: false };
  const reason = reasons[index];
  return { failed: reason?.Code === 'ConditionalCheckFailed', item: reason?.Item };
}

/** Whether a condition failed on any item from `first` on (the upload claims, written last). */
function anyConditionFailureFrom(error: unknown, first: number, count: number): boolean {
  return Array.from({ length: count }, (_, i) => isConditionFailure(error, first + i).failed).some(Boolean);
}

const claimPut = (TableName: string, caseId: string) => (claim: UploadClaim) => ({
  Put: { TableName, Item: uploadClaimItem(claim, caseId), ConditionExpression: 'attribute_not_exists(PK)' },
});

export class DynamoCaseStore implements CaseWorkStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createCase(write: NewCaseWrite): Promise<'created' | 'exists' | 'uploadTaken'> {
    const TableName = this.tableName;
    const items = [
      { Put: { TableName, Item: caseItem(write.record), ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName, Item: timelineItem(write.timeline) } },
      { Put: { TableName, Item: auditItem(write.audit) } },
      ...write.attachments.map((a) => ({ Put: { TableName, Item: attachmentItem(a) } })),
    ];
    try {
      await this.client.send(
        new TransactWriteCommand({ TransactItems: [...items, ...write.uploadClaims.map(claimPut(TableName, write.record.caseId))] }),
      );
      return 'created';
    } catch (error) {
      // The case first: a retry of a committed submission finds both the case and its claims taken.
      if (isConditionFailure(error, 0).failed) return 'exists';
      if (anyConditionFailureFrom(error, items.length, write.uploadClaims.length)) return 'uploadTaken';
      return guarded('case store', () => Promise.reject(error));
    }
  }

  async getCase(caseId: string): Promise<CaseRecord | null> {
    const { Item } = await guarded('case store', () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: { PK: casePk(caseId), SK: CASE_SK }, ConsistentRead: true })),
    );
    return Item && !(WITHDRAWN in Item) ? toRecord(Item) : null;
  }

  /**
   * The whistleblower's view (POST /track): the case, its timeline, messages and attachments. The agency's internal
   * notes and the audit events are filtered out inside DynamoDB, so they never reach the public function.
   */
  async getCaseFile(caseId: string): Promise<CaseFile | null> {
    const kinds = Object.fromEntries(CASE_FILE_KINDS.map((kind, i) => [`:k${i}`, kind]));
    const parts = await this.caseParts(caseId, {
      FilterExpression: `#kind IN (${Object.keys(kinds).join(', ')})`,
      ExpressionAttributeNames: { '#kind': 'kind' },
      ExpressionAttributeValues: kinds,
    });
    if (!parts) return null;
    const { record, of } = parts;
    return {
      case: record,
      timeline: of<TimelineRecord>('timeline'),
      messages: of<MessageRecord>('message'),
      attachments: of<AttachmentRecord>('attachment'),
    };
  }

  /** A case's partition, read consistently (optionally filtered inside DynamoDB), as its record and its items by kind. */
  private async caseParts(
    caseId: string,
    filter?: Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>,
  ): Promise<{ record: CaseRecord; of: <T>(kind: string) => T[] } | null> {
    const items = await this.queryAll({
      KeyConditionExpression: 'PK = :pk',
      ...filter,
      ExpressionAttributeValues: { ':pk': casePk(caseId), ...filter?.ExpressionAttributeValues },
      ConsistentRead: true,
    });
    const record = items.find((i) => i.kind === 'case');
    // A case being deleted is gone for every reader already, exactly like one that never existed.
    if (!record || WITHDRAWN in record) return null;
    return { record: toRecord(record), of: <T>(kind: string) => items.filter((i) => i.kind === kind).map((i) => strip<T>(i)) };
  }

  /** Every item a query matches, following its pages (one round trip unless the result passes 1 MB). */
  private queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
    return queryAllPages(this.client, this.tableName, input, 'case store');
  }

  async getCaseFolder(caseId: string): Promise<CaseFolder | null> {
    const parts = await this.caseParts(caseId);
    if (!parts) return null;
    const { record, of } = parts;
    return {
      case: record,
      timeline: of<TimelineRecord>('timeline'),
      messages: of<MessageRecord>('message'),
      attachments: of<AttachmentRecord>('attachment'),
      notes: of<InternalNoteRecord>('note'),
      audit: of<AuditEventRecord>('audit'),
    };
  }

  async addMessage(message: MessageRecord, attachments: AttachmentRecord[], uploadClaims: UploadClaim[]): Promise<AddMessageOutcome> {
    const TableName = this.tableName;
    const claimsFrom = 2 + attachments.length;
    // The whistleblower's messages are counted with the case, in this transaction: the queue reads unread replies from
    // the case item alone.
    const counted = message.from === 'whistleblower';
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName,
                Key: { PK: casePk(message.caseId), SK: CASE_SK },
                UpdateExpression: counted ? 'SET updatedAt = :at ADD whistleblowerMessages :one' : 'SET updatedAt = :at',
                // Never dated before the case's last change (core/reporterTime.ts: a reporter's message is to the hour).
                ConditionExpression:
                  'attribute_exists(PK) AND #status <> :closed AND (attribute_not_exists(updatedAt) OR updatedAt <= :at)',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':at': message.at, ':closed': 'closed', ...(counted ? { ':one': 1 } : {}) },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            { Put: { TableName, Item: messageItem(message) } },
            ...attachments.map((a) => ({ Put: { TableName, Item: attachmentItem(a) } })),
            ...uploadClaims.map(claimPut(TableName, message.caseId)),
          ],
        }),
      );
      return 'added';
    } catch (error) {
      const failure = isConditionFailure(error, 0);
      if (failure.failed) {
        if (!failure.item) return 'missing';
        // The refusal carries the stored case item, in DynamoDB's attribute-value form.
        const stored = unmarshall(failure.item as Record<string, AttributeValue>);
        if (stored.status === 'closed' || typeof stored.updatedAt !== 'string') return 'closed';
        return { changedAt: stored.updatedAt };
      }
      if (anyConditionFailureFrom(error, claimsFrom, uploadClaims.length)) return 'uploadTaken';
      return guarded('case store', () => Promise.reject(error));
    }
  }

  async commit(change: CaseCommit): Promise<'committed' | 'stale'> {
    const TableName = this.tableName;
    const expiry = expiryAttribute(change.record);
    const puts = [
      auditItem(change.audit),
      ...(change.timeline ?? []).map(timelineItem),
      ...(change.messages ?? []).map(messageItem),
      ...(change.notes ?? []).map(noteItem),
    ].map((item) => ({ ...item, ...expiry }));
    // A hold takes the TTL off every item before it is recorded, so that DynamoDB can never delete part of a held
    // case; a closure or a lifted hold puts it on once the change is recorded.
    if (change.expiryChanged && !(TTL_ATTRIBUTE in expiry)) await this.stampExpiry(change.record.caseId, null);
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName,
                Item: caseItem(change.record),
                // Optimistic lock on the audit head and on the whistleblower's message count (addMessage changes the
                // case item outside the chain): a write in between makes this one stale, never lost.
                ConditionExpression: `attribute_exists(PK) AND attribute_not_exists(${WITHDRAWN}) AND auditSeq = :expected AND (attribute_not_exists(whistleblowerMessages) OR whistleblowerMessages = :messages)`,
                ExpressionAttributeValues: { ':expected': change.expectedAuditSeq, ':messages': change.expectedWhistleblowerMessages },
              },
            },
            ...puts.map((Item) => ({ Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(PK)' } })),
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error, 0).failed) return 'stale';
      return guarded('case store', () => Promise.reject(error));
    }
    if (change.expiryChanged && TTL_ATTRIBUTE in expiry) await this.stampExpiry(change.record.caseId, expiry[TTL_ATTRIBUTE] ?? null);
    return 'committed';
  }

  /** Sets (or, for null, removes) the TTL on every item of the case but the case item, which its commit writes. */
  private async stampExpiry(caseId: string, expiry: number | null): Promise<void> {
    const keys = (await this.partitionKeys(caseId)).filter((key) => key.SK !== CASE_SK);
    for (let i = 0; i < keys.length; i += 25) {
      await Promise.all(
        keys.slice(i, i + 25).map((Key) =>
          guarded('case store', () =>
            this.client.send(
              new UpdateCommand({
                TableName: this.tableName,
                Key,
                UpdateExpression: expiry === null ? 'REMOVE #ttl' : 'SET #ttl = :ttl',
                // Never brings back an item a deletion has just erased.
                ConditionExpression: 'attribute_exists(PK)',
                ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
                ExpressionAttributeValues: expiry === null ? undefined : { ':ttl': expiry },
              }),
            ),
          ).catch((error: unknown) => {
            if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
          }),
        ),
      );
    }
  }

  /** The keys of every item in the case's partition. */
  private async partitionKeys(caseId: string, pk = casePk(caseId)): Promise<{ PK: string; SK: string }[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ProjectionExpression: 'PK, SK',
      ConsistentRead: true,
    });
    return items.map((item) => ({ PK: String(item.PK), SK: String(item.SK) }));
  }

  async dueForDeletion(before: string, limit: number): Promise<DeletionCandidate[]> {
    const items = await this.dueIndexPage(DELETE_PK, before, limit);
    return items.map((item) => ({ record: toRecord(item), withdrawn: WITHDRAWN in item }));
  }

  async deleteCase(step: CaseDeletionStep): Promise<'done' | 'kept'> {
    return step.step === 'withdraw' ? this.withdraw(step) : this.erase(step.caseId);
  }

  private async withdraw({ record, tally }: Extract<CaseDeletionStep, { step: 'withdraw' }>): Promise<'done' | 'kept'> {
    const TableName = this.tableName;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName,
                Key: { PK: casePk(record.caseId), SK: CASE_SK },
                UpdateExpression: `SET #withdrawn = :at REMOVE ${QUEUE_KEYS.join(', ')}`,
                ConditionExpression:
                  'attribute_exists(PK) AND attribute_not_exists(#withdrawn) AND auditSeq = :seq AND deleteAfter = :deleteAfter AND (attribute_not_exists(legalHold) OR attribute_type(legalHold, :nullType))',
                ExpressionAttributeNames: { '#withdrawn': WITHDRAWN },
                ExpressionAttributeValues: {
                  ':at': new Date().toISOString(),
                  ':seq': record.auditSeq,
                  ':deleteAfter': record.deleteAfter,
                  ':nullType': 'NULL',
                },
              },
            },
            {
              Update: {
                TableName,
                Key: { PK: DELETED_CASES_PK, SK: `${tally.organizationId}#${tally.category}#${tally.daysToClose}` },
                UpdateExpression: 'SET organizationId = :org, category = :category, daysToClose = :days ADD cases :one',
                ExpressionAttributeValues: {
                  ':org': tally.organizationId,
                  ':category': tally.category,
                  ':days': tally.daysToClose,
                  ':one': 1,
                },
              },
            },
          ],
        }),
      );
      return 'done';
    } catch (error) {
      if (isConditionFailure(error, 0).failed) return 'kept';
      return guarded('case store', () => Promise.reject(error));
    }
  }

  private async erase(caseId: string): Promise<'done'> {
    const keys = await this.partitionKeys(caseId);
    // The case's applications (docs/applications.md) go with it, before the case item.
    const applications = await this.partitionKeys(caseId, `${PARTITIONS.application}${caseId}`);
    const rest = [...applications, ...keys.filter((key) => key.SK !== CASE_SK)];
    for (let i = 0; i < rest.length; i += ERASE_CHUNK) await this.deleteItems(rest.slice(i, i + ERASE_CHUNK));
    // The case item last: until it goes, the deletion list names the case and the next sweep finishes the erasing.
    await this.deleteItems(keys.filter((key) => key.SK === CASE_SK));
    return 'done';
  }

  /**
   * Deletes as one transaction of Deletes, which IAM authorizes item by item as DeleteItem: the sweep holds no
   * BatchWriteItem (whose grant would also cover Puts). An item already gone is no failure.
   */
  private async deleteItems(keys: { PK: string; SK: string }[]): Promise<void> {
    if (keys.length === 0) return;
    await guarded('case store', () =>
      this.client.send(new TransactWriteCommand({ TransactItems: keys.map((Key) => ({ Delete: { TableName: this.tableName, Key } })) })),
    );
  }

  async queue(query: QueueQuery): Promise<QueuePage> {
    const index = query.scope === 'escalated' ? INDEXES.escalations : query.status && !query.overdueOnly ? INDEXES.byStatus : INDEXES.queue;
    const pk = query.scope === 'escalated' ? escalationPk(query.organizationId) : queuePk(query.organizationId);
    const values: Record<string, unknown> = { ':pk': pk };
    let condition = `${index.partitionKey} = :pk`;
    let filter: string | undefined;
    const names: Record<string, string> = {};
    if (index === INDEXES.byStatus) {
      condition += ` AND begins_with(${index.sortKey}, :prefix)`;
      values[':prefix'] = `${query.status}#`;
    } else if (query.overdueOnly) {
      condition += ` AND begins_with(${index.sortKey}, :prefix)`;
      values[':prefix'] = '0#';
    }
    // Within one organization's (or one oversight body's) own partition: never another organization's items.
    const filters: string[] = [];
    if (query.status && index !== INDEXES.byStatus) {
      filters.push('#status = :status');
      names['#status'] = 'status';
      values[':status'] = query.status;
    }
    filters.push(...queueFilterExpression(query.filter, names, values));
    if (filters.length > 0) filter = filters.map((f) => `(${f})`).join(' AND ');
    const page = await guarded('case store', () =>
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index.name,
          KeyConditionExpression: condition,
          FilterExpression: filter,
          ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
          ExpressionAttributeValues: values,
          Limit: query.limit,
          ExclusiveStartKey: query.startKey,
        }),
      ),
    );
    return { records: (page.Items ?? []).map(toRecord), nextKey: page.LastEvaluatedKey ?? null };
  }

  async organizationCases(organizationId: string): Promise<CaseRecord[]> {
    const items = await this.queryAll({
      IndexName: INDEXES.queue.name,
      KeyConditionExpression: `${INDEXES.queue.partitionKey} = :pk`,
      ExpressionAttributeValues: { ':pk': queuePk(organizationId) },
    });
    return items.map(toRecord);
  }

  async due(before: string, limit: number): Promise<CaseRecord[]> {
    return (await this.dueIndexPage(DUE_PK, before, limit)).map(toRecord);
  }

  /** One page of a list in the due index (the deadline list `DUE`, the deletion list `DELETE`), earliest first. */
  private async dueIndexPage(list: string, before: string, limit: number): Promise<Record<string, unknown>[]> {
    const page = await guarded('case store', () =>
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: INDEXES.due.name,
          KeyConditionExpression: `${INDEXES.due.partitionKey} = :pk AND ${INDEXES.due.sortKey} < :before`,
          ExpressionAttributeValues: { ':pk': list, ':before': before },
          Limit: limit,
        }),
      ),
    );
    return page.Items ?? [];
  }
}
