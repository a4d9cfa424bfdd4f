// Starts s3rver, an S3-compatible server in this process. It serves presigned POST but checks neither
// signatures nor POST policy conditions, so the handlers check size, type and ownership themselves.
import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import type { EmbeddedServer } from './dynamodb.js';
import { freePort } from './ports.js';

export async function startS3(dataDir: string, bucket: string, port?: number): Promise<EmbeddedServer> {
  mkdirSync(dataDir, { recursive: true });
  const chosenPort = port ?? (await freePort());
  const server = new S3rver({
    port: chosenPort,
    address: '127.0.0.1',
    directory: dataDir,
    silent: true,
    // Presigned links are signed for the browser's address (/s3 on the portal's port) and reach s3rver through
    // the local proxy under another host and path; the signature is still required to be well-formed.
    allowMismatchedSignatures: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${chosenPort}`,
    async stop() {
      await server.close();
    },
  };
}
