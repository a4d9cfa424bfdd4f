import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { maybeGzip } from '#local/runtime/compression.js';

const request = (acceptEncoding?: string) => ({ headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }) as IncomingMessage;
const big = JSON.stringify({ organizations: Array.from({ length: 100 }, (_, i) => ({ id: `org-${i}`, name: `Organization ${i}` })) });

describe('maybeGzip', () => {
  it('gzips text of 1 KiB or more for a client that takes gzip', () => {
    const packed = maybeGzip(request('gzip, deflate, br'), big, 'application/json');
    expect(packed.headers).toEqual({ 'content-encoding': 'gzip', vary: 'accept-encoding' });
    expect(gunzipSync(packed.body as Buffer).toString('utf8')).toBe(big);
  });

  it('leaves small bodies, images and clients without gzip alone', () => {
    expect(maybeGzip(request('gzip'), '{"ok":true}', 'application/json').headers).toEqual({ vary: 'accept-encoding' });
    expect(maybeGzip(request('gzip'), Buffer.alloc(5000), 'image/png').body).toHaveLength(5000);
    expect(maybeGzip(request(), big, 'application/json').body).toBe(big);
    expect(maybeGzip(request('identity'), big, 'text/javascript; charset=utf-8').body).toBe(big);
  });
});
