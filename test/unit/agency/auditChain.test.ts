import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditAction,
  type AuditEventInput,
  type AuditEventRecord,
  GENESIS_HASH,
  auditEventHash,
  nextAuditEvent,
  verifyAuditChain,
} from '#core/auditChain.js';
import { OTHER_PEPPER, TEST_PEPPER } from '../support/memoryPorts.js';

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

function chain(pepper: Uint8Array = TEST_PEPPER, inputs: AuditEventInput[] = INPUTS): AuditEventRecord[] {
  const events: AuditEventRecord[] = [];
  for (const input of inputs) events.push(nextAuditEvent(pepper, CASE_ID, events.at(-1) ?? null, input));
  return events;
}

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
);

describe('nextAuditEvent', () => {
  it('starts a chain at seq 0 from the genesis hash', () => {
    const first = nextAuditEvent(TEST_PEPPER, CASE_ID, null, INPUTS[0]!);
    expect(first).toEqual({
      caseId: CASE_ID,
      seq: 0,
      previousHash: GENESIS_HASH,
      ...INPUTS[0]!,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    const { hash, ...unsigned } = first;
    expect(hash).toBe(auditEventHash(TEST_PEPPER, unsigned));
  });

  it('links each event to the one before it', () => {
    const events = chain();
    expect(events.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    for (let i = 1; i < events.length; i++) expect(events[i]!.previousHash).toBe(events[i - 1]!.hash);
    expect(new Set(events.map((e) => e.hash)).size).toBe(events.length);
  });

  it('hashes under the pepper: the same event under another pepper has another hash', () => {
    expect(nextAuditEvent(OTHER_PEPPER, CASE_ID, null, INPUTS[0]!).hash).not.toBe(
      nextAuditEvent(TEST_PEPPER, CASE_ID, null, INPUTS[0]!).hash,
    );
  });

  it('does not depend on the order of the details entries', () => {
    const a = nextAuditEvent(TEST_PEPPER, CASE_ID, null, { ...INPUTS[2]!, details: { from: 'received', to: 'acknowledged' } });
    const b = nextAuditEvent(TEST_PEPPER, CASE_ID, null, { ...INPUTS[2]!, details: { to: 'acknowledged', from: 'received' } });
    expect(a.hash).toBe(b.hash);
  });
});

describe('verifyAuditChain', () => {
  it('verifies a chain built event by event, whatever order the events are listed in', () => {
    const events = chain();
    expect(verifyAuditChain(TEST_PEPPER, events, headOf(events))).toEqual({ verified: true });
    expect(verifyAuditChain(TEST_PEPPER, [...events].reverse(), headOf(events))).toEqual({ verified: true });
    const one = chain(TEST_PEPPER, INPUTS.slice(0, 1));
    expect(verifyAuditChain(TEST_PEPPER, one, headOf(one))).toEqual({ verified: true });
  });

  it('catches a change to any field of any event, and names that event', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: INPUTS.length - 1 }), tampering, (index, { edit }) => {
        const events = chain();
        const head = headOf(events);
        const tampered = events.map((e, i) => (i === index ? edit(e) : e));
        const verdict = verifyAuditChain(TEST_PEPPER, tampered, head);
        expect(verdict).toMatchObject({ verified: false, seq: index });
        expect(verdict.verified ? '' : verdict.problem).toContain(`#${index}`);
      }),
      { numRuns: 300 },
    );
  });

  it('catches an edit of the newest event even when the head is recomputed without the pepper', () => {
    const events = chain();
    const last = events.at(-1)!;
    const forged = { ...last, details: { ...last.details, escalatedTo: 'nobody' } };
    const { hash: _hash, ...unsigned } = forged;
    forged.hash = auditEventHash(OTHER_PEPPER, unsigned);
    const verdict = verifyAuditChain(TEST_PEPPER, [...events.slice(0, -1), forged], { seq: forged.seq, hash: forged.hash });
    expect(verdict).toMatchObject({ verified: false, seq: 4 });
  });

  it('catches a lowered sequence number, too', () => {
    const events = chain();
    const tampered = events.map((e) => (e.seq === 3 ? { ...e, seq: 1 } : e));
    expect(verifyAuditChain(TEST_PEPPER, tampered, headOf(events)).verified).toBe(false);
  });

  it('catches the newest event removed: the case head still names it', () => {
    const events = chain();
    const verdict = verifyAuditChain(TEST_PEPPER, events.slice(0, -1), headOf(events));
    expect(verdict).toMatchObject({ verified: false, seq: 4 });
    expect(verdict.verified ? '' : verdict.problem).toMatch(/removed/);
  });

  it('catches a middle event removed', () => {
    const events = chain();
    const verdict = verifyAuditChain(
      TEST_PEPPER,
      events.filter((e) => e.seq !== 2),
      headOf(events),
    );
    expect(verdict).toMatchObject({ verified: false, seq: 2 });
    expect(verdict.verified ? '' : verdict.problem).toMatch(/#2 is missing/);
  });

  it('catches the first event removed, and an empty chain', () => {
    const events = chain();
    expect(verifyAuditChain(TEST_PEPPER, events.slice(1), headOf(events))).toMatchObject({ verified: false, seq: 0 });
    expect(verifyAuditChain(TEST_PEPPER, [], headOf(events))).toMatchObject({ verified: false, seq: 0 });
  });

  it('catches two events swapped in history (their sequence numbers exchanged)', () => {
    const events = chain();
    const swapped = events.map((e) => (e.seq === 1 ? { ...e, seq: 2 } : e.seq === 2 ? { ...e, seq: 1 } : e));
    expect(verifyAuditChain(TEST_PEPPER, swapped, headOf(events))).toMatchObject({ verified: false, seq: 1 });
  });

  it('catches a chain rebuilt with the events in another order', () => {
    const events = chain();
    const reordered = chain(TEST_PEPPER, [INPUTS[0]!, INPUTS[2]!, INPUTS[1]!, INPUTS[3]!, INPUTS[4]!]);
    // Internally consistent, but not the history the case's head points at.
    expect(verifyAuditChain(TEST_PEPPER, reordered, headOf(events))).toMatchObject({ verified: false, seq: 5 });
  });

  it('catches a head that does not match the chain', () => {
    const events = chain();
    const head = headOf(events);
    expect(verifyAuditChain(TEST_PEPPER, events, { ...head, hash: flipHex(head.hash, 0) })).toMatchObject({ verified: false, seq: 5 });
    expect(verifyAuditChain(TEST_PEPPER, events, { ...head, seq: 5 })).toMatchObject({ verified: false, seq: 5 });
    expect(verifyAuditChain(TEST_PEPPER, events, { ...head, seq: 3 })).toMatchObject({ verified: false });
  });

  it('catches events appended after the head', () => {
    const events = chain();
    const head = headOf(events.slice(0, 3));
    expect(verifyAuditChain(TEST_PEPPER, events, head)).toMatchObject({ verified: false });
  });

  it('rejects a chain built under another pepper', () => {
    const foreign = chain(OTHER_PEPPER);
    expect(verifyAuditChain(OTHER_PEPPER, foreign, headOf(foreign))).toEqual({ verified: true });
    const verdict = verifyAuditChain(TEST_PEPPER, foreign, headOf(foreign));
    expect(verdict).toMatchObject({ verified: false, seq: 0 });
    expect(verdict.verified ? '' : verdict.problem).toMatch(/altered/);
  });
});
