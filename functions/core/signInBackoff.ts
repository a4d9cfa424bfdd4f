// Slowing down password guessing without locking anyone out. A lockout ("five failures lock the username for 15
// minutes") lets anyone who can guess a username — handler@<organization> is predictable — keep its real owner out.
// Instead, failures are counted per key (a username, or a client address) within a window, and past a few free ones
// each further failure costs a wait that doubles: 1 s, 2 s, 4 s, … up to a cap. Who waits depends on the key: the
// local runtime makes an address wait before it may try again; LocalIdentity holds back a username's wrong answers,
// while the right password is answered at once, from any address.

/** Failures that cost nothing: a person mistyping. */
export const FREE_FAILURES = 5;
/** How long a failure is remembered. */
export const FAILURE_WINDOW_MS = 15 * 60_000;

/** The wait after `failures` failures within the window: 0 up to the free ones, then 1 s doubling, at most `maxMs`. */
export function backoffMs(failures: number, maxMs: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(maxMs, 1000 * 2 ** (failures - FREE_FAILURES - 1));
}

/** Failures per key within the window, in memory only; keys are forgotten when their failures are. */
export class FailureLog {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** Failures of this key within the window. */
  count(key: string): number {
    return this.recent(key).length;
  }

  /** Records a failure and returns the key's count, this one included. */
  add(key: string): number {
    if (this.failures.size > 10_000) this.forgetOld();
    const recent = [...this.recent(key), this.now()];
    this.failures.set(key, recent);
    return recent.length;
  }

  /** When the key's last failure was (ms since the epoch), or null. */
  lastAt(key: string): number | null {
    return this.recent(key).at(-1) ?? null;
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const now = this.now();
    const kept = (this.failures.get(key) ?? []).filter((at) => now - at < FAILURE_WINDOW_MS);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  private forgetOld(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}
