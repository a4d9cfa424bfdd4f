// The per-address limits, as the deployed WAF rules count them (functions/contract/abuseLimits.ts):
// - 20 calls a minute: the tracking-code lookups, sign-in, filing and uploads share one budget per client address,
//   so POST /reports cannot be used to ask whether a code exists (its 409) once /track has stopped answering, and
//   one address cannot file or upload without end;
// - every /api/* call, in a wider budget (600 per 5 minutes by default; 60 here, so the test stays short).
// Other addresses are unaffected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPortal, aReport, callFrom, postFrom, proposedCode, startTestPortal } from './support/testPortal.js';

const API_LIMIT = 60;
let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal({ rateLimitPerMinute: 20, apiRateLimitPer5Minutes: API_LIMIT });
});
afterAll(async () => {
  await portal?.stop();
});

const RATE_LIMITED = { error: { code: 'RATE_LIMITED', message: expect.any(String), details: [] } };

describe('one budget per address for lookups and filing', () => {
  it('answers a 21st report a minute from one address with 429, while another address still files', async () => {
    const one = '127.0.0.31';
    for (let i = 0; i < 20; i++) expect((await postFrom(portal, one, '/reports', aReport())).status, `report ${i + 1}`).toBe(201);
    const refused = await callFrom(portal, one, 'POST', '/api/reports', aReport());
    expect(refused).toMatchObject({ status: 429, body: RATE_LIMITED });
    expect(refused.headers).toMatchObject({ 'retry-after': '60', 'cache-control': 'no-store' });
    expect((await postFrom(portal, '127.0.0.32', '/reports', aReport())).status).toBe(201);
  });

  it('counts uploads in the same budget: a 21st upload request a minute is refused, another address still uploads', async () => {
    const files = { files: [{ name: 'photo.jpg', size: 1000, contentType: 'image/jpeg' }] };
    const one = '127.0.0.33';
    for (let i = 0; i < 20; i++) expect((await postFrom(portal, one, '/uploads', files)).status, `upload ${i + 1}`).toBe(201);
    expect(await postFrom(portal, one, '/uploads', files)).toEqual({ status: 429, body: RATE_LIMITED });
    // Filing from that address is refused too: one budget.
    expect((await postFrom(portal, one, '/reports', aReport())).status).toBe(429);
    expect((await postFrom(portal, '127.0.0.34', '/uploads', files)).status).toBe(201);
  });

  it('stops POST /reports from telling whether a code exists once /track is limited', async () => {
    const filer = '127.0.0.41';
    const prober = '127.0.0.42';
    const code = proposedCode();
    expect((await postFrom(portal, filer, '/reports', aReport({ trackingCode: code }))).status).toBe(201);

    // Within its budget, the prober learns what /track would tell it too.
    expect((await postFrom(portal, prober, '/reports', aReport({ trackingCode: code, title: 'Another report' }))).status).toBe(409);
    for (let i = 0; i < 19; i++) await postFrom(portal, prober, '/track', { trackingCode: proposedCode() });
    expect((await postFrom(portal, prober, '/track', { trackingCode: code })).status).toBe(429);
    // The same question through filing gets the same refusal, not the 409 that says the code is taken.
    expect(await postFrom(portal, prober, '/reports', aReport({ trackingCode: code, title: 'Another report' }))).toEqual({
      status: 429,
      body: RATE_LIMITED,
    });
    // The reporter's own address is untouched.
    expect((await postFrom(portal, filer, '/track', { trackingCode: code })).status).toBe(200);
  });
});

describe('one wider budget per address for every /api/* call', () => {
  it(`answers the call after ${API_LIMIT} from one address with 429 and Retry-After, on any path, while another address is served`, async () => {
    const one = '127.0.0.51';
    for (let i = 0; i < API_LIMIT - 1; i++) expect((await callFrom(portal, one, 'GET', '/api/config')).status, `call ${i + 1}`).toBe(200);
    // An unknown path costs a call too.
    expect((await callFrom(portal, one, 'GET', '/api/no-such-path')).status).toBe(404);
    for (const path of ['/api/config', '/api/stats/public', '/api/no-such-path']) {
      const refused = await callFrom(portal, one, 'GET', path);
      expect(refused, path).toMatchObject({ status: 429, body: RATE_LIMITED });
      expect(refused.headers, path).toMatchObject({ 'retry-after': '300', 'cache-control': 'no-store' });
    }
    expect((await callFrom(portal, '127.0.0.52', 'GET', '/api/config')).status).toBe(200);
  });

  it('does not count again a call the tighter budget refused, as the web ACL stops at the first rule that blocks', async () => {
    const one = '127.0.0.53';
    // 20 lookups, then 60 more refused by the 20-a-minute budget: 20 counted in the wide budget, not 80.
    for (let i = 0; i < 80; i++) await postFrom(portal, one, '/track', { trackingCode: proposedCode() });
    expect((await postFrom(portal, one, '/track', { trackingCode: proposedCode() })).status).toBe(429);
    expect((await callFrom(portal, one, 'GET', '/api/config')).status).toBe(200);
  });
});
