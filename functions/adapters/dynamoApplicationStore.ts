// ApplicationStore over the portal's table: every item of a case's applications shares the partition
// `APPLICATION#<caseId>`, which only the applicant's and the deciding body's functions are granted; the record carries
// the deciding body's queue keys on GSI4 (`APPS#<org>`, open before decided, oldest first): not on GSI2, which the
// audit anchor job and the statistics publisher scan as one entry per case.
import { type DynamoDBDocumentClient, type QueryCommandInput, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationKind } from '#contract/applicationLife.js';
import { isDecided } from '#contract/applicationLife.js';
import { INDEXES, PARTITIONS } from '#contract/tableDesign.js';
import type { AuditEventRecord } from '#core/auditChain.js';
import type {
  ApplicationCommit,
  ApplicationFile,
  ApplicationMessageRecord,
  ApplicationRecord,
  ApplicationStore,
} from '#core/applications/ports.js';
import { guarded } from './dependencyFailure.js';
import { queryAllPages } from './queryAllPages.js';

export const applicationPk = (caseId: string) => `${PARTITIONS.application}${caseId}`;
const recordSk = (kind: ApplicationKind) => `APPLICATION#${kind}`;
/** The item's type: `kind` is the application's own field here, so the type has another name. */
const ITEM = 'item';

const recordItem = (r: ApplicationRecord) => ({
  ...r,
  PK: applicationPk(r.caseId),
  SK: recordSk(r.kind),
  [ITEM]: 'application',
  [INDEXES.due.partitionKey]: `${PARTITIONS.applicationQueue}${r.decidedBy}`,
  [INDEXES.due.sortKey]: `${isDecided(r.status) ? '2' : '1'}#${r.filedAt}#${r.applicationId}`,
});
const messageItem = (m: ApplicationMessageRecord) => ({
  ...m,
  PK: applicationPk(m.caseId),
  SK: `MESSAGE#${m.kind}#${m.at}#${m.id}`,
  [ITEM]: 'message',
});
const auditItem = (caseId: string, kind: ApplicationKind, e: AuditEventRecord) => ({
  ...e,
  PK: applicationPk(caseId),
  SK: `AUDIT#${kind}#${String(e.seq).padStart(8, '0')}`,
  [ITEM]: 'audit',
  applicationKind: kind,
});

const STORAGE_ATTRIBUTES = new Set(['PK', 'SK', ITEM, 'applicationKind', INDEXES.due.partitionKey, INDEXES.due.sortKey]);
function strip<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE_ATTRIBUTES.has(k))) as T;
}

const conditionFailedAt = (error: unknown, index: number): boolean => {
  const e = error as { name?: string; CancellationReasons?: { Code?: string }[] };
  return e.name === 'TransactionCanceledException' && e.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
};

export class DynamoApplicationStore implements ApplicationStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createApplication(record: ApplicationRecord, audit: AuditEventRecord): Promise<'created' | 'exists'> {
    const TableName = this.tableName;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: recordItem(record), ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName, Item: auditItem(record.caseId, record.kind, audit) } },
          ],
        }),
      );
      return 'created';
    } catch (error) {
      if (conditionFailedAt(error, 0)) return 'exists';
      return guarded('application store', () => Promise.reject(error));
    }
  }

  async applicationsOfCase(caseId: string): Promise<{ record: ApplicationRecord; messages: ApplicationMessageRecord[] }[]> {
    // The audit events stay inside DynamoDB: the reporter's function never receives them.
    const items = await this.queryAll({
      KeyConditionExpression: 'PK = :pk',
      FilterExpression: '#item IN (:application, :message)',
      ExpressionAttributeNames: { '#item': ITEM },
      ExpressionAttributeValues: { ':pk': applicationPk(caseId), ':application': 'application', ':message': 'message' },
      ConsistentRead: true,
    });
    const records = items.filter((i) => i[ITEM] === 'application').map((i) => strip<ApplicationRecord>(i));
    const messages = items.filter((i) => i[ITEM] === 'message').map((i) => strip<ApplicationMessageRecord>(i));
    return records
      .sort((a, b) => a.filedAt.localeCompare(b.filedAt) || a.kind.localeCompare(b.kind))
      .map((record) => ({ record, messages: messages.filter((m) => m.kind === record.kind) }));
  }

  async getApplicationFile(caseId: string, kind: ApplicationKind): Promise<ApplicationFile | null> {
    const items = await this.queryAll({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': applicationPk(caseId) },
      ConsistentRead: true,
    });
    const record = items.find((i) => i[ITEM] === 'application' && i.kind === kind);
    if (!record) return null;
    return {
      record: strip<ApplicationRecord>(record),
      messages: items.filter((i) => i[ITEM] === 'message' && i.kind === kind).map((i) => strip<ApplicationMessageRecord>(i)),
      audit: items.filter((i) => i[ITEM] === 'audit' && i.applicationKind === kind).map((i) => strip<AuditEventRecord>(i)),
    };
  }

  async commitApplication(change: ApplicationCommit): Promise<'committed' | 'stale'> {
    const TableName = this.tableName;
    const { record } = change;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName,
                Item: recordItem(record),
                ConditionExpression: 'auditSeq = :seq AND applicantMessages = :messages',
                ExpressionAttributeValues: { ':seq': change.expectedAuditSeq, ':messages': change.expectedApplicantMessages },
              },
            },
            {
              Put: {
                TableName,
                Item: auditItem(record.caseId, record.kind, change.audit),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            ...(change.message ? [{ Put: { TableName, Item: messageItem(change.message) } }] : []),
          ],
        }),
      );
      return 'committed';
    } catch (error) {
      if (conditionFailedAt(error, 0) || conditionFailedAt(error, 1)) return 'stale';
      return guarded('application store', () => Promise.reject(error));
    }
  }

  async addApplicantMessage(message: ApplicationMessageRecord): Promise<'added' | 'missing' | { changedAt: string }> {
    const TableName = this.tableName;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName,
                Key: { PK: applicationPk(message.caseId), SK: recordSk(message.kind) },
                UpdateExpression: 'SET applicantMessages = applicantMessages + :one',
                ConditionExpression: 'attribute_exists(PK) AND updatedAt < :at',
                ExpressionAttributeValues: { ':one': 1, ':at': message.at },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            { Put: { TableName, Item: messageItem(message) } },
          ],
        }),
      );
      return 'added';
    } catch (error) {
      if (conditionFailedAt(error, 0)) {
        const old = (error as { CancellationReasons?: { Item?: Record<string, { S?: string }> }[] }).CancellationReasons?.[0]?.Item;
        return old?.updatedAt?.S ? { changedAt: old.updatedAt.S } : 'missing';
      }
      return guarded('application store', () => Promise.reject(error));
    }
  }

  async applicationQueue(decidedBy: string): Promise<ApplicationRecord[]> {
    const items = await this.queryAll({
      IndexName: INDEXES.due.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': INDEXES.due.partitionKey },
      ExpressionAttributeValues: { ':pk': `${PARTITIONS.applicationQueue}${decidedBy}` },
    });
    return items.map((i) => strip<ApplicationRecord>(i));
  }

  private queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
    return queryAllPages(this.client, this.tableName, input, 'application store');
  }
}
