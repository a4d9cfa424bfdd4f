// The local stand-in for the WAF rate rule: at most `limit` calls per window from one client address. The address
// is a key in memory only, never stored or logged, and forgotten when its window ends.
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The window in whole seconds, for Retry-After. */
  get windowSeconds(): number {
    return Math.ceil(this.windowMs / 1000);
  }

  /** Counts one call; false when the caller is over the limit. */
  take(address: string): boolean {
    const now = this.now();
    if (this.windows.size > 10_000) this.prune(now);
    const window = this.windows.get(address);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(address, { start: now, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= this.limit;
  }

  private prune(now: number): void {
    for (const [address, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(address);
  }
}
