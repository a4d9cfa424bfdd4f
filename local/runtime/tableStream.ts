// Local mode's event source mapping: reads the table's stream on DynamoDB Local and invokes the notifier with
// DynamoDBStreamEvent-shaped batches, as Lambda does when deployed (lib/notifications.ts): case items only (the same
// filter, SK = CASE), 25 records a batch, a failed record retried from itself a few times and then given up on.
import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { CASE_ITEM_SK, TABLE_KEYS } from '#contract/tableDesign.js';
import { lambdaContext } from './apiGatewayEvent.js';

const BATCH_SIZE = 25;
const RETRY_ATTEMPTS = 3;
/** How often the stream is read: a mail within a second or so of the change, as deployed. */
const POLL_EVERY_MS = 500;

export type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | undefined>;

export interface TableStream {
  /** Reads the stream to its end now and hands every record to the handler (tests await this instead of waiting). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

interface Shard {
  iterator: string | undefined;
  lastSequence: string | undefined;
}

/** The record as Lambda would hand it: the SDK's dates become epoch seconds, the rest is the same shape. */
function lambdaRecord(record: StreamRecord, streamArn: string, region: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...rest } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(rest as DynamoDBRecord['dynamodb']),
      ...(ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime.getTime() / 1000) } : {}),
    },
  };
}

/** The event source mapping's filter (lib/notifications.ts): a case item's change. */
const isCaseItem = (record: StreamRecord) => record.dynamodb?.Keys?.[TABLE_KEYS.sortKey]?.S === CASE_ITEM_SK;

export async function startTableStream(options: {
  endpoint: string;
  region: string;
  tableName: string;
  handler: StreamHandler;
  /** 0: no timer; the caller drains (tests). */
  everyMs?: number;
}): Promise<TableStream> {
  const { region } = options;
  const tables = new DynamoDBClient({ region, endpoint: options.endpoint });
  const streams = new DynamoDBStreamsClient({ region, endpoint: options.endpoint });
  const { Table } = await tables.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`the table ${options.tableName} has no stream`);
  const shards = new Map<string, Shard>();

  const iteratorOf = async (shardId: string, shard: Shard | undefined, fresh: 'LATEST' | 'TRIM_HORIZON') => {
    const answer = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(shard?.lastSequence
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: shard.lastSequence }
          : { ShardIteratorType: fresh }),
      }),
    );
    return answer.ShardIterator;
  };

  /** Shards open at start are read from now on (LATEST, as the deployed mapping starts); later ones from their start. */
  const discover = async (fresh: 'LATEST' | 'TRIM_HORIZON') => {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const { ShardId } of StreamDescription?.Shards ?? []) {
      if (!ShardId || shards.has(ShardId)) continue;
      shards.set(ShardId, { iterator: await iteratorOf(ShardId, undefined, fresh), lastSequence: undefined });
    }
  };

  const deliver = async (records: DynamoDBRecord[]) => {
    for (let i = 0; i < records.length && !stopping; i += BATCH_SIZE) {
      let batch = records.slice(i, i + BATCH_SIZE);
      for (let attempt = 0; batch.length > 0 && attempt <= RETRY_ATTEMPTS; attempt++) {
        const id = randomUUID();
        const answer = await options.handler({ Records: batch }, lambdaContext('notifyStaff', id)).catch(() => ({
          batchItemFailures: [{ itemIdentifier: batch[0]!.dynamodb!.SequenceNumber! }],
        }));
        const failed = answer?.batchItemFailures?.[0]?.itemIdentifier;
        if (!failed) break;
        batch = batch.slice(
          Math.max(
            0,
            batch.findIndex((r) => r.dynamodb?.SequenceNumber === failed),
          ),
        );
      }
    }
  };

  const readShard = async (shardId: string, shard: Shard) => {
    while (shard.iterator && !stopping) {
      let answer: GetRecordsCommandOutput;
      try {
        answer = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 100 }));
      } catch (error) {
        if ((error as { name?: string }).name !== 'ExpiredIteratorException') throw error;
        shard.iterator = await iteratorOf(shardId, shard, 'TRIM_HORIZON');
        continue;
      }
      const records = answer.Records ?? [];
      shard.iterator = answer.NextShardIterator;
      if (records.length === 0) return;
      shard.lastSequence = records.at(-1)?.dynamodb?.SequenceNumber ?? shard.lastSequence;
      await deliver(records.filter(isCaseItem).map((r) => lambdaRecord(r, streamArn, region)));
    }
    // A closed shard read to its end is forgotten; its children are found by the next discovery.
  };

  /**
   * Set by stop(): the batch in hand is finished, the backlog is not (a portal under load would otherwise keep mailing
   * long after Ctrl-C). What is left is not read at the next start either, which begins at the stream's newest record.
   */
  let stopping = false;
  await discover('LATEST');
  const pollOnce = async () => {
    await discover('TRIM_HORIZON');
    for (const [shardId, shard] of shards) await readShard(shardId, shard);
  };
  // One read at a time: the timer's and a drain's take turns.
  let turn: Promise<void> = Promise.resolve();
  const next = () => {
    turn = turn.then(pollOnce).catch(() => undefined);
    return turn;
  };
  let busy = false;
  const timer =
    (options.everyMs ?? POLL_EVERY_MS) > 0
      ? setInterval(() => {
          if (busy) return;
          busy = true;
          void next().finally(() => (busy = false));
        }, options.everyMs ?? POLL_EVERY_MS).unref()
      : undefined;
  return {
    drain: next,
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      await turn;
      tables.destroy();
      streams.destroy();
    },
  };
}
