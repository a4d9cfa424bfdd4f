// A warm function opens a case's key once, not on every read: opened keys are kept for a few minutes (as the
// envelope sealer keeps its data keys). That bounds how long after a shred another warm function could still open
// the case: CASE_KEY_MAX_AGE_MS, stated in docs/crypto-shredding.md.
import type { CaseKeys } from '#core/ports.js';

export const CASE_KEY_MAX_AGE_MS = 5 * 60 * 1000;
const KEYS_KEPT = 512;

export class CachedCaseKeys implements CaseKeys {
  private readonly kept = new Map<string, { key: Uint8Array; at: number }>();

  constructor(
    private readonly inner: CaseKeys,
    private readonly now: () => number = Date.now,
  ) {}

  async keyFor(caseId: string): Promise<Uint8Array> {
    return this.cached(caseId) ?? this.keep(caseId, await this.inner.keyFor(caseId));
  }

  async find(caseId: string): Promise<Uint8Array | null> {
    const cached = this.cached(caseId);
    if (cached) return cached;
    const key = await this.inner.find(caseId);
    return key ? this.keep(caseId, key) : null;
  }

  async shred(caseId: string): Promise<void> {
    this.kept.delete(caseId);
    await this.inner.shred(caseId);
  }

  private cached(caseId: string): Uint8Array | null {
    const entry = this.kept.get(caseId);
    if (!entry) return null;
    if (this.now() - entry.at >= CASE_KEY_MAX_AGE_MS) {
      this.kept.delete(caseId);
      return null;
    }
    return entry.key;
  }

  private keep(caseId: string, key: Uint8Array): Uint8Array {
    if (this.kept.size >= KEYS_KEPT) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(caseId, { key, at: this.now() });
    return key;
  }
}
