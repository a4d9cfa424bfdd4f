// The public statistics over the case table: case summaries read by scanning the queue index (GSI2, which holds
// exactly one entry per case, projected ALL), and the published snapshot as one item (PUBLIC_STATS_KEY).
//
// The snapshot is stored gzipped: a pack of 1,042 organizations with a handful of categories each would make a JSON
// document of a megabyte or more, over DynamoDB's 400 KB item limit; compressed it is a small fraction of that.
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandOutput,
  ScanCommand,
  type ScanCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { CaseSummarySource, DeletedCaseCount, DeletedCaseSource, PublicStatisticsSnapshots } from '#core/ports.js';
import type { CaseSummary } from '#core/publicStatistics.js';
import { type PublicStatistics, publicStatisticsResponse } from '#schemas/publicStats.js';
import { guarded } from './dependencyFailure.js';
import { DELETED_CASES_PK, INDEXES, PUBLIC_STATS_KEY } from '#contract/tableDesign.js';

/** Bumped when the snapshot's shape changes: an older snapshot then reads as none until the next run replaces it. */
export const SNAPSHOT_VERSION = 1;
/** DynamoDB refuses items over 400 KB; the rest of the item and some margin stay below that. */
export const MAX_SNAPSHOT_BYTES = 380 * 1024;

/** The attributes a summary is made of, and nothing else (no text, sealed or not, ever leaves the table here). */
const SUMMARY_FIELDS = ['organizationId', 'category', 'status', 'createdAt', 'closedAt'] as const;

function toSummary(item: Record<string, unknown>): CaseSummary[] {
  const { organizationId, category, status, createdAt, closedAt } = item;
  if (typeof organizationId !== 'string' || typeof category !== 'string' || typeof status !== 'string' || typeof createdAt !== 'string')
    return [];
  return [
    {
      organizationId,
      category,
      status: status as CaseSummary['status'],
      createdAt,
      closedAt: typeof closedAt === 'string' ? closedAt : null,
    },
  ];
}

export class DynamoStatisticsStore implements CaseSummarySource, DeletedCaseSource, PublicStatisticsSnapshots {
  /** The last snapshot read, so a warm function decompresses and checks each snapshot once. */
  private last: PublicStatistics | null = null;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** A paginated Scan of the queue index, projected to the summary fields: one page (up to 1 MB read) per yield. */
  async *caseSummaries(): AsyncIterable<CaseSummary[]> {
    const names = Object.fromEntries(SUMMARY_FIELDS.map((field, i) => [`#f${i}`, field]));
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: ScanCommandOutput = await guarded('case store', () =>
        this.client.send(
          new ScanCommand({
            TableName: this.tableName,
            IndexName: INDEXES.queue.name,
            ProjectionExpression: Object.keys(names).join(', '),
            ExpressionAttributeNames: names,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      yield (page.Items ?? []).flatMap(toSummary);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }

  /** The deleted-case aggregates: one partition, a page at a time. */
  async *deletedCaseTallies(): AsyncIterable<DeletedCaseCount[]> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await guarded('case store', () =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': DELETED_CASES_PK },
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      yield (page.Items ?? []).flatMap((item): DeletedCaseCount[] => {
        const { organizationId, category, daysToClose, cases } = item;
        return typeof organizationId === 'string' &&
          typeof category === 'string' &&
          typeof daysToClose === 'number' &&
          typeof cases === 'number'
          ? [{ organizationId, category, daysToClose, cases }]
          : [];
      });
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }

  async saveSnapshot(statistics: PublicStatistics & { asOf: string }): Promise<'saved' | 'superseded'> {
    // Checked before it is stored, with the schema the endpoint answers with: a suppressed row carrying a count
    // fails here, in the scheduled job (which alarms), never in front of the public.
    const checked = publicStatisticsResponse.parse(statistics);
    const body = gzipSync(JSON.stringify(checked));
    if (body.length > MAX_SNAPSHOT_BYTES) {
      throw new Error(`the statistics snapshot is ${body.length} bytes compressed, over the ${MAX_SNAPSHOT_BYTES} an item may hold`);
    }
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...PUBLIC_STATS_KEY, kind: 'statistics', version: SNAPSHOT_VERSION, asOf: statistics.asOf, body },
          // Never back in time: an overlapping run that started earlier but finished later loses.
          ConditionExpression: 'attribute_not_exists(PK) OR asOf <= :asOf',
          ExpressionAttributeValues: { ':asOf': statistics.asOf },
        }),
      );
      return 'saved';
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return 'superseded';
      return guarded('case store', () => Promise.reject(error));
    }
  }

  async loadSnapshot(): Promise<PublicStatistics | null> {
    // Eventually consistent (half the read cost): a snapshot a second old is as good as a fresh one.
    const { Item } = await guarded('statistics store', () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: { ...PUBLIC_STATS_KEY } })),
    );
    if (!Item || Item.version !== SNAPSHOT_VERSION || typeof Item.asOf !== 'string' || !(Item.body instanceof Uint8Array)) return null;
    if (this.last?.asOf === Item.asOf) return this.last;
    const body = Item.body;
    this.last = await guarded('statistics store', async () =>
      publicStatisticsResponse.parse(JSON.parse(gunzipSync(body).toString('utf8'))),
    );
    return this.last;
  }
}
