// Invariant 3: every agency read or write of a case appends an audit event, hash-chained per case. Each event's
// hash is an HMAC under the pepper over its content and the previous event's hash, so history can be neither
// edited nor recomputed without the secret; the case item keeps the head (last sequence number and hash), so
// dropping the newest events is caught too — unless the head is rolled back with them, which the anchors of the
// heads (auditAnchor.ts) catch.
import { auditMac, auditMacMatches } from './auditMac.js';
import { canonicalJson } from './keyedHash.js';

export interface AuditEventRecord {
  caseId: string;
  seq: number;
  at: string;
  /** A username, `whistleblower` or `system:<job>`. */
  actor: string;
  action: AuditAction;
  details: Record<string, string>;
  previousHash: string;
  hash: string;
}

export type AuditAction =
  | 'report.received'
  | 'case.viewed'
  | 'case.status_changed'
  | 'case.note_added'
  | 'case.message_sent'
  | 'case.transferred'
  | 'attachment.downloaded'
  | 'deadline.missed';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditEventInput = Omit<AuditEventRecord, 'seq' | 'previousHash' | 'hash' | 'caseId'>;

/** What an event's hash signs: every field but the hash itself. */
function signedContent(event: Omit<AuditEventRecord, 'hash'>): string {
  const { caseId, seq, at, actor, action, details, previousHash } = event;
  return canonicalJson({ caseId, seq, at, actor, action, details, previousHash });
}

export function auditEventHash(pepper: Uint8Array, event: Omit<AuditEventRecord, 'hash'>): string {
  return auditMac(pepper, 'audit-event', signedContent(event));
}

/** The event that follows `head` (null for a new case). */
export function nextAuditEvent(
  pepper: Uint8Array,
  caseId: string,
  head: { seq: number; hash: string } | null,
  input: AuditEventInput,
): AuditEventRecord {
  const unsigned = { caseId, seq: head ? head.seq + 1 : 0, previousHash: head ? head.hash : GENESIS_HASH, ...input };
  return { ...unsigned, hash: auditEventHash(pepper, unsigned) };
}

/** `seq`: the first event the verdict cannot vouch for; null when what failed is the anchor, not an event. */
export type AuditVerdict = { verified: true } | { verified: false; seq: number | null; problem: string };

/** Checks every event's hash, every link, and that the chain ends where the case says it does. */
export function verifyAuditChain(pepper: Uint8Array, events: AuditEventRecord[], head: { seq: number; hash: string }): AuditVerdict {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  let previous = GENESIS_HASH;
  for (let i = 0; i < sorted.length; i++) {
    const event = sorted[i]!;
    if (event.seq !== i) return { verified: false, seq: i, problem: `event #${i} is missing` };
    if (event.previousHash !== previous) {
      return { verified: false, seq: event.seq, problem: `event #${event.seq} does not follow event #${event.seq - 1}` };
    }
    const { hash, ...unsigned } = event;
    if (!auditMacMatches(pepper, 'audit-event', signedContent(unsigned), hash)) {
      return { verified: false, seq: event.seq, problem: `event #${event.seq} (${event.action} at ${event.at}) was altered` };
    }
    previous = hash;
  }
  const last = sorted.at(-1);
  if (!last || last.seq !== head.seq || last.hash !== head.hash) {
    return {
      verified: false,
      seq: sorted.length,
      problem: `the chain ends at event #${last?.seq ?? -1} but the case records #${head.seq}: events were removed`,
    };
  }
  return { verified: true };
}
