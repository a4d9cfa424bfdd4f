// Starts s3rver, an S3-compatible server in this process, on loopback only. It checks no SigV4 signature and no POST
// policy, and answers anonymous requests: nothing but the portal's own S3 client may reach it. Browsers reach
// storage only through the storage gate (local/runtime/storageGate/), which checks what s3rver does not.
import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import type { EmbeddedServer } from './dynamodb.js';

export async function startS3(dataDir: string, bucket: string, port?: number): Promise<EmbeddedServer> {
  mkdirSync(dataDir, { recursive: true });
  // Port 0 when none is asked for: the OS picks one as s3rver listens, so no other process can take it in between
  // (picking a free port first and listening later raced with parallel tests: EADDRINUSE).
  const server = new S3rver({
    port: port ?? 0,
    address: '127.0.0.1',
    directory: dataDir,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const listening = (await server.run()) as { port: number };
  return {
    endpoint: `http://127.0.0.1:${listening.port}`,
    async stop() {
      await server.close();
    },
  };
}
