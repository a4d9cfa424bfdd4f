// The anchor store's calls: appends never overwrite, a case view's lookup is one newest-first Query of one bucket,
// and an item written by hand into an anchor partition reads as an anchor that cannot verify.
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoAuditAnchorStore, MAX_CHUNK_BYTES } from '#adapters/dynamoAuditAnchorStore.js';
import { anchorChunks, anchorRoot, chunkVerifies } from '#core/auditAnchor.js';
import { TEST_AUDIT_KEY, TEST_AUDIT_KEYS } from '../support/memoryPorts.js';

const dynamo = mockClient(DynamoDBDocumentClient);
afterEach(() => dynamo.reset());

const store = new DynamoAuditAnchorStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })), 'cases');
const AT = '2026-12-01T03:00:00.000Z';
const [CHUNK] = await anchorChunks(TEST_AUDIT_KEY, AT, [{ caseId: 'K7QR2M4X9TBN6WZ3PH8D', seq: 4, hash: 'a'.repeat(64) }]);
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('DynamoAuditAnchorStore', () => {
  it('appends a chunk in its bucket’s partition, keyed by time, only where nothing is', async () => {
    dynamo.on(PutCommand).resolves({});
    expect(await store.appendChunk(CHUNK!)).toBe('appended');
    expect(dynamo.commandCalls(PutCommand)[0]!.args[0].input).toEqual({
      TableName: 'cases',
      Item: { PK: 'AUDIT-ANCHOR#K7', SK: AT, kind: 'audit-anchor-chunk', ...CHUNK },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
    dynamo.on(PutCommand).rejects(conditionFailed());
    expect(await store.appendChunk(CHUNK!)).toBe('exists');
  });

  it('appends a root under its zero-padded sequence number, only where nothing is', async () => {
    const root = await anchorRoot(TEST_AUDIT_KEY, AT, [CHUNK!], null);
    dynamo.on(PutCommand).rejects(conditionFailed());
    expect(await store.appendRoot(root)).toBe('taken');
    expect(dynamo.commandCalls(PutCommand)[0]!.args[0].input).toMatchObject({
      Item: { PK: 'AUDIT-ANCHOR#ROOT', SK: '0000000000', kind: 'audit-anchor-root', seq: 0 },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  });

  it('refuses a chunk too large for one item instead of writing part of it', async () => {
    const heads = Array.from({ length: Math.ceil(MAX_CHUNK_BYTES / 90) }, (_, i) => ({
      caseId: `K7${String(i).padStart(18, '0')}`,
      seq: i,
      hash: 'b'.repeat(64),
    }));
    await expect(store.appendChunk((await anchorChunks(TEST_AUDIT_KEY, AT, heads))[0]!)).rejects.toThrow(/over the/);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('looks a bucket’s newest chunk up with one Query, newest first, one item', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [{ PK: 'AUDIT-ANCHOR#K7', SK: AT, kind: 'audit-anchor-chunk', ...CHUNK }] });
    const found = await store.latestChunk('K7');
    expect(found).toEqual(CHUNK);
    expect(await chunkVerifies(TEST_AUDIT_KEYS, found!)).toBe(true);
    expect(dynamo.calls()).toHaveLength(1);
    expect(dynamo.commandCalls(QueryCommand)[0]!.args[0].input).toEqual({
      TableName: 'cases',
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': 'AUDIT-ANCHOR#K7' },
      ScanIndexForward: false,
      Limit: 1,
    });
    dynamo.on(QueryCommand).resolves({ Items: [] });
    expect(await store.latestChunk('K7')).toBeNull();
  });

  it('reads an item that is not a chunk as one that cannot verify', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [{ PK: 'AUDIT-ANCHOR#K7', SK: '2026-12-02T00:00:00.000Z', heads: 'nothing here' }] });
    const found = await store.latestChunk('K7');
    expect(found).toEqual({ bucket: 'K7', anchoredAt: '2026-12-02T00:00:00.000Z', heads: [], mac: '' });
    expect(await chunkVerifies(TEST_AUDIT_KEYS, found!)).toBe(false);
  });

  it('reads the newest root consistently', async () => {
    const root = await anchorRoot(TEST_AUDIT_KEY, AT, [CHUNK!], null);
    dynamo.on(QueryCommand).resolves({ Items: [{ PK: 'AUDIT-ANCHOR#ROOT', SK: '0000000000', ...root }] });
    expect(await store.latestRoot()).toEqual(root);
    expect(dynamo.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      ExpressionAttributeValues: { ':pk': 'AUDIT-ANCHOR#ROOT' },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    });
  });

  it('reads the heads from the queue index, projected to the head, following pages', async () => {
    dynamo
      .on(ScanCommand)
      .resolvesOnce({ Items: [{ caseId: 'K7QR2M4X9TBN6WZ3PH8D', auditSeq: 4, auditHash: 'a'.repeat(64) }], LastEvaluatedKey: { PK: 'x' } })
      .resolvesOnce({ Items: [{ caseId: '00AAAAAAAAAAAAAAAAAA', auditSeq: 0, auditHash: 'c'.repeat(64) }, { caseId: 'broken' }] });
    const pages = [];
    for await (const page of store.auditHeads()) pages.push(page);
    expect(pages).toEqual([
      [{ caseId: 'K7QR2M4X9TBN6WZ3PH8D', seq: 4, hash: 'a'.repeat(64) }],
      [{ caseId: '00AAAAAAAAAAAAAAAAAA', seq: 0, hash: 'c'.repeat(64) }],
    ]);
    const scans = dynamo.commandCalls(ScanCommand).map((c) => c.args[0].input);
    expect(scans[0]).toEqual({
      TableName: 'cases',
      IndexName: 'GSI2',
      ProjectionExpression: 'caseId, auditSeq, auditHash',
      ExclusiveStartKey: undefined,
    });
    expect(scans[1]!.ExclusiveStartKey).toEqual({ PK: 'x' });
  });

  it('turns any other failure into a typed 503', async () => {
    dynamo.on(QueryCommand).rejects(new Error('ProvisionedThroughputExceededException'));
    await expect(store.latestChunk('K7')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
