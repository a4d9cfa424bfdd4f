// Every item a DynamoDB query matches, following its pages: one round trip unless the result passes 1 MB. Shared by
// the stores that read a whole partition (a case's, its applications').
import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { guarded } from './dependencyFailure.js';

export async function queryAllPages(
  client: DynamoDBDocumentClient,
  tableName: string,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  what: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await guarded(what, () =>
      client.send(new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey: startKey })),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
