import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANCHOR_BUCKETS,
  type AnchorChunk,
  type AuditHead,
  anchorBucketOf,
  anchorChunks,
  anchorName,
  anchorRoot,
  chunkDigest,
  chunkVerifies,
  judgeAgainstAnchor,
  rootDigest,
  rootVerifies,
  verifyAnchoredAuditChain,
} from '#core/auditAnchor.js';
import { type AuditEventInput, type AuditEventRecord, GENESIS_HASH, nextAuditEvent } from '#core/auditChain.js';
import { canonicalJson } from '#core/keyedHash.js';
import { legacyAnchorChunk, legacyAuditChain } from '../support/legacyAudit.js';
import { OTHER_AUDIT_KEY, TEST_AUDIT_KEY, TEST_AUDIT_KEYS, TEST_PEPPER } from '../support/memoryPorts.js';

const CASE_ID = 'K7QR2M4X9TBN6WZ3PH8D';
const ANCHORED_AT = '2026-12-01T03:00:00.000Z';
const START = Date.parse('2026-11-20T09:00:00.000Z');

/** The i-th event a handler makes; `actor` tells a regrown chain from the original. */
const input = (i: number, actor = 'handler@kr-molit'): AuditEventInput =>
  i === 0
    ? { at: new Date(START).toISOString(), actor: 'whistleblower', action: 'report.received', details: { organizationId: 'kr-molit' } }
    : { at: new Date(START + i * 3_600_000).toISOString(), actor, action: 'case.viewed', details: { access: 'owner' } };

async function chain(length: number, caseId = CASE_ID): Promise<AuditEventRecord[]> {
  const events: AuditEventRecord[] = [];
  for (let i = 0; i < length; i++) events.push(await nextAuditEvent(TEST_AUDIT_KEY, caseId, events.at(-1) ?? null, input(i)));
  return events;
}

/** More events after `events`, by someone else. */
async function regrow(events: AuditEventRecord[], count: number, caseId = CASE_ID): Promise<AuditEventRecord[]> {
  const grown = [...events];
  for (let i = 0; i < count; i++)
    grown.push(await nextAuditEvent(TEST_AUDIT_KEY, caseId, grown.at(-1) ?? null, input(events.length + i, 'intruder@kr-molit')));
  return grown;
}

const headOf = (events: AuditEventRecord[]) => ({ seq: events.at(-1)!.seq, hash: events.at(-1)!.hash });
const headsOf = (caseId: string, events: AuditEventRecord[]): AuditHead => ({ caseId, ...headOf(events) });
const head = (caseId: string, seq: number): AuditHead => ({ caseId, seq, hash: seq.toString(16).padStart(64, 'e') });

/** The chunk an anchor of these cases would hold for CASE_ID's bucket. */
async function chunkFor(cases: Record<string, AuditEventRecord[]>, anchoredAt = ANCHORED_AT): Promise<AnchorChunk> {
  const chunks = await anchorChunks(
    TEST_AUDIT_KEY,
    anchoredAt,
    Object.entries(cases).map(([id, events]) => headsOf(id, events)),
  );
  return chunks.find((c) => c.bucket === anchorBucketOf(CASE_ID))!;
}

describe('anchorChunks', () => {
  it('puts each case in the bucket of its first two characters, one chunk per non-empty bucket, heads sorted', async () => {
    const heads: AuditHead[] = [
      { caseId: 'K7ZZZZZZZZZZZZZZZZZZ', seq: 3, hash: 'c'.repeat(64) },
      { caseId: '0AAAAAAAAAAAAAAAAAAA', seq: 0, hash: 'a'.repeat(64) },
      { caseId: 'K7AAAAAAAAAAAAAAAAAA', seq: 12, hash: 'b'.repeat(64) },
    ];
    const chunks = await anchorChunks(TEST_AUDIT_KEY, ANCHORED_AT, heads);
    expect(chunks.map((c) => c.bucket)).toEqual(['0A', 'K7']);
    expect(chunks[1]).toMatchObject({
      bucket: 'K7',
      anchoredAt: ANCHORED_AT,
      heads: [
        ['K7AAAAAAAAAAAAAAAAAA', 12, 'b'.repeat(64)],
        ['K7ZZZZZZZZZZZZZZZZZZ', 3, 'c'.repeat(64)],
      ],
    });
    for (const chunk of chunks) expect(await chunkVerifies(TEST_AUDIT_KEYS, chunk)).toBe(true);
    expect(await anchorChunks(TEST_AUDIT_KEY, ANCHORED_AT, [])).toEqual([]);
  });

  it('keeps one head per case, the newest, when a scan read a case twice (its index entry moved during the scan)', async () => {
    const twice = [head('K7QR2M4X9TBN6WZ3PH8D', 5), head('K7QR2M4X9TBN6WZ3PH8D', 6), head('K7QR2M4X9TBN6WZ3PH8D', 4)];
    expect((await anchorChunks(TEST_AUDIT_KEY, ANCHORED_AT, twice))[0]!.heads).toEqual([['K7QR2M4X9TBN6WZ3PH8D', 6, twice[1]!.hash]]);
  });

  it('signs bucket, moment and heads with the audit MAC under its own label', async () => {
    const [chunk] = await anchorChunks(TEST_AUDIT_KEY, ANCHORED_AT, [headsOf(CASE_ID, await chain(3))]);
    const { mac, ...unsigned } = chunk!;
    expect(unsigned.macKey).toBe(TEST_AUDIT_KEY.id);
    expect(mac).toBe(await TEST_AUDIT_KEY.sign('audit-anchor-chunk', canonicalJson(unsigned)));
    expect(mac).not.toBe(await TEST_AUDIT_KEY.sign('audit-event', canonicalJson(unsigned)));
  });

  it('has 1,024 buckets, one for every pair of Crockford characters a case id starts with', async () => {
    expect(ANCHOR_BUCKETS).toHaveLength(1024);
    expect(new Set(ANCHOR_BUCKETS).size).toBe(1024);
    expect(ANCHOR_BUCKETS).toContain(anchorBucketOf(CASE_ID));
    expect(ANCHOR_BUCKETS.every((b) => /^[0-9A-HJKMNP-TV-Z]{2}$/.test(b))).toBe(true);
  });
});

describe('chunkVerifies', () => {
  const chunk = async () => await chunkFor({ [CASE_ID]: await chain(5), K7AAAAAAAAAAAAAAAAAA: await chain(2, 'K7AAAAAAAAAAAAAAAAAA') });
  it.each<[string, (c: AnchorChunk, otherMac: string) => AnchorChunk]>([
    ['a head rolled back', (c) => ({ ...c, heads: c.heads.map(([id, seq, hash]) => [id, id === CASE_ID ? seq - 2 : seq, hash]) })],
    ['a head removed', (c) => ({ ...c, heads: c.heads.slice(1) })],
    [
      'another hash',
      (c) => ({
        ...c,
        heads: c.heads.map(([id, seq, hash]) => [id, seq, id === CASE_ID ? hash.replace(/^./, hash[0] === '0' ? '1' : '0') : hash]),
      }),
    ],
    ['another moment', (c) => ({ ...c, anchoredAt: '2026-12-02T03:00:00.000Z' })],
    ['another bucket', (c) => ({ ...c, bucket: '00' })],
    ['a MAC under another key', (c, otherMac) => ({ ...c, mac: otherMac })],
    ['another key named', (c) => ({ ...c, macKey: 'kms' })],
    ['no key named (passing for the pepper’s)', ({ macKey: _key, ...c }) => c],
  ])('refuses a chunk with %s', async (_what, edit) => {
    const signed = await chunk();
    const mac = (
      await anchorChunks(
        OTHER_AUDIT_KEY,
        signed.anchoredAt,
        signed.heads.map(([caseId, seq, hash]) => ({ caseId, seq, hash })),
      )
    )[0]!.mac;
    expect(await chunkVerifies(TEST_AUDIT_KEYS, signed)).toBe(true);
    expect(await chunkVerifies(TEST_AUDIT_KEYS, edit(signed, mac))).toBe(false);
  });

  it('verifies a chunk the pepper signed before the audit key, and refuses it edited', async () => {
    const events = legacyAuditChain(TEST_PEPPER, CASE_ID, [input(0), input(1)]);
    const legacy = legacyAnchorChunk(TEST_PEPPER, 'K7', ANCHORED_AT, [headsOf(CASE_ID, events)]);
    expect(await chunkVerifies(TEST_AUDIT_KEYS, legacy)).toBe(true);
    expect(await chunkVerifies(TEST_AUDIT_KEYS, { ...legacy, heads: [] })).toBe(false);
  });
});

const chunks = await anchorChunks(TEST_AUDIT_KEY, ANCHORED_AT, [
  headsOf(CASE_ID, await chain(4)),
  headsOf('00AAAAAAAAAAAAAAAAAA', await chain(1, '00AAAAAAAAAAAAAAAAAA')),
]);

describe('anchorRoot', () => {
  it('lists each chunk’s SHA-256 and count, starts at #0 from the genesis hash, and verifies', async () => {
    const root = await anchorRoot(TEST_AUDIT_KEY, ANCHORED_AT, chunks, null);
    expect(root).toMatchObject({
      seq: 0,
      anchoredAt: ANCHORED_AT,
      cases: 2,
      previousDigest: GENESIS_HASH,
      chunks: [
        { bucket: '00', digest: chunkDigest(chunks[0]!), cases: 1 },
        { bucket: 'K7', digest: chunkDigest(chunks[1]!), cases: 1 },
      ],
    });
    expect(chunkDigest(chunks[0]!)).toMatch(/^[0-9a-f]{64}$/);
    expect(await rootVerifies(TEST_AUDIT_KEYS, root)).toBe(true);
    expect(await rootVerifies({ ...TEST_AUDIT_KEYS, current: OTHER_AUDIT_KEY }, root)).toBe(false);
  });

  it('links each root to the digest of the one before, so the roots form a chain too', async () => {
    const first = await anchorRoot(TEST_AUDIT_KEY, ANCHORED_AT, chunks, null);
    const second = await anchorRoot(TEST_AUDIT_KEY, '2026-12-02T03:00:00.000Z', [], first);
    expect(second).toMatchObject({ seq: 1, previousDigest: rootDigest(first), cases: 0, chunks: [] });
    expect(await rootVerifies(TEST_AUDIT_KEYS, second)).toBe(true);
    expect(rootDigest(second)).not.toBe(rootDigest(first));
  });

  it('refuses a root whose content changed after signing', async () => {
    const root = await anchorRoot(TEST_AUDIT_KEY, ANCHORED_AT, chunks, null);
    expect(await rootVerifies(TEST_AUDIT_KEYS, { ...root, cases: 1 })).toBe(false);
    expect(await rootVerifies(TEST_AUDIT_KEYS, { ...root, chunks: root.chunks.slice(1) })).toBe(false);
    expect(await rootVerifies(TEST_AUDIT_KEYS, { ...root, previousDigest: 'f'.repeat(64) })).toBe(false);
    expect(await rootVerifies(TEST_AUDIT_KEYS, { ...root, seq: 1 })).toBe(false);
  });
});

describe('judging a chain against its anchor', () => {
  it('names the anchor by its day and minute, in UTC', async () => {
    expect(anchorName(ANCHORED_AT)).toBe('the anchor of 2026-12-01 03:00 UTC');
  });

  it('verifies a chain that went on after the anchor, and one that stands where the anchor saw it', async () => {
    const events = await chain(8);
    const chunk = await chunkFor({ [CASE_ID]: events.slice(0, 5) });
    expect(await verifyAnchoredAuditChain(TEST_AUDIT_KEYS, CASE_ID, events, headOf(events), chunk)).toEqual({ verified: true });
    const still = events.slice(0, 5);
    expect(await verifyAnchoredAuditChain(TEST_AUDIT_KEYS, CASE_ID, still, headOf(still), chunk)).toEqual({ verified: true });
  });

  it('catches the newest events deleted with the case head rolled back, which the chain alone accepts', async () => {
    const events = await chain(8);
    const chunk = await chunkFor({ [CASE_ID]: events });
    const cut = events.slice(0, 5);
    expect(await verifyAnchoredAuditChain(TEST_AUDIT_KEYS, CASE_ID, cut, headOf(cut), null)).toEqual({ verified: true });
    expect(await verifyAnchoredAuditChain(TEST_AUDIT_KEYS, CASE_ID, cut, headOf(cut), chunk)).toEqual({
      verified: false,
      seq: 5,
      problem: 'the chain was cut: the anchor of 2026-12-01 03:00 UTC recorded event #7, the case now ends at #4',
    });
  });

  it('catches a cut chain grown back past the anchored event', async () => {
    const events = await chain(6);
    const chunk = await chunkFor({ [CASE_ID]: events });
    const regrown = await regrow(events.slice(0, 3), 5);
    expect(await verifyAnchoredAuditChain(TEST_AUDIT_KEYS, CASE_ID, regrown, headOf(regrown), chunk)).toEqual({
      verified: false,
      seq: 5,
      problem: 'the chain was cut and rewritten: event #5 is not the one the anchor of 2026-12-01 03:00 UTC recorded',
    });
  });

  it('lets the chain’s own verdict come first', async () => {
    const events = await chain(6);
    const chunk = await chunkFor({ [CASE_ID]: events });
    const edited = events.map((e) => (e.seq === 2 ? { ...e, actor: 'nobody' } : e));
    expect(await verifyAnchoredAuditChain(TEST_AUDIT_KEYS, CASE_ID, edited, headOf(events), chunk)).toMatchObject({
      verified: false,
      seq: 2,
      problem: expect.stringMatching(/#2 .*altered/),
    });
  });

  it('verifies a case the anchor does not know (filed since) as its chain does', async () => {
    const events = await chain(3);
    const chunk = await chunkFor({ K7AAAAAAAAAAAAAAAAAA: await chain(9, 'K7AAAAAAAAAAAAAAAAAA') });
    expect(await verifyAnchoredAuditChain(TEST_AUDIT_KEYS, CASE_ID, events, headOf(events), chunk)).toEqual({ verified: true });
  });

  it('refuses to vouch with an altered chunk, or another bucket’s', async () => {
    const events = await chain(6);
    const chunk = await chunkFor({ [CASE_ID]: events });
    const rolledBack: AnchorChunk = { ...chunk, heads: chunk.heads.map(([id, ,]) => [id, 2, events[2]!.hash]) };
    expect(await verifyAnchoredAuditChain(TEST_AUDIT_KEYS, CASE_ID, events, headOf(events), rolledBack)).toEqual({
      verified: false,
      seq: null,
      problem: 'the anchor of 2026-12-01 03:00 UTC for this case was altered, so the chain cannot be checked against it',
    });
    const elsewhere = (
      await anchorChunks(TEST_AUDIT_KEY, ANCHORED_AT, [headsOf('00AAAAAAAAAAAAAAAAAA', await chain(1, '00AAAAAAAAAAAAAAAAAA'))])
    )[0]!;
    expect(await verifyAnchoredAuditChain(TEST_AUDIT_KEYS, CASE_ID, events, headOf(events), elsewhere)).toMatchObject({
      verified: false,
      seq: null,
    });
  });

  it('judges by the anchored event itself, whatever order the events come in', async () => {
    const events = await chain(5);
    expect(judgeAgainstAnchor([...events].reverse(), { anchoredAt: ANCHORED_AT, seq: 4, hash: events[4]!.hash })).toEqual({
      verified: true,
    });
    expect(judgeAgainstAnchor(events, { anchoredAt: ANCHORED_AT, seq: 4, hash: events[3]!.hash })).toMatchObject({
      verified: false,
      seq: 4,
    });
  });

  it('catches any truncation of an anchored chain, with the head rolled back and the chain grown again or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 12 }).chain((length) =>
          fc.record({
            length: fc.constant(length),
            // The anchor saw the chain at some event after the first, and the chain may have gone on after it.
            anchoredSeq: fc.integer({ min: 1, max: length - 1 }),
            later: fc.integer({ min: 0, max: 4 }),
            keep: fc.nat(),
            regrowBy: fc.integer({ min: 0, max: 8 }),
          }),
        ),
        async ({ length, anchoredSeq, later, keep, regrowBy }) => {
          const anchoredChain = await chain(length);
          const chunk = await chunkFor({ [CASE_ID]: anchoredChain.slice(0, anchoredSeq + 1) });
          const full = [...anchoredChain, ...(await regrow(anchoredChain, later)).slice(length)];
          expect(await verifyAnchoredAuditChain(TEST_AUDIT_KEYS, CASE_ID, full, headOf(full), chunk)).toEqual({ verified: true });
          // Keep the first `kept` events (at least the report itself, never the anchored one), roll the head back to
          // the last kept, maybe grow the chain again.
          const kept = 1 + (keep % anchoredSeq);
          const tampered = await regrow(full.slice(0, kept), regrowBy);
          const verdict = await verifyAnchoredAuditChain(TEST_AUDIT_KEYS, CASE_ID, tampered, headOf(tampered), chunk);
          expect(verdict.verified).toBe(false);
          expect(verdict.verified ? '' : verdict.problem).toMatch(/^the chain was cut/);
          expect(verdict.verified ? '' : verdict.problem).toContain(`event #${anchoredSeq}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
