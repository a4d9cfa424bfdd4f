// Forwards /s3/* to the S3-compatible server, so the browser uploads to the same port as everything else.
// The embedded server checks no POST policy, so the upload size is capped here too.
import { request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_ATTACHMENT_BYTES } from '../functions/core/attachmentType.js';

/** Room for the form fields around the largest allowed file. */
const MAX_FORM_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

export function proxyToS3(s3Endpoint: string, req: IncomingMessage, res: ServerResponse, path: string): Promise<number> {
  return new Promise((resolve) => {
    const cors = { 'access-control-allow-origin': '*' };
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_FORM_BYTES) {
      res.writeHead(413, { ...cors, 'content-type': 'text/plain' }).end('Upload too large\n');
      req.resume();
      return resolve(413);
    }
    const target = new URL(path, s3Endpoint);
    const headers = { ...req.headers, host: target.host };
    const upstream = request(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...cors });
      answer.pipe(res);
      answer.on('end', () => resolve(answer.statusCode ?? 502));
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { ...cors, 'content-type': 'text/plain' });
      res.end('Storage unavailable\n');
      resolve(502);
    });
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_FORM_BYTES) {
        upstream.destroy();
        if (!res.headersSent) res.writeHead(413, { ...cors, 'content-type': 'text/plain' });
        res.end('Upload too large\n');
        resolve(413);
      }
    });
    req.pipe(upstream);
  });
}
