// Audit events and anchors as the pepper signed them before the audit MAC key (functions/core/auditMac.ts): no
// `macKey`, and HMAC-SHA256(pepper, label NUL canonical content) as the hash. Built here the way the code did then,
// to test that such chains keep verifying, alone and continued under the audit key.
import { type AnchorChunk, type AnchorRoot, type AuditHead, chunkDigest, rootDigest } from '#core/auditAnchor.js';
import { type AuditEventInput, type AuditEventRecord, GENESIS_HASH } from '#core/auditChain.js';
import { canonicalJson, keyedHash } from '#core/keyedHash.js';

export function legacyAuditEvent(
  pepper: Uint8Array,
  caseId: string,
  head: { seq: number; hash: string } | null,
  input: AuditEventInput,
): AuditEventRecord {
  const unsigned = { caseId, seq: head ? head.seq + 1 : 0, previousHash: head ? head.hash : GENESIS_HASH, ...input };
  const { seq, at, actor, action, details, previousHash } = unsigned;
  const content = canonicalJson({ caseId, seq, at, actor, action, details, previousHash });
  return { ...unsigned, hash: keyedHash(pepper, 'audit-event', content).toString('hex') };
}

/** A chain of `inputs` under the pepper, continuing `from` (empty for a new case). */
export function legacyAuditChain(pepper: Uint8Array, caseId: string, inputs: AuditEventInput[], from: AuditEventRecord[] = []) {
  const events = [...from];
  for (const input of inputs) events.push(legacyAuditEvent(pepper, caseId, events.at(-1) ?? null, input));
  return events;
}

/** One bucket's chunk as the pepper signed it. */
export function legacyAnchorChunk(pepper: Uint8Array, bucket: string, anchoredAt: string, heads: AuditHead[]): AnchorChunk {
  const entries = heads
    .map((h): [string, number, string] => [h.caseId, h.seq, h.hash])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const content = canonicalJson({ bucket, anchoredAt, heads: entries });
  return { bucket, anchoredAt, heads: entries, mac: keyedHash(pepper, 'audit-anchor-chunk', content).toString('hex') };
}

/** The root over legacy chunks, as the pepper signed it, following `previous` (null for the first). */
export function legacyAnchorRoot(pepper: Uint8Array, anchoredAt: string, chunks: AnchorChunk[], previous: AnchorRoot | null): AnchorRoot {
  const entries = chunks.map((c) => ({ bucket: c.bucket, digest: chunkDigest(c), cases: c.heads.length }));
  const unsigned = {
    seq: previous ? previous.seq + 1 : 0,
    anchoredAt,
    chunks: entries,
    cases: entries.reduce((sum, e) => sum + e.cases, 0),
    previousDigest: previous ? rootDigest(previous) : GENESIS_HASH,
  };
  return { ...unsigned, mac: keyedHash(pepper, 'audit-anchor-root', canonicalJson(unsigned)).toString('hex') };
}
