// The anchors of the audit heads over the case table: the heads read by scanning the queue index (GSI2, one entry per
// case), the anchors as items of their own partitions (tableDesign.ts), written with `attribute_not_exists` only.
// Nothing here updates or deletes an anchor.
import {
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  type QueryCommandOutput,
  ScanCommand,
  type ScanCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { AnchorChunk, AnchorRoot, AuditHead } from '#core/auditAnchor.js';
import type { AuditAnchorStore, AuditHeadSource } from '#core/ports.js';
import type { CaseDeletionReceipt, CaseDeletionReceipts } from '#core/caseDeletionReceipt.js';
import { anchorChunkItem, anchorRootItem } from '#schemas/auditAnchor.js';
import { guarded } from './dependencyFailure.js';
import { AUDIT_ANCHOR_ROOT_PK, AUDIT_DELETIONS_PK, INDEXES, auditAnchorPk, auditAnchorRootSk } from '#contract/tableDesign.js';

/**
 * DynamoDB refuses items over 400 KB. A head takes about 95 bytes, so a bucket reaches this near 4,000 cases, about
 * 4 million cases in all: the job then fails (and alarms) rather than writing a partial anchor.
 */
export const MAX_CHUNK_BYTES = 380 * 1024;

/** An item that is not an anchor (written by hand into the partition) reads as one that cannot verify. */
function toChunk(item: Record<string, unknown>, bucket: string): AnchorChunk {
  const parsed = anchorChunkItem.safeParse(item);
  return parsed.success ? parsed.data : { bucket, anchoredAt: String(item.SK), heads: [], mac: '' };
}

function toRoot(item: Record<string, unknown>): AnchorRoot {
  const parsed = anchorRootItem.safeParse(item);
  return parsed.success
    ? parsed.data
    : {
        seq: Number.parseInt(String(item.SK), 10) || 0,
        anchoredAt: typeof item.anchoredAt === 'string' ? item.anchoredAt : '',
        chunks: [],
        cases: 0,
        previousDigest: '',
        mac: '',
      };
}

const isConditionFailure = (error: unknown) => (error as { name?: string }).name === 'ConditionalCheckFailedException';

export class DynamoAuditAnchorStore implements AuditAnchorStore, AuditHeadSource, CaseDeletionReceipts {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** A paginated Scan of the queue index, projected to the head: one page (up to 1 MB read) per yield. */
  async *auditHeads(): AsyncIterable<AuditHead[]> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: ScanCommandOutput = await guarded('case store', () =>
        this.client.send(
          new ScanCommand({
            TableName: this.tableName,
            IndexName: INDEXES.queue.name,
            ProjectionExpression: 'caseId, auditSeq, auditHash',
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      yield (page.Items ?? []).flatMap(({ caseId, auditSeq, auditHash }) =>
        typeof caseId === 'string' && typeof auditSeq === 'number' && typeof auditHash === 'string' && auditHash
          ? [{ caseId, seq: auditSeq, hash: auditHash }]
          : [],
      );
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }

  async appendChunk(chunk: AnchorChunk): Promise<'appended' | 'exists'> {
    const bytes = Buffer.byteLength(JSON.stringify(chunk.heads));
    if (bytes > MAX_CHUNK_BYTES) {
      throw new Error(
        `the anchor chunk of bucket ${chunk.bucket} holds ${chunk.heads.length} heads (${bytes} bytes), over the ${MAX_CHUNK_BYTES} an item may hold`,
      );
    }
    const item = { PK: auditAnchorPk(chunk.bucket), SK: chunk.anchoredAt, kind: 'audit-anchor-chunk', ...chunk };
    return this.append(item, 'exists');
  }

  async latestChunk(bucket: string): Promise<AnchorChunk | null> {
    // Eventually consistent (half the cost): an anchor is a day old at most, a second more changes nothing.
    const { Items } = await guarded('case store', () =>
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': auditAnchorPk(bucket) },
          ScanIndexForward: false,
          Limit: 1,
        }),
      ),
    );
    const item = Items?.[0];
    return item ? toChunk(item, bucket) : null;
  }

  async latestRoot(): Promise<AnchorRoot | null> {
    // Consistent: a new root must follow the root really last written.
    const { Items } = await guarded('case store', () =>
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': AUDIT_ANCHOR_ROOT_PK },
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
        }),
      ),
    );
    const item = Items?.[0];
    return item ? toRoot(item) : null;
  }

  async appendRoot(root: AnchorRoot): Promise<'appended' | 'taken'> {
    const item = { PK: AUDIT_ANCHOR_ROOT_PK, SK: auditAnchorRootSk(root.seq), kind: 'audit-anchor-root', ...root };
    return this.append(item, 'taken');
  }

  async recordDeletion(receipt: CaseDeletionReceipt): Promise<void> {
    await guarded('case store', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { PK: AUDIT_DELETIONS_PK, SK: receipt.caseId, kind: 'case-deletion', ...receipt },
        }),
      ),
    );
  }

  async deletionOf(caseId: string): Promise<CaseDeletionReceipt | null> {
    const { Items } = await guarded('case store', () =>
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND SK = :sk',
          ExpressionAttributeValues: { ':pk': AUDIT_DELETIONS_PK, ':sk': caseId },
        }),
      ),
    );
    const item = Items?.[0];
    if (!item) return null;
    const { caseId: id, seq, hash, deletedOn, macKey, mac } = item;
    return { caseId: id, seq, hash, deletedOn, macKey, mac } as CaseDeletionReceipt;
  }

  async *roots(): AsyncIterable<AnchorRoot[]> {
    for await (const page of this.partition(AUDIT_ANCHOR_ROOT_PK)) yield page.map(toRoot);
  }

  async *chunks(bucket: string): AsyncIterable<AnchorChunk[]> {
    for await (const page of this.partition(auditAnchorPk(bucket))) yield page.map((item) => toChunk(item, bucket));
  }

  /** Never over an existing item: an anchor, once written, stays as it is. */
  private async append<T extends string>(item: Record<string, unknown>, existing: T): Promise<'appended' | T> {
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
      return 'appended';
    } catch (error) {
      if (isConditionFailure(error)) return existing;
      return guarded('case store', () => Promise.reject(error));
    }
  }

  /** Every item of one anchor partition, oldest first, a page at a time. */
  private async *partition(pk: string): AsyncIterable<Record<string, unknown>[]> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await guarded('case store', () =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      yield page.Items ?? [];
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
}
