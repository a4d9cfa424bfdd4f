// Anchors of the audit chains' heads, kept outside the case items. A case's chain proves its own history only back
// from the head its case item names: whoever may write the table can delete the newest events and roll that head
// back, and the shorter chain still verifies. An anchor records every case's head at one moment, in items no code
// path updates or deletes, each signed with the chain's own MAC key; a chain that now ends before the head an anchor
// recorded, or holds another event in that place, was cut.
//
// An anchor is one chunk per non-empty bucket (the first two characters of the case id, so a chunk stays small at
// a million cases) and one root listing each chunk's SHA-256, linked to the root before it.
import { createHash } from 'node:crypto';
import { type AuditEventRecord, type AuditVerdict, GENESIS_HASH, verifyAuditChain } from './auditChain.js';
import { type AuditMacKeys, auditMacHolds } from './auditMac.js';
import { CROCKFORD_ALPHABET } from '#contract/trackingCode.js';
import { canonicalJson } from './keyedHash.js';
import type { AuditMacKey } from './ports.js';

/** A case's audit head as the anchor job reads it from the case item. */
export interface AuditHead {
  caseId: string;
  seq: number;
  hash: string;
}

/** `[caseId, seq, hash]`: one case's head in a chunk. */
export type AnchoredHeadEntry = [caseId: string, seq: number, hash: string];

/** The heads of one bucket's cases at one moment, sorted by case id. */
export interface AnchorChunk {
  bucket: string;
  anchoredAt: string;
  heads: AnchoredHeadEntry[];
  /** The audit key that signed it (AuditMacKey.id); absent on chunks the pepper signed before that key. */
  macKey?: string;
  /** The audit MAC over bucket, anchoredAt, heads and macKey. */
  mac: string;
}

export interface AnchorRootEntry {
  bucket: string;
  /** SHA-256 of the chunk's signed content (chunkDigest). */
  digest: string;
  cases: number;
}

/** One anchor run: its chunks' digests, linked to the root before it. */
export interface AnchorRoot {
  /** 0 for the first root, then one more each run: two runs can never both follow the same root. */
  seq: number;
  anchoredAt: string;
  /** Sorted by bucket. */
  chunks: AnchorRootEntry[];
  cases: number;
  /** rootDigest of root seq − 1; GENESIS_HASH for the first. */
  previousDigest: string;
  /** The audit key that signed it (AuditMacKey.id); absent on roots the pepper signed before that key. */
  macKey?: string;
  /** The audit MAC over everything above. */
  mac: string;
}

/** The head an anchor recorded for one case. */
export interface AnchoredHead {
  anchoredAt: string;
  seq: number;
  hash: string;
}

/** Case ids are uniformly random (an HMAC in Crockford base32), so 1,024 buckets fill evenly. */
export const ANCHOR_BUCKET_LENGTH = 2;

export function anchorBucketOf(caseId: string): string {
  return caseId.slice(0, ANCHOR_BUCKET_LENGTH);
}

/** Every bucket a case id can fall in. */
export const ANCHOR_BUCKETS: readonly string[] = [...CROCKFORD_ALPHABET].flatMap((a) => [...CROCKFORD_ALPHABET].map((b) => a + b));

const sha256 = (content: string) => createHash('sha256').update(content).digest('hex');
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Without a macKey (the pepper's anchors), the content is exactly what it was before the audit key.
function chunkContent(chunk: Omit<AnchorChunk, 'mac'>): string {
  return canonicalJson({ bucket: chunk.bucket, anchoredAt: chunk.anchoredAt, heads: chunk.heads, macKey: chunk.macKey });
}

function rootContent(root: Omit<AnchorRoot, 'mac'>): string {
  const { seq, anchoredAt, chunks, cases, previousDigest, macKey } = root;
  return canonicalJson({ seq, anchoredAt, chunks, cases, previousDigest, macKey });
}

/** Chunks signed at once: a GenerateMac each when deployed, kept well below the key service's request rate. */
const PARALLEL_SIGNS = 16;

/** SHA-256 of a chunk's signed content: what its root lists. */
export function chunkDigest(chunk: Omit<AnchorChunk, 'mac'>): string {
  return sha256(chunkContent(chunk));
}

/**
 * SHA-256 of a root's signed content: what the next root links to, and what the job logs. Unkeyed, so the copy in
 * the log can be checked against the table by anyone, without the key.
 */
export function rootDigest(root: Omit<AnchorRoot, 'mac'>): string {
  return sha256(rootContent(root));
}

/**
 * The chunks of one anchor: one per bucket that has cases, heads sorted by case id. A scan is no snapshot: a case
 * whose index entry moves while it runs can be read twice, so each case keeps its newest head only.
 */
export async function anchorChunks(key: AuditMacKey, anchoredAt: string, heads: Iterable<AuditHead>): Promise<AnchorChunk[]> {
  const buckets = new Map<string, Map<string, AnchoredHeadEntry>>();
  for (const { caseId, seq, hash } of heads) {
    const bucket = anchorBucketOf(caseId);
    const entries = buckets.get(bucket) ?? new Map<string, AnchoredHeadEntry>();
    buckets.set(bucket, entries);
    const known = entries.get(caseId);
    if (!known || known[1] < seq) entries.set(caseId, [caseId, seq, hash]);
  }
  const unsigned = [...buckets.entries()]
    .sort(([a], [b]) => byString(a, b))
    .map(([bucket, entries]) => ({
      bucket,
      anchoredAt,
      heads: [...entries.values()].sort((a, b) => byString(a[0], b[0])),
      macKey: key.id,
    }));
  const chunks: AnchorChunk[] = [];
  for (let next = 0; next < unsigned.length; next += PARALLEL_SIGNS) {
    const batch = unsigned.slice(next, next + PARALLEL_SIGNS);
    const macs = await Promise.all(batch.map((chunk) => key.sign('audit-anchor-chunk', chunkContent(chunk))));
    chunks.push(...batch.map((chunk, i) => ({ ...chunk, mac: macs[i]! })));
  }
  return chunks;
}

/** The root over an anchor's chunks, following `previous` (null for the first anchor ever). */
export async function anchorRoot(
  key: AuditMacKey,
  anchoredAt: string,
  chunks: AnchorChunk[],
  previous: AnchorRoot | null,
): Promise<AnchorRoot> {
  const entries = chunks
    .map((c) => ({ bucket: c.bucket, digest: chunkDigest(c), cases: c.heads.length }))
    .sort((a, b) => byString(a.bucket, b.bucket));
  const unsigned = {
    seq: previous ? previous.seq + 1 : 0,
    anchoredAt,
    chunks: entries,
    cases: entries.reduce((sum, e) => sum + e.cases, 0),
    previousDigest: previous ? rootDigest(previous) : GENESIS_HASH,
    macKey: key.id,
  };
  return { ...unsigned, mac: await key.sign('audit-anchor-root', rootContent(unsigned)) };
}

export function chunkVerifies(keys: AuditMacKeys, chunk: AnchorChunk): Promise<boolean> {
  return auditMacHolds(keys, chunk.macKey, 'audit-anchor-chunk', chunkContent(chunk), chunk.mac);
}

export function rootVerifies(keys: AuditMacKeys, root: AnchorRoot): Promise<boolean> {
  return auditMacHolds(keys, root.macKey, 'audit-anchor-root', rootContent(root), root.mac);
}

/** How an anchor is named to people: `2026-12-01 03:00 UTC`. */
export function anchorName(anchoredAt: string): string {
  return `the anchor of ${anchoredAt.slice(0, 10)} ${anchoredAt.slice(11, 16)} UTC`;
}

/** The head a chunk recorded for the case, or null when the case is not in it. */
export function anchoredHeadIn(chunk: AnchorChunk, caseId: string): AnchoredHead | null {
  const entry = chunk.heads.find(([id]) => id === caseId);
  return entry ? { anchoredAt: chunk.anchoredAt, seq: entry[1], hash: entry[2] } : null;
}

/**
 * A chain that verifies on its own, judged against the head an anchor recorded: that event must still be in the
 * chain, with the same hash. Events after it are the chain's own business.
 */
export function judgeAgainstAnchor(events: AuditEventRecord[], anchored: AnchoredHead): AuditVerdict {
  const last = events.reduce((max, e) => Math.max(max, e.seq), -1);
  const name = anchorName(anchored.anchoredAt);
  if (last < anchored.seq) {
    return {
      verified: false,
      seq: last + 1,
      problem: `the chain was cut: ${name} recorded event #${anchored.seq}, the case now ends at #${last}`,
    };
  }
  const event = events.find((e) => e.seq === anchored.seq);
  if (!event || event.hash !== anchored.hash) {
    return {
      verified: false,
      seq: anchored.seq,
      problem: `the chain was cut and rewritten: event #${anchored.seq} is not the one ${name} recorded`,
    };
  }
  return { verified: true };
}

/** A case's chain on its own (verifyAuditChain), then against the head an anchor recorded for it, if any. */
export async function verifyAuditChainAgainst(
  keys: AuditMacKeys,
  events: AuditEventRecord[],
  head: { seq: number; hash: string },
  anchored: AnchoredHead | null,
): Promise<AuditVerdict> {
  const own = await verifyAuditChain(keys, events, head);
  return own.verified && anchored ? judgeAgainstAnchor(events, anchored) : own;
}

/**
 * A case's verdict against the newest anchor chunk of its bucket (null before the first anchor). A case not in that
 * chunk was filed after it, and verifies as its chain does; a chunk that fails its MAC vouches for nothing.
 */
export async function verifyAnchoredAuditChain(
  keys: AuditMacKeys,
  caseId: string,
  events: AuditEventRecord[],
  head: { seq: number; hash: string },
  chunk: AnchorChunk | null,
): Promise<AuditVerdict> {
  if (chunk && (chunk.bucket !== anchorBucketOf(caseId) || !(await chunkVerifies(keys, chunk)))) {
    const own = await verifyAuditChain(keys, events, head);
    if (!own.verified) return own;
    return {
      verified: false,
      seq: null,
      problem: `${anchorName(chunk.anchoredAt)} for this case was altered, so the chain cannot be checked against it`,
    };
  }
  return verifyAuditChainAgainst(keys, events, head, chunk ? anchoredHeadIn(chunk, caseId) : null);
}
