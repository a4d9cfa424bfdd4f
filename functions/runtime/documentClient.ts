// The one way handlers build their DynamoDB client, kept apart from the citizen composition root so a handler that
// only reads the table (GET /stats/public) bundles no S3, KMS or Secrets Manager client.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export function createDocumentClient(region: string, endpoint: string | undefined): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ region, ...(endpoint ? { endpoint } : {}) }), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
