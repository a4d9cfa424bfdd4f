// Local mode's settings: the rate-limit knob load tests raise, checked like every other setting.
import { describe, expect, it } from 'vitest';
import { localSettings, startArguments } from '#local/runtime/settings.js';

describe('local settings', () => {
  it('limits the per-address routes to 20 calls a minute unless RATE_LIMIT_PER_MINUTE says otherwise', () => {
    expect(localSettings({}).rateLimitPerMinute).toBe(20);
    expect(localSettings({ RATE_LIMIT_PER_MINUTE: '1000000' }).rateLimitPerMinute).toBe(1_000_000);
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    for (const value of ['0', '-5', '2.5', 'many']) {
      expect(() => localSettings({ RATE_LIMIT_PER_MINUTE: value }), value).toThrow(/RATE_LIMIT_PER_MINUTE/);
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
