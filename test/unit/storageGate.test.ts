// The storage gate's checks, against what the SDK itself issues: presigned POSTs (uploads) and presigned GETs
// (downloads) signed with the local credential pass; anything expired, altered, signed otherwise or shaped
// otherwise is refused with a typed error.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { type UploadForm, verifyPostPolicy } from '#local/runtime/storageGate/postPolicy.js';
import { verifyPresignedGet } from '#local/runtime/storageGate/presignedLink.js';
import type { SigningCredentials } from '#local/runtime/storageGate/sigV4.js';
import { parseStoragePath } from '#local/runtime/storageGate/storagePath.js';

const BUCKET = 'attachments';
const LOCAL: SigningCredentials = { accessKeyId: 'LOCALKEY', secretAccessKey: 'local-secret', region: 'us-east-1' };
const HOST = 'localhost:4321';

/** Configured as the portal's presigner is (createS3Client), with a credential of the test's own. */
const clientFor = (credentials: Omit<SigningCredentials, 'region'>, region = LOCAL.region) =>
  new S3Client({
    region,
    endpoint: `http://${HOST}/s3`,
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

async function issuedUpload(
  options: {
    key?: string;
    size?: number;
    type?: string;
    expires?: number;
    conditions?: unknown[];
    fields?: Record<string, string>;
    signer?: S3Client;
  } = {},
) {
  const type = options.type ?? 'image/png';
  const post = await createPresignedPost(options.signer ?? clientFor(LOCAL), {
    Bucket: BUCKET,
    Key: options.key ?? 'incoming/ABCDEFGHJKMNPQRS',
    Conditions: (options.conditions ?? [
      ['content-length-range', options.size ?? 10, options.size ?? 10],
      ['eq', '$Content-Type', type],
    ]) as never,
    Fields: options.fields ?? { 'Content-Type': type },
    Expires: options.expires ?? 600,
  });
  return post;
}

/** The form as the browser sends it: the issued fields (names as issued), and a file of `fileSize` bytes. */
function formOf(fields: Record<string, string>, fileSize = 10): UploadForm {
  return { fields: new Map(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v])), fileSize };
}

const inTenMinutes = () => new Date(Date.now() + 11 * 60_000);

describe('verifyPostPolicy', () => {
  it('accepts the upload the portal issued, and returns its key and type', async () => {
    const post = await issuedUpload();
    expect(verifyPostPolicy(formOf(post.fields), BUCKET, LOCAL, new Date())).toEqual({
      key: 'incoming/ABCDEFGHJKMNPQRS',
      contentType: 'image/png',
    });
  });

  it('refuses an expired policy', async () => {
    const post = await issuedUpload();
    expect(() => verifyPostPolicy(formOf(post.fields), BUCKET, LOCAL, inTenMinutes())).toThrow(
      expect.objectContaining({ status: 403, message: expect.stringMatching(/expired/) }),
    );
  });

  it('refuses a file of another size, another type, another key, a field outside the policy', async () => {
    const post = await issuedUpload();
    const refusals = [
      formOf(post.fields, 11),
      formOf(post.fields, 0),
      formOf({ ...post.fields, 'Content-Type': 'text/html' }),
      formOf({ ...post.fields, key: 'incoming/SOMEONEELSESFILE' }),
      formOf({ ...post.fields, bucket: 'another-bucket' }),
      formOf({ ...post.fields, success_action_redirect: 'https://example.org/' }),
    ];
    for (const form of refusals)
      expect(() => verifyPostPolicy(form, BUCKET, LOCAL, new Date())).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('refuses an altered policy or signature, another credential, another region, another algorithm', async () => {
    const post = await issuedUpload();
    const policy = JSON.parse(Buffer.from(post.fields.Policy!, 'base64').toString());
    policy.conditions[0] = ['content-length-range', 0, 1e9];
    const altered = Buffer.from(JSON.stringify(policy)).toString('base64');
    const stranger = await issuedUpload({ signer: clientFor({ accessKeyId: LOCAL.accessKeyId, secretAccessKey: 'guessed' }) });
    const elsewhere = await issuedUpload({ signer: clientFor(LOCAL, 'eu-west-1') });
    const refusals = [
      { ...post.fields, Policy: altered },
      { ...post.fields, 'X-Amz-Signature': '0'.repeat(64) },
      stranger.fields,
      elsewhere.fields,
      { ...post.fields, 'X-Amz-Algorithm': 'AWS4-HMAC-SHA1' },
    ];
    for (const fields of refusals)
      expect(() => verifyPostPolicy(formOf(fields), BUCKET, LOCAL, new Date())).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('refuses a signed policy of a shape the portal never issues: a key outside incoming/, no size, no type, a prefix key', async () => {
    const policies = [
      await issuedUpload({ key: 'evidence/CASE/FILE' }),
      await issuedUpload({ key: 'incoming/../evidence/CASE/FILE' }),
      await issuedUpload({ conditions: [['eq', '$Content-Type', 'image/png']] }),
      await issuedUpload({ conditions: [['content-length-range', 10, 10]], fields: {} }),
      await issuedUpload({ key: 'incoming/${filename}' }),
    ];
    for (const post of policies) {
      const fields = post.fields.key!.includes('${filename}') ? { ...post.fields, key: 'incoming/page.html' } : post.fields;
      expect(() => verifyPostPolicy(formOf(fields), BUCKET, LOCAL, new Date())).toThrow(expect.objectContaining({ status: 403 }));
    }
  });

  it('asks for the signing fields', async () => {
    const post = await issuedUpload();
    const { Policy: _policy, ...withoutPolicy } = post.fields;
    expect(() => verifyPostPolicy(formOf(withoutPolicy), BUCKET, LOCAL, new Date())).toThrow(expect.objectContaining({ status: 400 }));
  });
});

async function downloadLink(options: { key?: string; expiresIn?: number; signer?: S3Client } = {}) {
  const url = await getSignedUrl(
    options.signer ?? clientFor(LOCAL),
    new GetObjectCommand({
      Bucket: BUCKET,
      Key: options.key ?? 'evidence/CASE/FILE',
      ResponseContentDisposition: "attachment; filename*=UTF-8''%EC%98%81%EC%88%98%EC%A6%9D.png",
      ResponseContentType: 'image/png',
    }),
    { expiresIn: options.expiresIn ?? 300 },
  );
  return new URL(url);
}

/** As the gate reads a request for `url`: the path as sent, the query decoded, the Host header. */
function requestFor(url: URL, host = url.host) {
  const target = url.pathname + url.search;
  return { host, rawPath: url.pathname, query: parseStoragePath(target, BUCKET).query };
}

describe('verifyPresignedGet', () => {
  it('accepts a link the portal issued, with its signed disposition and type', async () => {
    const url = await downloadLink();
    expect(await verifyPresignedGet(requestFor(url), LOCAL, new Date())).toEqual({
      disposition: "attachment; filename*=UTF-8''%EC%98%81%EC%88%98%EC%A6%9D.png",
      contentType: 'image/png',
    });
  });

  it('refuses an expired link, and one dated ahead of the clock', async () => {
    const url = await downloadLink();
    await expect(verifyPresignedGet(requestFor(url), LOCAL, new Date(Date.now() + 301_000))).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/expired/),
    });
    await expect(verifyPresignedGet(requestFor(url), LOCAL, new Date(Date.now() - 3_600_000))).rejects.toMatchObject({ status: 403 });
  });

  it('refuses a link moved to another file, host or disposition, or signed with another secret', async () => {
    const url = await downloadLink();
    const moved = new URL(url);
    moved.pathname = moved.pathname.replace('/FILE', '/OTHER');
    const inline = new URL(url);
    inline.searchParams.set('response-content-disposition', 'inline');
    const stranger = await downloadLink({ signer: clientFor({ accessKeyId: LOCAL.accessKeyId, secretAccessKey: 'guessed' }) });
    for (const request of [requestFor(moved), requestFor(url, 'localhost:9999'), requestFor(inline), requestFor(stranger)]) {
      await expect(verifyPresignedGet(request, LOCAL, new Date())).rejects.toMatchObject({ status: 403 });
    }
  });

  it('refuses an unsigned request, and one with a query the portal never signs', async () => {
    await expect(
      verifyPresignedGet({ host: HOST, rawPath: '/s3/attachments/evidence/CASE/FILE', query: new Map() }, LOCAL, new Date()),
    ).rejects.toMatchObject({ status: 403 });
    const url = await downloadLink();
    url.searchParams.set('versionId', '1');
    await expect(verifyPresignedGet(requestFor(url), LOCAL, new Date())).rejects.toMatchObject({ status: 400 });
  });
});

describe('parseStoragePath', () => {
  it('reads the bucket, the key and the query', () => {
    expect(parseStoragePath('/s3/attachments', BUCKET)).toEqual({ key: null, query: new Map() });
    expect(parseStoragePath('/s3/attachments/', BUCKET)).toEqual({ key: null, query: new Map() });
    expect(parseStoragePath('/s3/attachments/evidence/C/F?a=1&b=x%2Fy', BUCKET)).toEqual({
      key: 'evidence/C/F',
      query: new Map([
        ['a', '1'],
        ['b', 'x/y'],
      ]),
    });
  });

  it('refuses dot segments, encoded slashes and backslashes, NUL, bad escapes and repeated parameters (400), another bucket (404)', () => {
    const malformed = [
      '/s3/attachments/incoming/../evidence/C/F',
      '/s3/attachments/incoming/%2e%2e/x',
      '/s3/attachments/incoming/..%2F..%2Fescape',
      '/s3/attachments/incoming/..%2f..%2fescape',
      '/s3/attachments/incoming/a%5Cb',
      '/s3/attachments/incoming/a\\b',
      '/s3/attachments/incoming/a%00',
      '/s3/attachments/incoming/a%zz',
      '/s3/attachments//x',
      '/s3/attachments/incoming/./x',
      '/api/../s3/attachments/x',
      '/s3/attachments/evidence/C/F?a=1&a=2',
      '/s3/attachments/evidence/C/F?a=%E0%A4%A',
    ];
    for (const target of malformed)
      expect(() => parseStoragePath(target, BUCKET), target).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseStoragePath('/s3/other/evidence/C/F', BUCKET)).toThrow(expect.objectContaining({ status: 404 }));
  });
});
