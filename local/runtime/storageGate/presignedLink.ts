// Checks a presigned GET (the agency's five-minute download link) as S3 would: the local credential, not expired,
// and a query signature that the SDK's own signer, given the same request, date and lifetime, computes again.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { forbidden, validationFailed } from '#core/errors.js';
import { ALGORITHM, SERVICE, type SigningCredentials, isLocalScope, parseAmzDate, parseCredential, sameSignature } from './sigV4.js';

/** What a link the portal issues carries (s3-request-presigner's GetObject), and nothing else. */
const LINK_PARAMETERS = new Set([
  'X-Amz-Algorithm',
  'X-Amz-Content-Sha256',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-Security-Token',
  'X-Amz-Signature',
  'X-Amz-SignedHeaders',
  'response-content-disposition',
  'response-content-type',
  'x-id',
]);
/** Parameters the signer writes itself; they are recomputed, not taken from the request. */
const SIGNER_PARAMETERS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-Security-Token',
  'X-Amz-Signature',
  'X-Amz-SignedHeaders',
];
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** S3's longest presigned link. */
const MAX_EXPIRES_SECONDS = 7 * 24 * 3600;
/** A link dated this far ahead of the clock is refused, as S3 refuses one "not yet valid". */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface SignedDownload {
  /** The signed `response-content-disposition` and `response-content-type`, if any. */
  disposition: string | undefined;
  contentType: string | undefined;
}

const refused = (why: string) => forbidden(`This download link is not valid: ${why}. Ask the portal for a new one.`);

/** SHA-256 and HMAC-SHA-256 over node:crypto, in the shape the SDK's signer takes. */
type SourceData = string | ArrayBuffer | ArrayBufferView;

class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret));
  }
  update(data: SourceData): void {
    this.hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

const toBuffer = (data: SourceData): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data)
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

export async function verifyPresignedGet(
  request: { host: string | undefined; rawPath: string; query: Map<string, string> },
  credentials: SigningCredentials,
  now: Date,
): Promise<SignedDownload> {
  const { query } = request;
  for (const name of query.keys()) {
    if (!LINK_PARAMETERS.has(name))
      throw validationFailed('This storage address is malformed.', [
        { path: 'url', message: `the query parameter ${name} is not served here` },
      ]);
  }
  if (!query.has('X-Amz-Signature')) throw forbidden('Evidence is downloaded only through a signed link from the agency console.');
  if (query.get('X-Amz-Algorithm') !== ALGORITHM) throw refused('not signed with AWS4-HMAC-SHA256');
  const scope = parseCredential(query.get('X-Amz-Credential'));
  if (!scope || !isLocalScope(scope, credentials)) throw refused('not signed by this portal');
  const signedAt = parseAmzDate(query.get('X-Amz-Date'));
  if (!signedAt || signedAt.toISOString().slice(0, 10).replaceAll('-', '') !== scope.date) throw refused('its date is malformed');
  const expires = Number(query.get('X-Amz-Expires'));
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_SECONDS) throw refused('its lifetime is malformed');
  if (now.getTime() >= signedAt.getTime() + expires * 1000) throw refused('it has expired');
  if (signedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw refused('it is not valid yet');
  if (query.get('X-Amz-SignedHeaders') !== 'host') throw refused('it signs other headers than the host');
  if (query.get('X-Amz-Content-Sha256') !== UNSIGNED_PAYLOAD) throw refused('it does not sign an unsigned payload');
  if (query.get('X-Amz-Security-Token') !== credentials.sessionToken) throw refused('not signed by this portal');
  if (!request.host) throw validationFailed('A download needs a Host header.');

  const signer = new SignatureV4({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    },
    region: credentials.region,
    service: SERVICE,
    sha256: Sha256,
    // As the S3 client signs: the path as sent, no double encoding.
    uriEscapePath: false,
    applyChecksum: false,
  });
  const unsigned = Object.fromEntries([...query].filter(([name]) => !SIGNER_PARAMETERS.includes(name) && name !== 'X-Amz-Content-Sha256'));
  const hostAt = request.host.lastIndexOf(':');
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname: hostAt === -1 ? request.host : request.host.slice(0, hostAt),
      ...(hostAt === -1 ? {} : { port: Number(request.host.slice(hostAt + 1)) }),
      path: request.rawPath,
      query: unsigned,
      // s3-request-presigner adds this header, and the signer moves it into the query.
      headers: { host: request.host, 'X-Amz-Content-Sha256': UNSIGNED_PAYLOAD },
    },
    { signingDate: signedAt, expiresIn: expires },
  );
  const expected = signed.query?.['X-Amz-Signature'];
  if (typeof expected !== 'string' || !sameSignature(expected, query.get('X-Amz-Signature'))) throw refused('its signature does not match');
  return { disposition: query.get('response-content-disposition'), contentType: query.get('response-content-type') };
}
