import { describe, expect, it } from 'vitest';
import { FAILURE_WINDOW_MS, FREE_FAILURES, FailureLog, backoffMs } from '#core/signInBackoff.js';
import { ADDRESS_BACKOFF_MAX_MS, SignInAddressBackoff } from '#local/runtime/signInAddressBackoff.js';
import { USERNAME_BACKOFF_MAX_MS } from '#adapters/localIdentity.js';

describe('backoffMs', () => {
  it('costs nothing for the first five failures, then 1 s doubling', () => {
    expect(FREE_FAILURES).toBe(5);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => backoffMs(n, 60_000))).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000, 8000]);
  });

  it('never waits longer than the cap', () => {
    expect(backoffMs(12, USERNAME_BACKOFF_MAX_MS)).toBe(30_000);
    expect(backoffMs(1000, ADDRESS_BACKOFF_MAX_MS)).toBe(15 * 60_000);
  });
});

describe('FailureLog', () => {
  it('counts a key’s failures within 15 minutes, and forgets older ones', () => {
    let now = 0;
    const log = new FailureLog(() => now);
    expect([log.add('a'), log.add('a'), log.add('b')]).toEqual([1, 2, 1]);
    now = FAILURE_WINDOW_MS - 1;
    expect(log.count('a')).toBe(2);
    now = FAILURE_WINDOW_MS;
    expect(log.count('a')).toBe(0);
    expect(log.lastAt('a')).toBeNull();
  });
});

describe('SignInAddressBackoff', () => {
  it('makes an address that keeps failing wait longer each time, and leaves other addresses alone', () => {
    let now = 0;
    const backoff = new SignInAddressBackoff(() => now);
    for (let i = 0; i < 5; i++) {
      expect(backoff.waitMs('attacker')).toBe(0);
      backoff.failed('attacker');
    }
    expect(backoff.waitMs('attacker')).toBe(0);
    backoff.failed('attacker');
    expect(backoff.waitMs('attacker')).toBe(1000);
    expect(backoff.waitMs('colleague')).toBe(0);
    now = 1000;
    expect(backoff.waitMs('attacker')).toBe(0);
    backoff.failed('attacker');
    expect(backoff.waitMs('attacker')).toBe(2000);
  });

  it('clears an address that signs in', () => {
    const backoff = new SignInAddressBackoff(() => 0);
    for (let i = 0; i < 8; i++) backoff.failed('office');
    expect(backoff.waitMs('office')).toBeGreaterThan(0);
    backoff.succeeded('office');
    expect(backoff.waitMs('office')).toBe(0);
  });
});
