import type { PackIndex } from './countryPackIndex.js';
import type { ReceiptSigner } from './filingReceipt.js';
import type { ApplicationStore } from './applications/ports.js';
import type { AuditMacKey, CaseKeys, CaseStore, Clock, EvidenceStore, RandomSource, Sealer } from './ports.js';

/** What the citizen-facing use cases need, handed in by the handler's composition root. */
export interface CitizenDeps {
  index: PackIndex;
  store: CaseStore;
  evidence: EvidenceStore;
  sealer: Sealer;
  /** The case keys the sealer seals under; the deletion path shreds a case's key (`caseKeys.shred`). */
  caseKeys: CaseKeys;
  /** Secret for the tracking-code HMAC and the other keyed hashes. */
  pepper: Uint8Array;
  /**
   * Signs the audit trail's events (auditMac.ts): a KMS HMAC key deployed, never the pepper. Functions that keep no
   * audit trail are built without one, and it refuses to sign.
   */
  auditKey: AuditMacKey;
  /** Applications for protection or a reward (core/applications), apart from the case's items. */
  applications: ApplicationStore;
  /** Signs the proof of filing (core/filingReceipt.ts); functions that file nothing are built without it. */
  receipts: ReceiptSigner;
  clock: Clock;
  random: RandomSource;
}
