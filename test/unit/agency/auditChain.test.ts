import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditAction,
  type AuditEventInput,
  type AuditEventRecord,
  GENESIS_HASH,
  auditEventContent,
  nextAuditEvent,
  verifyAuditChain,
} from '#core/auditChain.js';
import { type AuditMacKeys, legacyPepperMac } from '#core/auditMac.js';
import type { AuditMacKey } from '#core/ports.js';
import { legacyAuditChain } from '../support/legacyAudit.js';
import { OTHER_AUDIT_KEY, OTHER_PEPPER, TEST_AUDIT_KEY, TEST_AUDIT_KEYS, TEST_PEPPER } from '../support/memoryPorts.js';

const CASE_ID = '0123456789ABCDEFGHJK';

const INPUTS: AuditEventInput[] = [
  {
    at: '2026-10-15T03:00:00.000Z',
    actor: 'whistleblower',
    action: 'report.received',
    details: { organizationId: 'kr-molit', routingRuleId: 'budget-waste-to-reported-organization' },
  },
  { at: '2026-10-15T04:00:00.000Z', actor: 'handler@kr-molit', action: 'case.viewed', details: { access: 'owner' } },
  {
    at: '2026-10-15T05:00:00.000Z',
    actor: 'handler@kr-molit',
    action: 'case.status_changed',
    details: { from: 'received', to: 'acknowledged' },
  },
  { at: '2026-10-16T01:00:00.000Z', actor: 'handler@kr-molit', action: 'case.message_sent', details: { messageId: 'M1' } },
  {
    at: '2026-10-23T03:00:00.000Z',
    actor: 'system:deadline-sweep',
    action: 'deadline.missed',
    details: { deadline: 'respond', due: '2026-10-22T03:00:00.000Z', escalatedTo: 'kr-acrc' },
  },
];

async function chain(key: AuditMacKey = TEST_AUDIT_KEY, inputs: AuditEventInput[] = INPUTS, from: AuditEventRecord[] = []) {
  const events = [...from];
  for (const input of inputs) events.push(await nextAuditEvent(key, CASE_ID, events.at(-1) ?? null, input));
  return events;
}

const verify = (events: AuditEventRecord[], head: { seq: number; hash: string }, keys: AuditMacKeys = TEST_AUDIT_KEYS) =>
  verifyAuditChain(keys, events, head);

const headOf = (events: AuditEventRecord[]) => ({ seq: events.at(-1)!.seq, hash: events.at(-1)!.hash });

/** Another hex digit in the same place. */
const flipHex = (hex: string, at: number) => hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);

const ACTIONS: AuditAction[] = [
  'report.received',
  'case.viewed',
  'case.status_changed',
  'case.note_added',
  'case.message_sent',
  'case.transferred',
  'attachment.downloaded',
  'deadline.missed',
];

/** One way of editing one field of an event, after the fact. */
const tampering: fc.Arbitrary<{ field: string; edit: (e: AuditEventRecord) => AuditEventRecord }> = fc.oneof(
  fc.constant({ field: 'caseId', edit: (e: AuditEventRecord) => ({ ...e, caseId: `${e.caseId.slice(0, -1)}M` }) }),
  fc
    .integer({ min: 1, max: 100 * 86_400_000 })
    .map((ms) => ({ field: 'at', edit: (e: AuditEventRecord) => ({ ...e, at: new Date(Date.parse(e.at) - ms).toISOString() }) })),
  fc.string({ minLength: 1, maxLength: 8 }).map((s) => ({ field: 'actor', edit: (e: AuditEventRecord) => ({ ...e, actor: e.actor + s }) })),
  fc.constantFrom(...ACTIONS).map((action) => ({
    field: 'action',
    edit: (e: AuditEventRecord) => ({
      ...e,
      action: action === e.action ? (e.action === 'case.viewed' ? 'case.note_added' : 'case.viewed') : action,
    }),
  })),
  fc
    .string({ maxLength: 8 })
    .map((s) => ({ field: 'details (new entry)', edit: (e: AuditEventRecord) => ({ ...e, details: { ...e.details, extra: s } }) })),
  fc.string({ minLength: 1, maxLength: 8 }).map((s) => ({
    field: 'details (changed value)',
    edit: (e: AuditEventRecord) => {
      const [key, value] = Object.entries(e.details)[0]!;
      return { ...e, details: { ...e.details, [key]: value + s } };
    },
  })),
  fc.constant({
    field: 'details (removed entry)',
    edit: (e: AuditEventRecord) => ({ ...e, details: Object.fromEntries(Object.entries(e.details).slice(1)) }),
  }),
  fc
    .integer({ min: 0, max: 63 })
    .map((at) => ({ field: 'previousHash', edit: (e: AuditEventRecord) => ({ ...e, previousHash: flipHex(e.previousHash, at) }) })),
  fc.integer({ min: 0, max: 63 }).map((at) => ({ field: 'hash', edit: (e: AuditEventRecord) => ({ ...e, hash: flipHex(e.hash, at) }) })),
  fc.integer({ min: 1, max: 10 }).map((by) => ({ field: 'seq', edit: (e: AuditEventRecord) => ({ ...e, seq: e.seq + by }) })),
  // Which key signed: naming another, or none (the pepper), or the audit key on an event the pepper signed.
  fc.constantFrom('local', 'kms', undefined).map((macKey) => ({
    field: 'macKey',
    edit: (e: AuditEventRecord) => ({ ...e, macKey: macKey === e.macKey ? (e.macKey ? undefined : 'local') : macKey }),
  })),
);

describe('nextAuditEvent', () => {
  it('starts a chain at seq 0 from the genesis hash', async () => {
    const first = await nextAuditEvent(TEST_AUDIT_KEY, CASE_ID, null, INPUTS[0]!);
    expect(first).toEqual({
      caseId: CASE_ID,
      seq: 0,
      previousHash: GENESIS_HASH,
      ...INPUTS[0]!,
      macKey: TEST_AUDIT_KEY.id,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    const { hash, ...unsigned } = first;
    expect(hash).toBe(await TEST_AUDIT_KEY.sign('audit-event', auditEventContent(unsigned)));
  });

  it('links each event to the one before it', async () => {
    const events = await chain();
    expect(events.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    for (let i = 1; i < events.length; i++) expect(events[i]!.previousHash).toBe(events[i - 1]!.hash);
    expect(new Set(events.map((e) => e.hash)).size).toBe(events.length);
  });

  it('hashes under the audit key: the same event under another key has another hash', async () => {
    expect((await nextAuditEvent(OTHER_AUDIT_KEY, CASE_ID, null, INPUTS[0]!)).hash).not.toBe(
      (await nextAuditEvent(TEST_AUDIT_KEY, CASE_ID, null, INPUTS[0]!)).hash,
    );
  });

  it('does not depend on the order of the details entries', async () => {
    const a = await nextAuditEvent(TEST_AUDIT_KEY, CASE_ID, null, { ...INPUTS[2]!, details: { from: 'received', to: 'acknowledged' } });
    const b = await nextAuditEvent(TEST_AUDIT_KEY, CASE_ID, null, { ...INPUTS[2]!, details: { to: 'acknowledged', from: 'received' } });
    expect(a.hash).toBe(b.hash);
  });
});

describe('verifyAuditChain', () => {
  it('verifies a chain built event by event, whatever order the events are listed in', async () => {
    const events = await chain();
    expect(await verify(events, headOf(events))).toEqual({ verified: true });
    expect(await verify([...events].reverse(), headOf(events))).toEqual({ verified: true });
    const one = await chain(TEST_AUDIT_KEY, INPUTS.slice(0, 1));
    expect(await verify(one, headOf(one))).toEqual({ verified: true });
  });

  it('catches a change to any field of any event, and names that event', async () => {
    const events = await chain();
    const head = headOf(events);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: INPUTS.length - 1 }), tampering, async (index, { edit }) => {
        const tampered = events.map((e, i) => (i === index ? edit(e) : e));
        const verdict = await verify(tampered, head);
        expect(verdict).toMatchObject({ verified: false, seq: index });
        expect(verdict.verified ? '' : verdict.problem).toContain(`#${index}`);
      }),
      { numRuns: 300 },
    );
  });

  it('catches an edit of the newest event even when the head is recomputed without the audit key', async () => {
    const events = await chain();
    const last = events.at(-1)!;
    const forged = { ...last, details: { ...last.details, escalatedTo: 'nobody' } };
    const { hash: _hash, ...unsigned } = forged;
    forged.hash = await OTHER_AUDIT_KEY.sign('audit-event', auditEventContent(unsigned));
    const verdict = await verify([...events.slice(0, -1), forged], { seq: forged.seq, hash: forged.hash });
    expect(verdict).toMatchObject({ verified: false, seq: 4 });
  });

  it('catches a lowered sequence number, too', async () => {
    const events = await chain();
    const tampered = events.map((e) => (e.seq === 3 ? { ...e, seq: 1 } : e));
    expect((await verify(tampered, headOf(events))).verified).toBe(false);
  });

  it('catches the newest event removed: the case head still names it', async () => {
    const events = await chain();
    const verdict = await verify(events.slice(0, -1), headOf(events));
    expect(verdict).toMatchObject({ verified: false, seq: 4 });
    expect(verdict.verified ? '' : verdict.problem).toMatch(/removed/);
  });

  it('catches a middle event removed', async () => {
    const events = await chain();
    const verdict = await verify(
      events.filter((e) => e.seq !== 2),
      headOf(events),
    );
    expect(verdict).toMatchObject({ verified: false, seq: 2 });
    expect(verdict.verified ? '' : verdict.problem).toMatch(/#2 is missing/);
  });

  it('catches the first event removed, and an empty chain', async () => {
    const events = await chain();
    expect(await verify(events.slice(1), headOf(events))).toMatchObject({ verified: false, seq: 0 });
    expect(await verify([], headOf(events))).toMatchObject({ verified: false, seq: 0 });
  });

  it('catches two events swapped in history (their sequence numbers exchanged)', async () => {
    const events = await chain();
    const swapped = events.map((e) => (e.seq === 1 ? { ...e, seq: 2 } : e.seq === 2 ? { ...e, seq: 1 } : e));
    expect(await verify(swapped, headOf(events))).toMatchObject({ verified: false, seq: 1 });
  });

  it('catches a chain rebuilt with the events in another order', async () => {
    const events = await chain();
    const reordered = await chain(TEST_AUDIT_KEY, [INPUTS[0]!, INPUTS[2]!, INPUTS[1]!, INPUTS[3]!, INPUTS[4]!]);
    // Internally consistent, but not the history the case's head points at.
    expect(await verify(reordered, headOf(events))).toMatchObject({ verified: false, seq: 5 });
  });

  it('catches a head that does not match the chain', async () => {
    const events = await chain();
    const head = headOf(events);
    expect(await verify(events, { ...head, hash: flipHex(head.hash, 0) })).toMatchObject({ verified: false, seq: 5 });
    expect(await verify(events, { ...head, seq: 5 })).toMatchObject({ verified: false, seq: 5 });
    expect(await verify(events, { ...head, seq: 3 })).toMatchObject({ verified: false });
  });

  it('catches events appended after the head', async () => {
    const events = await chain();
    const head = headOf(events.slice(0, 3));
    expect(await verify(events, head)).toMatchObject({ verified: false });
  });

  it('rejects a chain built under another key', async () => {
    const foreign = await chain(OTHER_AUDIT_KEY);
    expect(await verify(foreign, headOf(foreign), { ...TEST_AUDIT_KEYS, current: OTHER_AUDIT_KEY })).toEqual({ verified: true });
    const verdict = await verify(foreign, headOf(foreign));
    expect(verdict).toMatchObject({ verified: false, seq: 0 });
    expect(verdict.verified ? '' : verdict.problem).toMatch(/altered/);
  });

  it('rejects an event that names a key the check does not hold', async () => {
    const events = await chain(OTHER_AUDIT_KEY);
    const renamed = events.map((e) => ({ ...e, macKey: 'kms-retired' }));
    const verdict = await verify(renamed, headOf(renamed), { ...TEST_AUDIT_KEYS, current: OTHER_AUDIT_KEY });
    expect(verdict).toMatchObject({ verified: false, seq: 0 });
  });
});

describe('verifyAuditChain across the move from the pepper to the audit key', () => {
  const legacy = () => legacyAuditChain(TEST_PEPPER, CASE_ID, INPUTS.slice(0, 3));

  it('verifies a chain the pepper signed before the audit key, as it was stored', async () => {
    const events = legacy();
    expect(events.every((e) => e.macKey === undefined)).toBe(true);
    expect(await verify(events, headOf(events))).toEqual({ verified: true });
    // Under another pepper it does not: the old events are checked with the pepper, not waved through.
    expect(await verify(events, headOf(events), { ...TEST_AUDIT_KEYS, legacy: legacyPepperMac(OTHER_PEPPER) })).toMatchObject({
      verified: false,
      seq: 0,
    });
  });

  it('verifies a chain begun under the pepper and continued under the audit key', async () => {
    const events = await chain(TEST_AUDIT_KEY, INPUTS.slice(3), legacy());
    expect(events.map((e) => e.macKey)).toEqual([undefined, undefined, undefined, TEST_AUDIT_KEY.id, TEST_AUDIT_KEY.id]);
    expect(await verify(events, headOf(events))).toEqual({ verified: true });
  });

  it('names a tampered event in either part of such a chain', async () => {
    const events = await chain(TEST_AUDIT_KEY, INPUTS.slice(3), legacy());
    const head = headOf(events);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: events.length - 1 }), tampering, async (index, { edit }) => {
        const verdict = await verify(
          events.map((e, i) => (i === index ? edit(e) : e)),
          head,
        );
        expect(verdict).toMatchObject({ verified: false, seq: index });
        expect(verdict.verified ? '' : verdict.problem).toContain(`#${index}`);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses an event the pepper signed after one the audit key signed: the pepper cannot extend a chain that moved on', async () => {
    const moved = await chain(TEST_AUDIT_KEY, INPUTS.slice(3, 4), legacy());
    const extended = legacyAuditChain(TEST_PEPPER, CASE_ID, INPUTS.slice(4), moved);
    const verdict = await verify(extended, headOf(extended));
    expect(verdict).toMatchObject({ verified: false, seq: 4 });
    expect(verdict.verified ? '' : verdict.problem).toMatch(/#4 .*signed with the pepper after the audit key/);
  });

  it('refuses an event of the audit key stripped of its marker to pass as the pepper’s', async () => {
    const events = await chain(TEST_AUDIT_KEY, INPUTS.slice(3), legacy());
    const stripped = events.map(({ macKey, ...e }) => (e.seq === 4 ? e : { ...e, macKey }));
    expect(await verify(stripped, headOf(events))).toMatchObject({ verified: false, seq: 4 });
  });
});
