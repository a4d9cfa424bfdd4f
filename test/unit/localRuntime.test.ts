// The local runtime's own rules: route matching as API Gateway does it, and the per-address rate limit.
import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from '#local/runtime/rateLimit.js';
import { matchRoute } from '#local/runtime/routeMatch.js';

describe('matchRoute', () => {
  it('maps a path to its resource template and path parameters', () => {
    const found = matchRoute('GET', '/pages/how-it-works');
    expect(found.route?.handler).toBe('getPage');
    expect('pathParameters' in found && found.pathParameters).toEqual({ id: 'how-it-works' });
    expect(matchRoute('POST', '/track/messages').route?.handler).toBe('postTrackMessage');
    expect(matchRoute('POST', '/track').route?.handler).toBe('trackCase');
    expect(matchRoute('POST', '/auth/login').route).toMatchObject({ handler: 'login', rateLimited: true, lookupThrottle: true });
    // Filing shares the per-address budget (its 409 would answer what /track refuses), not the lookup throttle.
    expect(matchRoute('POST', '/reports').route).toMatchObject({ handler: 'createReport', rateLimited: true });
    expect(matchRoute('POST', '/reports').route?.lookupThrottle).toBeUndefined();
  });

  it('keeps GET /stats (agency) and GET /stats/public (anyone) apart', () => {
    expect(matchRoute('GET', '/stats').route).toMatchObject({ handler: 'getStats', auth: 'agency' });
    const open = matchRoute('GET', '/stats/public').route;
    expect(open?.handler).toBe('getPublicStats');
    expect(open?.auth).toBeUndefined();
    expect(open?.rateLimited).toBeUndefined();
    expect(matchRoute('POST', '/stats/public')).toEqual({ route: null, pathKnown: true, malformed: false });
  });

  it('tells a wrong method on a known path from an unknown path', () => {
    expect(matchRoute('GET', '/reports')).toEqual({ route: null, pathKnown: true, malformed: false });
    expect(matchRoute('GET', '/nothing-here')).toEqual({ route: null, pathKnown: false, malformed: false });
    expect(matchRoute('GET', '/pages/a/b')).toEqual({ route: null, pathKnown: false, malformed: false });
  });

  it('says so when a path parameter cannot be decoded, instead of throwing', () => {
    expect(matchRoute('GET', '/pages/%')).toEqual({ route: null, pathKnown: true, malformed: true });
    expect(matchRoute('GET', '/cases/%E0%A4%A')).toEqual({ route: null, pathKnown: true, malformed: true });
  });
});

describe('FixedWindowLimiter', () => {
  it('allows the limit per window per address, then refuses until the window ends', () => {
    let now = 0;
    const limiter = new FixedWindowLimiter(3, 60_000, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now = 59_999;
    expect(limiter.take('a')).toBe(false);
    now = 60_000;
    expect(limiter.take('a')).toBe(true);
  });
});
