// Invariant 8: bad input of every kind gets the contract's 4xx error body; none gets a 5xx.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPortal, aReport, proposedCode, startTestPortal } from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

interface Case {
  name: string;
  method?: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  code: string;
  detailPath?: string;
}

const MiB = 1024 * 1024;
const file = (over: Record<string, unknown> = {}) => ({ name: 'evidence.pdf', size: 1000, contentType: 'application/pdf', ...over });

const cases: Case[] = [
  { name: 'malformed JSON', path: '/reports', body: '{"category": "bribery",', status: 400, code: 'VALIDATION_FAILED' },
  {
    name: 'empty body',
    path: '/reports',
    body: '',
    headers: { 'content-type': 'application/json' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  { name: 'a JSON array instead of an object', path: '/reports', body: '[]', status: 400, code: 'VALIDATION_FAILED' },
  {
    name: 'wrong content type',
    path: '/reports',
    body: 'title=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  { name: 'no content type', path: '/track', body: new Blob(['{"trackingCode":"x"}']), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  {
    name: 'missing title',
    path: '/reports',
    body: { ...aReport(), title: undefined },
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'title',
  },
  {
    name: 'missing anonymity',
    path: '/reports',
    body: { ...aReport(), anonymity: undefined },
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'anonymity',
  },
  {
    name: 'title of the wrong type',
    path: '/reports',
    body: aReport({ title: 12345 }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'title',
  },
  {
    name: 'subjectIsHead as a string',
    path: '/reports',
    body: aReport({ subjectIsHead: 'yes' }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'subjectIsHead',
  },
  {
    name: 'amount as a string',
    path: '/reports',
    body: aReport({ amount: { value: '5000', currency: 'KRW' } }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'amount.value',
  },
  { name: 'an unknown field', path: '/reports', body: aReport({ isAdmin: true }), status: 400, code: 'VALIDATION_FAILED' },
  {
    name: 'title over 200 characters',
    path: '/reports',
    body: aReport({ title: 'x'.repeat(201) }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'title',
  },
  {
    name: 'description over 20,000 characters',
    path: '/reports',
    body: aReport({ description: 'x'.repeat(20_001) }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'description',
  },
  {
    name: 'a blank description',
    path: '/reports',
    body: aReport({ description: '   ' }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'description',
  },
  {
    name: 'an impossible date',
    path: '/reports',
    body: aReport({ occurredOn: '2026-02-30' }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'occurredOn',
  },
  {
    name: 'a date in the future',
    path: '/reports',
    body: aReport({ occurredOn: '2099-01-01' }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'occurredOn',
  },
  {
    name: 'an unknown category',
    path: '/reports',
    body: aReport({ category: 'bribery-of-aliens' }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'category',
  },
  {
    name: 'an unknown organization',
    path: '/reports',
    body: aReport({ organizationId: 'kr-ministry-of-magic' }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'organizationId',
  },
  {
    name: 'a language the pack lacks',
    path: '/reports',
    body: aReport({ language: 'fr' }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'language',
  },
  {
    name: 'contact with an anonymous report',
    path: '/reports',
    body: aReport({ contact: { email: 'me@example.org' } }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'contact',
  },
  {
    name: 'no contact with a confidential report',
    path: '/reports',
    body: aReport({ anonymity: 'confidential', contact: null }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'contact',
  },
  {
    name: 'an empty contact',
    path: '/reports',
    body: aReport({ anonymity: 'confidential', contact: {} }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'contact',
  },
  {
    name: 'a malformed email',
    path: '/reports',
    body: aReport({ anonymity: 'confidential', contact: { email: 'not-an-email' } }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'contact.email',
  },
  {
    name: 'a body over 64 KiB',
    path: '/reports',
    body: aReport({ description: 'x'.repeat(70 * 1024) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'a malformed proposed code',
    path: '/reports',
    body: aReport({ trackingCode: 'ABCD-EFGH' }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'trackingCode',
  },
  {
    name: 'a proposed code with U',
    path: '/reports',
    body: aReport({ trackingCode: 'UUUU-UUUU-UUUU-UUUU' }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'trackingCode',
  },
  {
    name: 'a proposed code anyone would guess (all zeros)',
    path: '/reports',
    body: aReport({ trackingCode: '0000-0000-0000-0000' }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'trackingCode',
  },
  {
    name: 'a proposed code in sequence',
    path: '/reports',
    body: aReport({ trackingCode: '0123-4567-89AB-CDEF' }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'trackingCode',
  },
  {
    name: 'more than 10 upload ids',
    path: '/reports',
    body: aReport({ uploadIds: Array.from({ length: 11 }, (_, i) => `u${i}`) }),
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'uploadIds',
  },
  {
    name: 'more than 10 files',
    path: '/uploads',
    body: { files: Array.from({ length: 11 }, () => file()) },
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'files',
  },
  { name: 'no files', path: '/uploads', body: { files: [] }, status: 400, code: 'VALIDATION_FAILED', detailPath: 'files' },
  { name: 'a file over 25 MiB', path: '/uploads', body: { files: [file({ size: 25 * MiB + 1 })] }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  {
    name: 'an executable by name',
    path: '/uploads',
    body: { files: [file({ name: 'invoice.pdf.exe' })] },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'an executable by type',
    path: '/uploads',
    body: { files: [file({ name: 'invoice', contentType: 'application/x-msdownload' })] },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'an HTML file',
    path: '/uploads',
    body: { files: [file({ name: 'page.html', contentType: 'text/html' })] },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a negative size',
    path: '/uploads',
    body: { files: [file({ size: -1 })] },
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'files.0.size',
  },
  {
    name: 'a fractional size',
    path: '/uploads',
    body: { files: [file({ size: 1.5 })] },
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'files.0.size',
  },
  {
    name: 'a too-short code',
    path: '/track',
    body: { trackingCode: 'ABC' },
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'trackingCode',
  },
  {
    name: 'a code with forbidden letters',
    path: '/track',
    body: { trackingCode: 'UUUU-UUUU-UUUU-UUUU' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a code of the wrong type',
    path: '/track',
    body: { trackingCode: 1234567890123456 },
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'trackingCode',
  },
  {
    name: 'a code far too long',
    path: '/track',
    body: { trackingCode: 'A'.repeat(1000) },
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'trackingCode',
  },
  { name: 'no code', path: '/track', body: {}, status: 400, code: 'VALIDATION_FAILED', detailPath: 'trackingCode' },
  {
    name: 'an empty message',
    path: '/track/messages',
    body: { trackingCode: proposedCode(), body: '  ' },
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'body',
  },
  {
    name: 'a message over 5,000 characters',
    path: '/track/messages',
    body: { trackingCode: proposedCode(), body: 'x'.repeat(5001) },
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'body',
  },
  {
    name: 'a message with a malformed code',
    path: '/track/messages',
    body: { trackingCode: 'nope', body: 'hi' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'an unknown language on /config',
    method: 'GET',
    path: '/config?lang=<script>',
    status: 400,
    code: 'VALIDATION_FAILED',
    detailPath: 'lang',
  },
  { name: 'an unknown query parameter on /config', method: 'GET', path: '/config?debug=1', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'an unknown page', method: 'GET', path: '/pages/admin', status: 404, code: 'NOT_FOUND' },
  { name: 'a malformed page id', method: 'GET', path: '/pages/..%2F..%2Fetc', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'an unknown API path', method: 'GET', path: '/admin', status: 404, code: 'NOT_FOUND' },
  { name: 'a wrong method', method: 'GET', path: '/reports', status: 404, code: 'NOT_FOUND' },
  { name: 'a POST to the public statistics', path: '/stats/public', body: { organizationId: 'kr-molit' }, status: 404, code: 'NOT_FOUND' },
  { name: 'a path below the public statistics', method: 'GET', path: '/stats/public/kr-molit', status: 404, code: 'NOT_FOUND' },
  // Names an object inherits: as query parameters they are unknown parameters like any other.
  { name: 'a __proto__ query parameter', method: 'GET', path: '/config?__proto__=x', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'a constructor query parameter', method: 'GET', path: '/config?constructor=1', status: 400, code: 'VALIDATION_FAILED' },
  {
    name: 'a repeated toString query parameter',
    method: 'GET',
    path: '/config?toString=1&toString=2',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  { name: 'a lone percent sign in the path', method: 'GET', path: '/pages/%', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'a cut percent-encoding in the path', method: 'GET', path: '/pages/%E0%A4%A', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'a malformed percent-encoding in a case id', method: 'GET', path: '/cases/%ZZ', status: 400, code: 'VALIDATION_FAILED' },
  {
    name: 'a malformed percent-encoding in the query',
    method: 'GET',
    path: '/config?lang=%E0%A4%A',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
];

/** Sends raw bytes (what fetch would refuse to send) and returns the whole answer as text. */
function rawRequest(bytes: string): Promise<string> {
  const { port } = new URL(portal.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.end(bytes);
  });
}

function errorBodyOf(raw: string): unknown {
  const [head, ...rest] = raw.split('\r\n\r\n');
  expect(head).toMatch(/\r\ncontent-type: application\/json/i);
  let body = rest.join('\r\n\r\n');
  if (/\r\ntransfer-encoding: chunked/i.test(head!)) {
    let text = '';
    for (let at = 0; ; ) {
      const eol = body.indexOf('\r\n', at);
      const size = Number.parseInt(body.slice(at, eol), 16);
      if (!size) break;
      text += body.slice(eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
    body = text;
  }
  return JSON.parse(body);
}

describe('malformed requests', () => {
  it('serves a request whose header is named like an inherited property', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const answer = await portal.api('GET', '/config?lang=en', undefined, { [name]: 'x' });
      expect(answer.status, name).toBe(200);
    }
  });

  it('answers headers too large to read with the error shape', async () => {
    const raw = await rawRequest(
      `GET /api/config HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(40_000)}\r\nConnection: close\r\n\r\n`,
    );
    expect(raw).toMatch(/^HTTP\/1\.1 413 /);
    expect(errorBodyOf(raw)).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String), details: [] } });
  });

  it('answers a request the HTTP parser cannot read with the error shape', async () => {
    const raw = await rawRequest('GET /api/config HTTP/1.1\r\nHost: localhost\r\nBad Header Name: x\r\nConnection: close\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(errorBodyOf(raw)).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), details: [] } });
  });

  it('refuses a missing file or another method on the web app with the error shape', async () => {
    for (const [method, path, status] of [
      ['GET', '/no-such-file.js', 404],
      ['GET', '/%', 404],
      ['POST', '/', 404],
      ['DELETE', '/index.html', 404],
    ] as const) {
      const answer = await fetch(new URL(path, portal.url), { method });
      expect(answer.status, `${method} ${path}`).toBe(status);
      expect(await answer.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: [] } });
    }
  });

  it('answers a request line that is not a URL with the error shape', async () => {
    const raw = await rawRequest('GET //[bad HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(errorBodyOf(raw)).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), details: [] } });
  });
});

describe('bad input', () => {
  it.each(cases)('$name → $status $code', async (c) => {
    const body = c.body instanceof Blob ? await c.body.text() : c.body;
    const headers = c.body instanceof Blob ? { 'content-type': '' } : c.headers;
    const answer = await portal.api(c.method ?? 'POST', c.path, body, headers);
    expect(answer.status).toBe(c.status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.body).toEqual({ error: { code: c.code, message: expect.any(String), details: expect.any(Array) } });
    expect(answer.body.error.message.length).toBeGreaterThan(10);
    if (c.detailPath) expect(answer.body.error.details.map((d: { path: string }) => d.path)).toContain(c.detailPath);
  });

  it('stores a script payload as text and answers it as JSON, never HTML', async () => {
    const payload = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const answer = await portal.api('POST', '/reports', aReport({ title: payload, description: payload, location: payload }));
    expect(answer.status).toBe(201);
    const reply = await portal.api('POST', '/track/messages', { trackingCode: answer.body.trackingCode, body: payload });
    expect(reply.status).toBe(201);
    const tracked = await portal.api('POST', '/track', { trackingCode: answer.body.trackingCode });
    expect(tracked.headers.get('content-type')).toMatch(/^application\/json/);
    expect(tracked.headers.get('x-content-type-options')).toBe('nosniff');
    expect(tracked.body.messages[0].body).toBe(payload);
  });

  it('never answered any of the above with a 5xx', () => {
    const serverErrors = portal.requestLines.filter((line) => / 5\d\d \d+ ms$/.test(line));
    expect(serverErrors).toEqual([]);
  });
});
