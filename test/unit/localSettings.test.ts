// Local mode's settings: the rate-limit knob load tests raise, checked like every other setting.
import { describe, expect, it } from 'vitest';
import { PER_ADDRESS_LIMITS } from '#contract/abuseLimits.js';
import { localSettings, startArguments } from '#local/runtime/settings.js';

describe('local settings', () => {
  it('limits the per-address routes to 20 calls a minute unless RATE_LIMIT_PER_MINUTE says otherwise', () => {
    expect(localSettings({}).rateLimitPerMinute).toBe(20);
    expect(localSettings({ RATE_LIMIT_PER_MINUTE: '1000000' }).rateLimitPerMinute).toBe(1_000_000);
  });

  it('limits every /api/* call to 600 per 5 minutes unless API_RATE_LIMIT_PER_5_MINUTES says otherwise', () => {
    expect(localSettings({}).apiRateLimitPer5Minutes).toBe(600);
    expect(localSettings({ API_RATE_LIMIT_PER_5_MINUTES: '5000' }).apiRateLimitPer5Minutes).toBe(5000);
  });

  it('defaults to the limits the deployed web ACL counts by (functions/contract/abuseLimits.ts)', () => {
    expect(PER_ADDRESS_LIMITS.writeAndGuess).toEqual({ requests: localSettings({}).rateLimitPerMinute, windowSeconds: 60 });
    expect(PER_ADDRESS_LIMITS.api).toEqual({ requests: localSettings({}).apiRateLimitPer5Minutes, windowSeconds: 300 });
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    for (const name of ['RATE_LIMIT_PER_MINUTE', 'API_RATE_LIMIT_PER_5_MINUTES']) {
      for (const value of ['0', '-5', '2.5', 'many']) {
        expect(() => localSettings({ [name]: value }), `${name}=${value}`).toThrow(new RegExp(name));
      }
    }
  });
});

describe('startArguments', () => {
  it('reads `npm start -- ge demo data=.data-ge port=3001` as PowerShell and cmd pass it', () => {
    expect(startArguments(['ge', 'demo', 'data=.data-ge', 'port=3001'])).toEqual({
      COUNTRY: 'ge',
      DEMO: '1',
      DATA_DIR: '.data-ge',
      PORT: '3001',
    });
    expect(startArguments([])).toEqual({});
  });

  it('refuses a word it does not know, saying what it takes', () => {
    expect(() => startArguments(['--country'])).toThrow(/"--country" is not a start argument: give a country code \(ge\), demo/);
  });
});
