// Serves the built web app (web/dist) the way CloudFront will: fixed file types, a strict Content-Security-Policy, no cookies.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { notFound } from '#core/errors.js';
import { responseForError } from '#runtime/middleware/errorResponse.js';
import { maybeGzip } from './compression.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Answers GET/HEAD for a file under `root`; returns the status sent. */
export async function serveStatic(
  root: string,
  pathname: string,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<number> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    relative = '/';
  }
  const file = normalize(join(root, relative));
  // Vite names every file under /assets/ by its content hash, so those never change; pages are kept in no browser
  // cache (a shared computer keeps no trace of them), as the edge serves them (lib/edge.ts).
  const cache = relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store';
  const send = (status: number, type: string, body: Buffer | string) => {
    const packed = maybeGzip(req, body, type);
    res.writeHead(status, { ...headers, 'content-type': type, 'cache-control': status === 200 ? cache : 'no-store', ...packed.headers });
    res.end(req.method === 'HEAD' ? undefined : packed.body);
    return status;
  };
  // A refusal in the contract's error shape, like every other refusal of the portal.
  const missing = () => {
    const answer = responseForError(notFound('There is no such page or file.'));
    return send(answer.statusCode, 'application/json; charset=utf-8', answer.body);
  };
  if (!file.startsWith(root + sep) || !Object.hasOwn(TYPES, extname(file))) return missing();
  if (!existsSync(join(root, 'index.html'))) {
    return send(503, 'text/plain; charset=utf-8', 'The web app is not built yet: run `npm run build:web` (npm start does it).\n');
  }
  try {
    if (!(await stat(file)).isFile()) return missing();
    return send(200, TYPES[extname(file)]!, await readFile(file));
  } catch {
    return missing();
  }
}
