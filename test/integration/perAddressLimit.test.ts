// The per-address limit (20 calls a minute, as the deployed WAF rule): the tracking-code lookups, sign-in and filing
// share one budget per client address, so POST /reports cannot be used to ask whether a code exists (its 409) once
// /track has stopped answering, and one address cannot file without end. Other addresses are unaffected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPortal, aReport, postFrom, proposedCode, startTestPortal } from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal({ rateLimitPerMinute: 20 });
});
afterAll(async () => {
  await portal?.stop();
});

const RATE_LIMITED = { error: { code: 'RATE_LIMITED', message: expect.any(String), details: [] } };

describe('one budget per address for lookups and filing', () => {
  it('answers a 21st report a minute from one address with 429, while another address still files', async () => {
    const one = '127.0.0.31';
    for (let i = 0; i < 20; i++) expect((await postFrom(portal, one, '/reports', aReport())).status, `report ${i + 1}`).toBe(201);
    const refused = await postFrom(portal, one, '/reports', aReport());
    expect(refused).toEqual({ status: 429, body: RATE_LIMITED });
    expect((await postFrom(portal, '127.0.0.32', '/reports', aReport())).status).toBe(201);
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
