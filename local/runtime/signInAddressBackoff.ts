// Local mode's stand-in for slowing down one address that keeps failing to sign in (deployed, the WAF's per-address
// limit does it, lib/firewall.ts). Past five failures from an address within 15 minutes, that address must wait
// before its next try — 1 s after its last failure, then 2 s, 4 s, … up to 15 minutes — and is answered 429 with
// Retry-After meanwhile. Other addresses are not affected, so a guesser cannot keep a colleague out; a success clears
// the address. Addresses are keys in memory only, never stored or logged.
import { FailureLog, backoffMs } from '#core/signInBackoff.js';

export const ADDRESS_BACKOFF_MAX_MS = 15 * 60_000;

export class SignInAddressBackoff {
  private readonly failures: FailureLog;

  constructor(private readonly now: () => number = Date.now) {
    this.failures = new FailureLog(now);
  }

  /** How long this address must still wait before it may try to sign in again; 0 when it may now. */
  waitMs(address: string): number {
    const wait = backoffMs(this.failures.count(address), ADDRESS_BACKOFF_MAX_MS);
    if (wait === 0) return 0;
    return Math.max(0, this.failures.lastAt(address)! + wait - this.now());
  }

  failed(address: string): void {
    this.failures.add(address);
  }

  succeeded(address: string): void {
    this.failures.clear(address);
  }
}
