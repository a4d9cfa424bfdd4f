// What someone with write access to the table, and without the pepper, can do to a case's audit trail: delete its
// newest events and roll the case item's head back to the last one left. Straight in DynamoDB (Local), through the
// running portal's table server.
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#composition/awsClients.js';
import { TABLE_NAME } from '#local/runtime/localStorage.js';
import { readRuntimeFile } from '#local/runtime/runtimeFile.js';

/** The table of the portal running on `dataDir`, reached as any SDK client would reach it. */
export function portalTable(dataDir: string) {
  const runtime = readRuntimeFile(dataDir);
  if (!runtime) throw new Error(`no portal is running on ${dataDir}`);
  return createDocumentClient('us-east-1', runtime.dynamoDbEndpoint);
}

/** Deletes the case's newest `count` audit events and points its head at the last event left; answers that one. */
export async function cutAuditChain(dataDir: string, caseId: string, count: number): Promise<{ seq: number; hash: string }> {
  const table = portalTable(dataDir);
  const pk = `CASE#${caseId}`;
  const { Items = [] } = await table.send(
    new QueryCommand({
      TableName: TABLE_NAME,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :audit)',
      ExpressionAttributeValues: { ':pk': pk, ':audit': 'AUDIT#' },
      ConsistentRead: true,
    }),
  );
  if (Items.length <= count) throw new Error(`case ${caseId} has ${Items.length} events: cannot cut ${count} and keep one`);
  for (const item of Items.slice(-count)) await table.send(new DeleteCommand({ TableName: TABLE_NAME, Key: { PK: pk, SK: item.SK } }));
  const last = Items.at(-count - 1)!;
  await table.send(
    new UpdateCommand({
      TableName: TABLE_NAME,
      Key: { PK: pk, SK: 'CASE' },
      UpdateExpression: 'SET auditSeq = :seq, auditHash = :hash',
      ExpressionAttributeValues: { ':seq': last.seq, ':hash': last.hash },
    }),
  );
  return { seq: last.seq as number, hash: last.hash as string };
}
