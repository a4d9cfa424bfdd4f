import type { PackIndex } from './countryPackIndex.js';
import type { CaseStore, Clock, EvidenceStore, RandomSource, Sealer } from './ports.js';

/** What the citizen-facing use cases need, handed in by the handler's composition root. */
export interface CitizenDeps {
  index: PackIndex;
  store: CaseStore;
  evidence: EvidenceStore;
  sealer: Sealer;
  /** Secret for the tracking-code HMAC and the other keyed hashes. */
  pepper: Uint8Array;
  clock: Clock;
  random: RandomSource;
}
