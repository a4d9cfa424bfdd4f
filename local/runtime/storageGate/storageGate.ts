// Local mode's storage path (/s3/): the one way from the outside to the embedded storage server, which itself checks
// no signature. It lets through exactly two things: an upload (POST) under a policy the portal signed, stored under
// incoming/ through the S3 client; and a download (GET) of evidence or a case export under a link the portal signed,
// opened from its sealed form. Everything else is refused in the contract's error shape, and nothing it answers can run in a page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EXPORT_PREFIX } from '#contract/exportPath.js';
import { DomainError, forbidden, methodNotAllowed, notFound, validationFailed } from '#core/errors.js';
import type { EvidenceStore } from '#core/ports.js';
import { responseForError } from '#runtime/middleware/errorResponse.js';
import { verifyPostPolicy } from './postPolicy.js';
import { verifyPresignedGet } from './presignedLink.js';
import type { SigningCredentials } from './sigV4.js';
import { type StoragePath, parseStoragePath } from './storagePath.js';
import { readUploadForm } from './uploadForm.js';

export interface StorageGateOptions {
  bucket: string;
  credentials: SigningCredentials;
  /** Local mode's sealed evidence store over the storage server: uploads are written, evidence is opened. */
  evidence: Pick<EvidenceStore, 'read' | 'write'>;
  clock?: () => Date;
}

/** On every answer: never sniffed, never shown inline, nothing in it runs, never cached, no referrer sent on. */
export const GATE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-disposition': 'attachment',
  'content-security-policy': "default-src 'none'; sandbox",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
} as const;

/** Evidence, and case exports (docs/case-export.md): both only through a link the portal signed. */
const DOWNLOAD_PREFIXES = ['evidence/', EXPORT_PREFIX];
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

export type StorageGate = (req: IncomingMessage, res: ServerResponse) => Promise<number>;

export function createStorageGate(options: StorageGateOptions): StorageGate {
  const now = options.clock ?? (() => new Date());

  async function acceptUpload(req: IncomingMessage, res: ServerResponse, path: StoragePath): Promise<number> {
    if (path.key !== null || path.query.size > 0) throw validationFailed('Uploads are posted to the bucket itself, with no query.');
    const form = await readUploadForm(req);
    const upload = verifyPostPolicy(form, options.bucket, options.credentials, now());
    await options.evidence.write(upload.key, form.file, upload.contentType);
    // What S3 answers a presigned POST without success_action_status.
    res.writeHead(204, GATE_HEADERS).end();
    return 204;
  }

  async function serveDownload(req: IncomingMessage, res: ServerResponse, path: StoragePath, rawPath: string): Promise<number> {
    if (path.key === null) throw forbidden('The bucket is not listed.');
    if (!DOWNLOAD_PREFIXES.some((prefix) => path.key!.startsWith(prefix)))
      throw forbidden('Only evidence and case exports are downloaded here, through a signed link.');
    const signed = await verifyPresignedGet({ host: req.headers.host, rawPath, query: path.query }, options.credentials, now());
    let body: Uint8Array;
    try {
      body = await options.evidence.read(path.key);
    } catch (error) {
      throw isMissingObject(error) ? notFound('There is no such file.') : error;
    }
    res
      .writeHead(200, {
        ...GATE_HEADERS,
        'content-type': signed.contentType && MEDIA_TYPE.test(signed.contentType) ? signed.contentType : 'application/octet-stream',
        'content-disposition': asAttachment(signed.disposition),
        'content-length': body.length,
      })
      .end(body);
    return 200;
  }

  return async (req, res) => {
    try {
      const target = req.url ?? '';
      const path = parseStoragePath(target, options.bucket);
      if (req.method === 'POST') return await acceptUpload(req, res, path);
      if (req.method === 'GET') return await serveDownload(req, res, path, target.split('?')[0]!);
      throw methodNotAllowed('Storage takes signed uploads (POST) and signed downloads (GET) only.');
    } catch (error) {
      return refuse(req, res, error);
    }
  };
}

function refuse(req: IncomingMessage, res: ServerResponse, error: unknown): number {
  const answer = responseForError(error);
  if (res.headersSent) {
    res.destroy();
    return answer.statusCode;
  }
  // A refused upload is not read to its end (it may be hundreds of megabytes): the connection closes instead.
  const unread = !req.complete;
  res.writeHead(answer.statusCode, {
    ...(answer.headers as Record<string, string>),
    ...GATE_HEADERS,
    ...(answer.statusCode === 405 ? { allow: 'GET, POST' } : {}),
    ...(unread ? { connection: 'close' } : {}),
  });
  res.end(answer.body);
  if (unread) res.once('finish', () => req.destroy());
  return answer.statusCode;
}

/** The signed disposition with its type forced to attachment; plain `attachment` when it is missing or unsafe. */
function asAttachment(disposition: string | undefined): string {
  if (!disposition) return 'attachment';
  const at = disposition.indexOf(';');
  const parameters = at === -1 ? '' : disposition.slice(at);
  return /^[\x20-\x7e]*$/.test(parameters) ? `attachment${parameters}` : 'attachment';
}

function isMissingObject(error: unknown): boolean {
  const cause = (error instanceof DomainError ? (error as Error).cause : error) as
    | { name?: string; $metadata?: { httpStatusCode?: number } }
    | undefined;
  return cause?.name === 'NoSuchKey' || cause?.name === 'NotFound' || cause?.$metadata?.httpStatusCode === 404;
}
