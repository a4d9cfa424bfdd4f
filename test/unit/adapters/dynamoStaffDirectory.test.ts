// The staff directory's calls: one partition per organization, a member per item, the digest choice as one
// conditional update that never creates a member.
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoStaffDirectory } from '#adapters/dynamoStaffDirectory.js';
import type { StaffMember } from '#core/staff/ports.js';

const dynamo = mockClient(DynamoDBDocumentClient);
afterEach(() => dynamo.reset());

const directory = new DynamoStaffDirectory(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })), 'cases');
const HANDLER: StaffMember = { username: 'mina', organizationId: 'kr-molit', role: 'handler', email: 'mina@molit.example', digest: false };

describe('DynamoStaffDirectory', () => {
  it('registers a member under its organization’s partition', async () => {
    dynamo.on(PutCommand).resolves({});
    await directory.register(HANDLER);
    expect(dynamo.commandCalls(PutCommand)[0]!.args[0].input).toEqual({
      TableName: 'cases',
      Item: { PK: 'STAFF#kr-molit', SK: 'USER#mina', kind: 'staff', ...HANDLER },
    });
  });

  it('lists an organization’s members with one Query of its partition, in username order, skipping malformed items', async () => {
    dynamo.on(QueryCommand).resolves({
      Items: [
        { PK: 'STAFF#kr-molit', SK: 'USER#sora', username: 'sora', organizationId: 'kr-molit', role: 'supervisor', digest: true },
        { PK: 'STAFF#kr-molit', SK: 'USER#mina', ...HANDLER },
        { PK: 'STAFF#kr-molit', SK: 'USER#x', username: 'x', organizationId: 'kr-molit', role: 'admin' },
      ],
    });
    expect(await directory.members('kr-molit')).toEqual([
      HANDLER,
      { username: 'sora', organizationId: 'kr-molit', role: 'supervisor', email: null, digest: true },
    ]);
    const calls = dynamo.commandCalls(QueryCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input.ExpressionAttributeValues).toEqual({ ':pk': 'STAFF#kr-molit', ':user': 'USER#' });
  });

  it('reads one member by organization and username, null when absent', async () => {
    dynamo
      .on(GetCommand)
      .resolvesOnce({ Item: { PK: 'STAFF#kr-molit', SK: 'USER#mina', ...HANDLER } })
      .resolvesOnce({});
    expect(await directory.member('kr-molit', 'mina')).toEqual(HANDLER);
    expect(await directory.member('kr-molit', 'nobody')).toBeNull();
    expect(dynamo.commandCalls(GetCommand)[0]!.args[0].input.Key).toEqual({ PK: 'STAFF#kr-molit', SK: 'USER#mina' });
  });

  it('sets the digest choice only on an existing member', async () => {
    dynamo
      .on(UpdateCommand)
      .resolvesOnce({})
      .rejectsOnce(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    expect(await directory.setDigest('kr-molit', 'mina', true)).toBe(true);
    expect(await directory.setDigest('kr-molit', 'ghost', true)).toBe(false);
    expect(dynamo.commandCalls(UpdateCommand)[0]!.args[0].input).toMatchObject({
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':digest': true },
    });
  });

  it('answers 503-shaped unavailability when the table fails, never the raw error', async () => {
    dynamo.on(QueryCommand).rejects(new Error('socket hang up'));
    await expect(directory.members('kr-molit')).rejects.toMatchObject({ status: 503 });
  });
});
