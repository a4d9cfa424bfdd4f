// Local mode's /s3/ path, probed as an attacker on the network would (issue #21, item 1): it takes only an upload
// under a policy the portal signed and a download under a link the portal signed; everything else is refused in
// the contract's error shape, and nothing it answers can run in a page. Evidence is sealed on disk.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEvidence } from '#adapters/localSealedEvidenceStore.js';
import { createS3Client } from '#composition/awsClients.js';
import { sealStoredEvidence } from '#local/runtime/sealStoredEvidence.js';
import { type IssuedUpload, type TestPortal, aReport, bearer, postUploadForm, signIn, startTestPortal } from './support/testPortal.js';

let portal: TestPortal;
let bucket: string;
beforeAll(async () => {
  portal = await startTestPortal();
  bucket = process.env.BUCKET_NAME!;
});
afterAll(async () => {
  await portal?.stop();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with the target exactly as written (fetch would fold `..` away before sending). */
function raw(
  method: string,
  target: string,
  options: { headers?: Record<string, string | number>; body?: Buffer } = {},
): Promise<RawAnswer> {
  const { port } = new URL(portal.url);
  return new Promise((resolve, reject) => {
    const sent = request(
      { host: '127.0.0.1', port, method, path: target, headers: { host: `localhost:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    sent.on('error', reject);
    sent.end(options.body);
  });
}

const errorCode = (answer: RawAnswer) =>
  (JSON.parse(answer.body) as { error: { code: string; message: string; details: unknown[] } }).error.code;

async function issue(file: { name: string; size: number; contentType: string }): Promise<IssuedUpload> {
  const answer = await portal.api('POST', '/uploads', { files: [file] });
  expect(answer.status).toBe(201);
  return answer.body.uploads[0] as IssuedUpload;
}

/** Every file under the data dir's storage folder, with its bytes. */
function storedFiles(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? storedFiles(path) : [{ path, bytes: readFileSync(path) }];
  });
}

describe('what the storage path refuses', () => {
  it('lists nothing and serves nothing without a signed link, with no CORS grant', async () => {
    for (const target of [
      `/s3/${bucket}`,
      `/s3/${bucket}/`,
      `/s3/${bucket}?list-type=2`,
      `/s3/${bucket}/incoming/ANYTHING`,
      `/s3/${bucket}/evidence/CASE/FILE`,
    ]) {
      const answer = await raw('GET', target, { headers: { origin: 'https://attacker.example' } });
      expect(answer.status, target).toBeGreaterThanOrEqual(400);
      expect(answer.status, target).toBeLessThan(500);
      expect(answer.headers['access-control-allow-origin'], target).toBeUndefined();
      expect(answer.body, target).not.toContain('ListBucketResult');
      expect(JSON.parse(answer.body).error.details, target).toEqual(expect.any(Array));
    }
    expect(errorCode(await raw('GET', `/s3/${bucket}`))).toBe('FORBIDDEN');
    expect(errorCode(await raw('GET', `/s3/${bucket}/evidence/CASE/FILE`))).toBe('FORBIDDEN');
  });

  it('refuses every method but a signed POST and GET (405), and a preflight gets no CORS grant', async () => {
    for (const method of ['PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS']) {
      const answer = await raw(method, `/s3/${bucket}/incoming/ABCDEFGHJKMNPQRS`, {
        headers: { origin: 'https://attacker.example', 'access-control-request-method': 'PUT', 'content-type': 'text/html' },
        body: method === 'HEAD' || method === 'OPTIONS' ? undefined : Buffer.from('<script>alert(1)</script>'),
      });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow, method).toBe('GET, POST');
      expect(answer.headers['access-control-allow-origin'], method).toBeUndefined();
      if (method !== 'HEAD') expect(errorCode(answer), method).toBe('METHOD_NOT_ALLOWED');
    }
    // Multi-object delete is a POST to the bucket with ?delete.
    const deleting = await raw('POST', `/s3/${bucket}?delete`, {
      headers: { 'content-type': 'application/xml' },
      body: Buffer.from('<Delete/>'),
    });
    expect(deleting.status).toBe(400);
  });

  it('refuses keys that climb out of the bucket, however they are written (400)', async () => {
    for (const target of [
      `/s3/${bucket}/incoming/..%2F..%2F..%2Fescaped`,
      `/s3/${bucket}/incoming/..%2f..%2fescaped`,
      `/s3/${bucket}/incoming/../../escaped`,
      `/s3/${bucket}/incoming/%2e%2e/%2e%2e/escaped`,
      `/s3/${bucket}/incoming/..%5C..%5Cescaped`,
      `/s3/${bucket}/incoming/a%00b`,
      `/s3/${bucket}/incoming/%E0%A4%A`,
      `/s3/../s3/${bucket}/incoming/x`,
    ]) {
      for (const method of ['GET', 'POST']) {
        const answer = await raw(method, target, {
          headers: { 'content-type': 'multipart/form-data; boundary=x' },
          body: Buffer.from('--x--\r\n'),
        });
        expect(answer.status, `${method} ${target}`).toBe(400);
        expect(errorCode(answer)).toBe('VALIDATION_FAILED');
      }
    }
    const stored = storedFiles(portal.dataDir).map((f) => f.path);
    expect(stored.filter((path) => path.includes('escaped'))).toEqual([]);
  });

  it('refuses an HTML page posted under its own type, and a file put under someone else’s key', async () => {
    const page = Buffer.from('<html><script>fetch("/api/cases",{headers:{authorization:"Bearer "+sessionStorage.token}})</script></html>');
    const slot = await issue({ name: 'scan.pdf', size: page.length, contentType: 'application/pdf' });
    const asHtml = { ...slot, fields: { ...slot.fields, 'Content-Type': 'text/html' } };
    expect((await postUploadForm(portal, asHtml, { name: 'page.html', contentType: 'text/html', bytes: page })).status).toBe(403);

    const victim = await issue({ name: 'receipt.pdf', size: 15, contentType: 'application/pdf' });
    const attacker = await issue({ name: 'junk.pdf', size: 15, contentType: 'application/pdf' });
    const overwrite = { ...attacker, fields: { ...attacker.fields, key: victim.fields.key! } };
    const answer = await postUploadForm(portal, overwrite, {
      name: 'junk.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 forged'),
    });
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    // A policy with its signature removed, or made up, is no policy.
    const unsigned = { ...attacker, fields: { ...attacker.fields, 'X-Amz-Signature': 'f'.repeat(64) } };
    expect(
      (await postUploadForm(portal, unsigned, { name: 'junk.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 forged') }))
        .status,
    ).toBe(403);
  });

  it('refuses an upload over 25 MiB without reading it all (413), and a body that is not a form (415)', async () => {
    const declared = await raw('POST', `/s3/${bucket}`, {
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': 200 * 1024 * 1024 },
    });
    expect(declared.status).toBe(413);
    expect(errorCode(declared)).toBe('PAYLOAD_TOO_LARGE');
    // Chunked, with no length announced: 1 MiB at a time until the gate answers or 40 MiB are sent. A raw socket, so
    // that the reset that follows the refusal (the gate stops reading) cannot hide the status already received.
    const streamed = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(portal.url);
      const socket = connect(Number(port), '127.0.0.1');
      let received = '';
      let answered = false;
      socket.on('data', (data: Buffer) => {
        received += data.toString('latin1');
        const status = /^HTTP\/1\.1 (\d{3}) /.exec(received)?.[1];
        if (status && !answered) {
          answered = true;
          resolve(Number(status));
          socket.destroy();
        }
      });
      socket.on('error', (error) => {
        if (!answered) reject(error);
      });
      socket.write(
        `POST /s3/${bucket} HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\n\r\n`,
      );
      const chunk = Buffer.concat([Buffer.from(`${(1024 * 1024).toString(16)}\r\n`), Buffer.alloc(1024 * 1024, 0x41), Buffer.from('\r\n')]);
      let sentBytes = 0;
      const pump = () => {
        while (!answered && !socket.destroyed && sentBytes < 40 * 1024 * 1024) {
          sentBytes += 1024 * 1024;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    expect(streamed).toBe(413);
    const notAForm = await raw('POST', `/s3/${bucket}`, { headers: { 'content-type': 'text/html' }, body: Buffer.from('<html></html>') });
    expect(notAForm.status).toBe(415);
  });
});

describe('what the storage path takes', () => {
  const evidenceText = '%PDF-1.4\nThe second invoice, signed by the regional director.\n%%EOF\n';
  let caseId = '';
  let organizationId = '';

  it('takes the upload the portal issued (204), answering nothing a page could run', async () => {
    const slot = await issue({ name: 'invoice.pdf', size: evidenceText.length, contentType: 'application/pdf' });
    const answer = await postUploadForm(portal, slot, {
      name: 'invoice.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.from(evidenceText),
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(answer.headers.get('content-disposition')).toBe('attachment');
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const filed = await portal.api('POST', '/reports', aReport({ uploadIds: [slot.uploadId] }));
    expect(filed.status).toBe(201);
    caseId = filed.body.caseId;
    organizationId = filed.body.organization.id;
  });

  it('keeps the evidence sealed on disk: no stored file holds the uploaded text', () => {
    const files = storedFiles(join(portal.dataDir, 's3'));
    expect(files.length).toBeGreaterThan(0);
    const leaking = files.filter((f) => f.bytes.includes(Buffer.from('signed by the regional director')));
    expect(leaking.map((f) => f.path)).toEqual([]);
  });

  it('seals, once, evidence stored in plaintext by a portal from before sealing', async () => {
    const client = createS3Client('us-east-1', process.env.S3_ENDPOINT);
    const key = 'evidence/OLDCASE/OLDFILE';
    const old = Buffer.from('%PDF-1.4 stored before evidence was sealed at rest');
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: old }));
    const evidenceKey = Buffer.from(readFileSync(join(portal.dataDir, 'secrets', 'evidence.key'), 'utf8').trim(), 'base64');
    const marker = join(portal.dataDir, 'secrets', 'evidence-sealed-again');
    const storedNow = async () =>
      Buffer.from(await (await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray());

    expect(await sealStoredEvidence(client, bucket, evidenceKey, marker)).toBe(1);
    expect((await storedNow()).includes(Buffer.from('stored before'))).toBe(false);
    expect(Buffer.from(openEvidence(evidenceKey, key, await storedNow())).equals(old)).toBe(true);
    // Once: the marker stops a second pass, and sealed objects are never sealed twice.
    expect(await sealStoredEvidence(client, bucket, evidenceKey, marker)).toBe(0);
    rmSync(marker);
    expect(await sealStoredEvidence(client, bucket, evidenceKey, marker)).toBe(0);
  });

  it('serves the agency’s signed link as a download of the original bytes, and nothing once the link is altered', async () => {
    const handler = await signIn(portal, `handler@${organizationId}`);
    const detail = await portal.api('GET', `/cases/${caseId}`, undefined, bearer(handler));
    expect(detail.status).toBe(200);
    const link = await portal.api('GET', `/cases/${caseId}/attachments/${detail.body.attachments[0].id}`, undefined, bearer(handler));
    const url = new URL(link.body.url);
    const file = await raw('GET', url.pathname + url.search);
    expect(file.status).toBe(200);
    expect(file.body).toBe(evidenceText);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''invoice.pdf`);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(file.headers['cache-control']).toBe('no-store');
    expect(file.headers['referrer-policy']).toBe('no-referrer');
    expect(file.headers['access-control-allow-origin']).toBeUndefined();

    const inline = new URL(url);
    inline.searchParams.set('response-content-disposition', 'inline');
    inline.searchParams.set('response-content-type', 'text/html');
    const other = new URL(url);
    other.pathname = other.pathname.replace(/[^/]+$/, 'NOSUCHFILE000000');
    for (const altered of [inline, other]) {
      const answer = await raw('GET', altered.pathname + altered.search);
      expect(answer.status).toBe(403);
      expect(errorCode(answer)).toBe('FORBIDDEN');
    }
  });
});

describe('the storage server behind the gate', () => {
  it('listens on loopback only', () => {
    const port = Number(new URL(process.env.S3_ENDPOINT!).port);
    // /proc/net/tcp{,6}: local address and port in hex, state 0A = listening.
    const listening = ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
      readFileSync(table, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        .filter((cols) => cols[3] === '0A' && Number.parseInt(cols[1]!.split(':')[1]!, 16) === port)
        .map((cols) => cols[1]!.split(':')[0]!),
    );
    expect(listening).toEqual(['0100007F']);
  });
});
