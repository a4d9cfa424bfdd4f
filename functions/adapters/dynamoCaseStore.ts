// CaseStore over one DynamoDB table. Every item of a case shares the partition `CASE#<caseId>`, so a case is read
// with one Query; the case item carries the queue index keys (GSI1: organization, then status and age).
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type {
  AttachmentRecord,
  CaseFile,
  CaseRecord,
  CaseStore,
  MessageRecord,
  NewCaseWrite,
  TimelineRecord,
} from '../core/ports.js';
import { guarded } from './dependencyFailure.js';

export const CASE_SK = 'CASE';
export const casePk = (caseId: string) => `CASE#${caseId}`;
export const queuePk = (organizationId: string) => `ORG#${organizationId}`;
export const queueSk = (record: Pick<CaseRecord, 'status' | 'createdAt' | 'caseId'>) =>
  `${record.status}#${record.createdAt}#${record.caseId}`;

const caseItem = (record: CaseRecord) => ({
  PK: casePk(record.caseId),
  SK: CASE_SK,
  kind: 'case',
  GSI1PK: queuePk(record.organizationId),
  GSI1SK: queueSk(record),
  ...record,
});
const timelineItem = (t: TimelineRecord) => ({ PK: casePk(t.caseId), SK: `TIMELINE#${t.at}#${t.id}`, kind: 'timeline', ...t });
const messageItem = (m: MessageRecord) => ({ PK: casePk(m.caseId), SK: `MESSAGE#${m.at}#${m.id}`, kind: 'message', ...m });
const attachmentItem = (a: AttachmentRecord) => ({ PK: casePk(a.caseId), SK: `ATTACHMENT#${a.at}#${a.id}`, kind: 'attachment', ...a });

function strip<T>(item: Record<string, unknown>): T {
  const { PK: _pk, SK: _sk, kind: _kind, GSI1PK: _g1, GSI1SK: _g2, ...rest } = item;
  return rest as T;
}

function isConditionFailure(error: unknown, index: number): { failed: boolean; item?: Record<string, unknown> } {
  const reasons = (error as { name?: string; CancellationReasons?: { Code?: string; Item?: Record<string, unknown> }[] })
    .CancellationReasons;
  if ((error as { name?: string }).name !== 'TransactionCanceledException' || !reasons) return { failed: false };
  const reason = reasons[index];
  return { failed: reason?.Code === 'ConditionalCheckFailed', item: reason?.Item };
}

export class DynamoCaseStore implements CaseStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createCase(write: NewCaseWrite): Promise<'created' | 'exists'> {
    const TableName = this.tableName;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: caseItem(write.record), ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName, Item: timelineItem(write.timeline) } },
            ...write.attachments.map((a) => ({ Put: { TableName, Item: attachmentItem(a) } })),
          ],
        }),
      );
      return 'created';
    } catch (error) {
      if (isConditionFailure(error, 0).failed) return 'exists';
      return guarded('case store', () => Promise.reject(error));
    }
  }

  async getCase(caseId: string): Promise<CaseRecord | null> {
    const { Item } = await guarded('case store', () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: { PK: casePk(caseId), SK: CASE_SK }, ConsistentRead: true })),
    );
    return Item ? strip<CaseRecord>(Item) : null;
  }

  async getCaseFile(caseId: string): Promise<CaseFile | null> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await guarded('case store', () =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': casePk(caseId) },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    const record = items.find((i) => i.kind === 'case');
    if (!record) return null;
    const of = <T>(kind: string) => items.filter((i) => i.kind === kind).map((i) => strip<T>(i));
    return {
      case: strip<CaseRecord>(record),
      timeline: of<TimelineRecord>('timeline'),
      messages: of<MessageRecord>('message'),
      attachments: of<AttachmentRecord>('attachment'),
    };
  }

  async addMessage(message: MessageRecord, attachments: AttachmentRecord[]): Promise<'added' | 'missing' | 'closed'> {
    const TableName = this.tableName;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName,
                Key: { PK: casePk(message.caseId), SK: CASE_SK },
                UpdateExpression: 'SET updatedAt = :at',
                ConditionExpression: 'attribute_exists(PK) AND #status <> :closed',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':at': message.at, ':closed': 'closed' },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            { Put: { TableName, Item: messageItem(message) } },
            ...attachments.map((a) => ({ Put: { TableName, Item: attachmentItem(a) } })),
          ],
        }),
      );
      return 'added';
    } catch (error) {
      const failure = isConditionFailure(error, 0);
      if (failure.failed) return failure.item ? 'closed' : 'missing';
      return guarded('case store', () => Promise.reject(error));
    }
  }
}
