// What the case store asks DynamoDB for: the whistleblower's view leaves the agency's notes and the audit events in
// the table (a filter DynamoDB applies), the agency's folder reads the whole partition.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '#adapters/dynamoCaseStore.js';

const dynamo = mockClient(DynamoDBDocumentClient);
afterEach(() => dynamo.reset());

const store = new DynamoCaseStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })), 'cases');
const CASE_ID = 'K7QR2M4X9TBN6WZ3PH8D';
const caseItem = { PK: `CASE#${CASE_ID}`, SK: 'CASE', kind: 'case', caseId: CASE_ID, status: 'received' };
const timelineItem = { PK: `CASE#${CASE_ID}`, SK: 'TIMELINE#1', kind: 'timeline', caseId: CASE_ID, id: 't1' };

describe('DynamoCaseStore reads of one case', () => {
  it('getCaseFile asks only for the case, timeline, message and attachment items of the case’s partition', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [caseItem, timelineItem] });
    const file = await store.getCaseFile(CASE_ID);
    const input = dynamo.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(input).toEqual({
      TableName: 'cases',
      KeyConditionExpression: 'PK = :pk',
      FilterExpression: '#kind IN (:k0, :k1, :k2, :k3)',
      ExpressionAttributeNames: { '#kind': 'kind' },
      ExpressionAttributeValues: { ':pk': `CASE#${CASE_ID}`, ':k0': 'case', ':k1': 'timeline', ':k2': 'message', ':k3': 'attachment' },
      ConsistentRead: true,
      ExclusiveStartKey: undefined,
    });
    expect(file).toMatchObject({ case: { caseId: CASE_ID }, timeline: [{ id: 't1' }], messages: [], attachments: [] });
    expect(file).not.toHaveProperty('notes');
    expect(file).not.toHaveProperty('audit');
  });

  it('getCaseFile answers null when the partition holds no case item', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    expect(await store.getCaseFile(CASE_ID)).toBeNull();
  });

  it('getCaseFolder (the agency’s view) reads the whole partition, notes and audit events included', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [caseItem] });
    await store.getCaseFolder(CASE_ID);
    const input = dynamo.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(input.FilterExpression).toBeUndefined();
    expect(input.KeyConditionExpression).toBe('PK = :pk');
  });
});
