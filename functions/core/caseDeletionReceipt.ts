// A deleted case's signed receipt (issue 14): retention erases every audit event of a case, but the anchors, which
// are append-only, still name its last head. Without a receipt, `npm run audit:verify -- --all` could not tell a
// deletion by the retention rule from someone erasing a case. The receipt names the case, the head it was deleted at
// and the day, signed with the audit key, which only the sweep (and the other audit-trail functions) may use: whoever
// can only write to the table cannot forge one. It holds no text, organization, category or code; it is kept with
// the anchors, which name the case id already, and nothing reads it but the verifier (never /track).
import { canonicalJson } from './keyedHash.js';
import { type AuditMacKeys, auditMacHolds } from './auditMac.js';
import type { AuditMacKey, CaseRecord } from './ports.js';

export interface CaseDeletionReceipt {
  caseId: string;
  /** The audit chain's head when the case was deleted. */
  seq: number;
  hash: string;
  /** The day of the deletion (UTC), no finer: nothing needs the hour. */
  deletedOn: string;
  /** The audit key that signed it, and its MAC. */
  macKey: string;
  mac: string;
}

/** Where receipts are kept and found (the anchor store, functions/adapters/dynamoAuditAnchorStore.ts). */
export interface CaseDeletionReceipts {
  /** Stores the receipt, replacing one of the same case (a deletion resumed the next day signs again). */
  recordDeletion(receipt: CaseDeletionReceipt): Promise<void>;
  deletionOf(caseId: string): Promise<CaseDeletionReceipt | null>;
}

const signedContent = (r: Pick<CaseDeletionReceipt, 'caseId' | 'seq' | 'hash' | 'deletedOn'>) =>
  canonicalJson({ caseId: r.caseId, seq: r.seq, hash: r.hash, deletedOn: r.deletedOn });

export async function signCaseDeletion(
  key: AuditMacKey,
  record: Pick<CaseRecord, 'caseId' | 'auditSeq' | 'auditHash'>,
  now: Date,
): Promise<CaseDeletionReceipt> {
  const unsigned = { caseId: record.caseId, seq: record.auditSeq, hash: record.auditHash, deletedOn: now.toISOString().slice(0, 10) };
  const content = signedContent(unsigned);
  return { ...unsigned, macKey: key.id, mac: await key.sign('case-deletion', content) };
}

/** Whether the receipt is the audit key's, for this case, and at or past the head an anchor recorded for it. */
export async function deletionReceiptHolds(
  keys: AuditMacKeys,
  caseId: string,
  receipt: CaseDeletionReceipt,
  anchoredSeq: number | null,
): Promise<boolean> {
  if (receipt.caseId !== caseId || (anchoredSeq !== null && receipt.seq < anchoredSeq)) return false;
  // Only the current key signs receipts: the pepper, which signed before it, never did.
  if (receipt.macKey !== keys.current.id) return false;
  return auditMacHolds(keys, receipt.macKey, 'case-deletion', signedContent(receipt), receipt.mac);
}
