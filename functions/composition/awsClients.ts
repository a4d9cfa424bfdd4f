// Where the functions' AWS SDK clients are created (once per cold start, by the composition roots beside this
// file) and handed to the adapters. One function per client, so a handler that only reads the table (GET
// /stats/public) bundles no S3, KMS or Secrets Manager client. Local mode points them at the embedded servers.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export function createDocumentClient(region: string, endpoint: string | undefined): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ region, ...(endpoint ? { endpoint } : {}) }), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

export function createS3Client(region: string, endpoint: string | undefined): S3Client {
  return new S3Client({
    region,
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    // Only send checksums where S3 requires them: the embedded S3 server corrupts uploads otherwise.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
