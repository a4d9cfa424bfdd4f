// gzip for answers of 1 KiB and more, as API Gateway (minCompressionSize) and CloudFront do when deployed, so
// local mode is as light on a slow connection as the real thing.
import type { IncomingMessage } from 'node:http';
import { gzipSync } from 'node:zlib';

export const MIN_COMPRESSION_BYTES = 1024;

export function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

/** The body to send and the headers that go with it: gzipped when the client takes it and it is worth it. */
export function maybeGzip(
  req: IncomingMessage,
  body: Buffer | string,
  type: string,
): { body: Buffer | string; headers: Record<string, string> } {
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  const textual = /^(text\/|application\/(json|javascript|manifest\+json)|image\/svg\+xml)/.test(type);
  if (!textual || size < MIN_COMPRESSION_BYTES || !acceptsGzip(req)) return { body, headers: { vary: 'accept-encoding' } };
  return { body: gzipSync(body), headers: { 'content-encoding': 'gzip', vary: 'accept-encoding' } };
}
