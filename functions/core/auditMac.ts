// The one MAC of the audit trail: every event of a case's chain, and every anchor of the chains' heads, is signed
// through an AuditMacKey (ports.ts). Deployed, that key is a KMS HMAC key whose material never leaves KMS
// (GenerateMac/VerifyMac); locally, a key file of its own. It is not the pepper: before it, the pepper signed, and
// what the pepper signed carries no `macKey` and still verifies here, under legacyPepperMac, which signs nothing new.
import { createHash } from 'node:crypto';
import { keyedHashMatches } from './keyedHash.js';
import type { AuditMacKey, AuditMacVerifier } from './ports.js';

/** What is signed: each kind has its own label, so a MAC of one can never pass for another. */
export type AuditMacLabel = 'audit-event' | 'audit-anchor-chunk' | 'audit-anchor-root' | 'case-deletion';

/** What a check holds: the key that signs now, and the pepper's MAC for what was signed before that key. */
export interface AuditMacKeys {
  current: AuditMacKey;
  legacy: AuditMacVerifier;
}

export function auditMacKeys(deps: { auditKey: AuditMacKey; pepper: Uint8Array }): AuditMacKeys {
  return { current: deps.auditKey, legacy: legacyPepperMac(deps.pepper) };
}

/**
 * The message an audit key signs: the label, a newline and the SHA-256 of the content. KMS signs at most 4,096
 * bytes, and an anchor chunk can hold 95 KB of heads; the label keeps one kind's MAC from passing for another's.
 */
export function auditMacMessage(label: AuditMacLabel, content: string): string {
  return `${label}\n${createHash('sha256').update(content).digest('hex')}`;
}

/** The verifier of an item's `macKey`: none is the pepper's, the current key's id is that key, any other none at all. */
export function verifierFor(keys: AuditMacKeys, macKey: string | undefined): AuditMacVerifier | null {
  if (macKey === undefined) return keys.legacy;
  return macKey === keys.current.id ? keys.current : null;
}

/** Whether `mac` is the MAC of `content` under the key `macKey` names; false for a key this check does not hold. */
export async function auditMacHolds(
  keys: AuditMacKeys,
  macKey: string | undefined,
  label: AuditMacLabel,
  content: string,
  mac: string,
): Promise<boolean> {
  const verifier = verifierFor(keys, macKey);
  return verifier ? verifier.verify(label, content, mac) : false;
}

/**
 * The MAC the pepper made before the audit key (HMAC-SHA256 of label, NUL, content, in hex): it verifies what was
 * stored then and can sign nothing, so whoever holds the pepper cannot add to a chain that moved on.
 */
export function legacyPepperMac(pepper: Uint8Array): AuditMacVerifier {
  return {
    async verify(label, content, mac) {
      if (!/^[0-9a-f]{64}$/.test(mac)) return false;
      return keyedHashMatches(pepper, label, content, Buffer.from(mac, 'hex'));
    },
  };
}

/**
 * The key of a function that keeps no audit trail (a queue page, a track): it refuses to sign or check, so a
 * function deployed without AUDIT_MAC_KEY_ID that reaches the trail fails loudly instead of signing with something else.
 */
export const NO_AUDIT_KEY: AuditMacKey = {
  id: 'none',
  sign: async () => {
    throw new Error('this function holds no audit MAC key (AUDIT_MAC_KEY_ID): it may not sign the audit trail');
  },
  verify: async () => {
    throw new Error('this function holds no audit MAC key (AUDIT_MAC_KEY_ID): it may not check the audit trail');
  },
};
