// Invariant 3: every agency read or write of a case appends an audit event, hash-chained per case. Each event's
// hash is a MAC under the audit key (auditMac.ts) over its content and the previous event's hash, so history can be
// neither edited nor recomputed without the key; the case item keeps the head (last sequence number and hash), so
// dropping the newest events is caught too — unless the head is rolled back with them, which the anchors of the
// heads (auditAnchor.ts) catch. Events the pepper signed before the audit key carry no `macKey` and verify under the
// pepper, but only before the chain's first event under the audit key: that event's MAC covers the hash of the one
// before it, so the pepper's part is fixed from then on.
import { type AuditMacKeys, auditMacHolds } from './auditMac.js';
import { canonicalJson } from './keyedHash.js';
import type { AuditMacKey } from './ports.js';

export interface AuditEventRecord {
  caseId: string;
  seq: number;
  at: string;
  /** A username, `whistleblower` or `system:<job>`. */
  actor: string;
  action: AuditAction;
  details: Record<string, string>;
  /** The id of the audit key that signed it (AuditMacKey.id); absent on events the pepper signed before that key. */
  macKey?: string;
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
  | 'case.hold_placed'
  | 'case.hold_lifted'
  | 'attachment.downloaded'
  | 'case.assigned'
  | 'case.conflict_declared'
  | 'case.exported'
  | 'deadline.missed'
  // An application's own chain (core/applications), whose chain id is the application id.
  | 'application.received'
  | 'application.viewed'
  | 'application.status_changed'
  | 'application.message_sent';

export const GENESIS_HASH = '0'.repeat(64);

/** A chain's events as the agency views show them, in order: everything but the chain id and the key's id. */
export function auditEntriesOf(events: AuditEventRecord[]) {
  return [...events]
    .sort((a, b) => a.seq - b.seq)
    .map(({ seq, at, actor, action, details, hash, previousHash }) => ({ seq, at, actor, action, details, hash, previousHash }));
}

export type AuditEventInput = Omit<AuditEventRecord, 'seq' | 'previousHash' | 'hash' | 'caseId' | 'macKey'>;

/**
 * What an event's hash signs: every field but the hash itself. An event without `macKey` signs exactly what it
 * signed before the audit key existed (canonicalJson leaves undefined out).
 */
export function auditEventContent(event: Omit<AuditEventRecord, 'hash'>): string {
  const { caseId, seq, at, actor, action, details, previousHash, macKey } = event;
  return canonicalJson({ caseId, seq, at, actor, action, details, previousHash, macKey });
}

/** The event that follows `head` (null for a new case), signed by `key`: one GenerateMac when deployed. */
export async function nextAuditEvent(
  key: AuditMacKey,
  caseId: string,
  head: { seq: number; hash: string } | null,
  input: AuditEventInput,
): Promise<AuditEventRecord> {
  const unsigned = { caseId, seq: head ? head.seq + 1 : 0, previousHash: head ? head.hash : GENESIS_HASH, ...input, macKey: key.id };
  return { ...unsigned, hash: await key.sign('audit-event', auditEventContent(unsigned)) };
}

/** `seq`: the first event the verdict cannot vouch for; null when what failed is the anchor, not an event. */
export type AuditVerdict = { verified: true } | { verified: false; seq: number | null; problem: string };

/**
 * Checks every event's hash, every link, and that the chain ends where the case says it does. The MACs are asked all
 * at once (a VerifyMac each when deployed), then judged in order.
 */
export async function verifyAuditChain(
  keys: AuditMacKeys,
  events: AuditEventRecord[],
  head: { seq: number; hash: string },
): Promise<AuditVerdict> {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const holds = await Promise.all(
    sorted.map(({ hash, ...unsigned }) => auditMacHolds(keys, unsigned.macKey, 'audit-event', auditEventContent(unsigned), hash)),
  );
  let previous = GENESIS_HASH;
  let underAuditKey = false;
  for (let i = 0; i < sorted.length; i++) {
    const event = sorted[i]!;
    if (event.seq !== i) return { verified: false, seq: i, problem: `event #${i} is missing` };
    if (event.previousHash !== previous) {
      return { verified: false, seq: event.seq, problem: `event #${event.seq} does not follow event #${event.seq - 1}` };
    }
    const name = `event #${event.seq} (${event.action} at ${event.at})`;
    // Whoever holds the pepper can still make its MACs: none may follow an event the audit key signed.
    if (event.macKey === undefined && underAuditKey) {
      return { verified: false, seq: event.seq, problem: `${name} was altered: it is signed with the pepper after the audit key` };
    }
    if (!holds[i]) return { verified: false, seq: event.seq, problem: `${name} was altered` };
    underAuditKey ||= event.macKey !== undefined;
    previous = event.hash;
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
