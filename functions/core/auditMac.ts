// The one MAC of the audit trail: every event of a case's chain, and every anchor of the chains' heads, is signed
// here. Today it is an HMAC under the pepper; moving the key into KMS (GenerateMac/VerifyMac) changes this file and
// the key its callers hand in, not the chain or the anchors.
import { keyedHash, keyedHashMatches } from './keyedHash.js';

/** What is signed: each kind has its own label, so a MAC of one can never pass for another. */
export type AuditMacLabel = 'audit-event' | 'audit-anchor-chunk' | 'audit-anchor-root';

/** The MAC of `content` (canonical JSON) under `key`, in hex. */
export function auditMac(key: Uint8Array, label: AuditMacLabel, content: string): string {
  return keyedHash(key, label, content).toString('hex');
}

/** Whether `mac` is the MAC of `content`; constant-time, and false for anything that is not 64 hex digits. */
export function auditMacMatches(key: Uint8Array, label: AuditMacLabel, content: string, mac: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(mac)) return false;
  return keyedHashMatches(key, label, content, Buffer.from(mac, 'hex'));
}
