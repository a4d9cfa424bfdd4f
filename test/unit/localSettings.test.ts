// Local mode's settings: the rate-limit knob load tests raise, checked like every other setting.
import { describe, expect, it } from 'vitest';
import { localSettings } from '#local/runtime/settings.js';

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
