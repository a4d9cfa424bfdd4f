// No browser keeps a citizen page or an API answer (a shared or seized computer holds no trace of a visit): local
// mode answers pages and every /api/* call with `Cache-Control: no-store`, as the deployed edge does (lib/edge.ts,
// pinned by test/infra/abuseLimits.test.ts). Only the content-hashed scripts and styles are cached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPortal, callFrom, startTestPortal } from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const from = '127.0.0.61';

describe('Cache-Control: no-store', () => {
  it('on the citizen page, the other page files and a missing file; not on the hashed scripts', async () => {
    const page = await callFrom(portal, from, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await callFrom(portal, from, 'GET', '/index.html')).headers['cache-control']).toBe('no-store');
    expect((await callFrom(portal, from, 'GET', '/favicon.svg')).headers['cache-control']).toBe('no-store');
    const missing = await callFrom(portal, from, 'GET', '/no-such-page.html');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');

    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body as string)?.[1];
    expect(script, page.body as string).toBeDefined();
    expect((await callFrom(portal, from, 'GET', script!)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('on every API answer: public ones the edge caches, private ones, refusals and unknown paths', async () => {
    const answers = [
      await callFrom(portal, from, 'GET', '/api/config'),
      await callFrom(portal, from, 'GET', '/api/stats/public'),
      await callFrom(portal, from, 'POST', '/api/track', { trackingCode: 'not a code' }),
      await callFrom(portal, from, 'GET', '/api/cases'),
      await callFrom(portal, from, 'GET', '/api/no-such-path'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, expect.any(Number), 400, 401, 404]);
    for (const answer of answers) expect(answer.headers['cache-control']).toBe('no-store');
  });
});
