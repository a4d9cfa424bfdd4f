import { describe, expect, it } from 'vitest';
import { checkStatusChange } from '#core/caseStateMachine.js';
import { allowedNextStatuses, canMove } from '#contract/caseLife.js';
import { CASE_STATUSES, type CaseStatus, RESOLUTIONS } from '#contract/caseLife.js';
import { DomainError } from '#core/errors.js';

/** The case life as DESIGN.md tells it. */
const ALLOWED: [CaseStatus, CaseStatus][] = [
  ['received', 'acknowledged'],
  ['acknowledged', 'in_review'],
  ['acknowledged', 'closed'],
  ['in_review', 'investigating'],
  ['in_review', 'closed'],
  ['investigating', 'closed'],
  ['transferred', 'received'],
];

const ILLEGAL: [CaseStatus, CaseStatus][] = [
  ['received', 'in_review'],
  ['received', 'investigating'],
  ['received', 'closed'],
  ['acknowledged', 'received'],
  ['acknowledged', 'investigating'],
  ['in_review', 'received'],
  ['in_review', 'acknowledged'],
  ['investigating', 'in_review'],
  ['investigating', 'acknowledged'],
  ['investigating', 'received'],
  ['closed', 'received'],
  ['closed', 'acknowledged'],
  ['closed', 'in_review'],
  ['closed', 'investigating'],
  ['transferred', 'acknowledged'],
  ['transferred', 'closed'],
];

/** A request for `to`, carrying a resolution when it closes. */
const moveTo = (to: CaseStatus, hasNote = false) => ({
  status: to,
  resolution: to === 'closed' ? ('substantiated' as const) : undefined,
  hasNote,
});

function thrown(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('case state machine', () => {
  it.each(ALLOWED)('moves %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(true);
    expect(checkStatusChange(from, moveTo(to))).toBe('move');
    expect(allowedNextStatuses(from)).toContain(to);
  });

  it('allows nothing but those moves', () => {
    for (const from of CASE_STATUSES) {
      expect([...allowedNextStatuses(from)].sort()).toEqual(
        ALLOWED.filter(([f]) => f === from)
          .map(([, t]) => t)
          .sort(),
      );
    }
    expect(allowedNextStatuses('closed')).toEqual([]);
  });

  it.each(ILLEGAL)('refuses %s → %s with 409 CONFLICT', (from, to) => {
    expect(canMove(from, to)).toBe(false);
    const error = thrown(() => checkStatusChange(from, moveTo(to, true)));
    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
  });

  it('refuses every other move between two different statuses with 409', () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        if (from === to || ALLOWED.some(([f, t]) => f === from && t === to)) continue;
        expect(thrown(() => checkStatusChange(from, moveTo(to))).code, `${from} → ${to}`).toBe('CONFLICT');
      }
    }
  });

  it('tells which statuses a case can move to', () => {
    expect(thrown(() => checkStatusChange('acknowledged', moveTo('investigating'))).message).toMatch(/in_review or closed/);
  });

  it('needs a resolution to close (400 on the resolution field)', () => {
    for (const from of ['acknowledged', 'in_review', 'investigating'] as const) {
      const error = thrown(() => checkStatusChange(from, { status: 'closed', hasNote: true }));
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        status: 400,
        details: [{ path: 'resolution', message: expect.any(String) }],
      });
    }
  });

  it('closes with any of the resolutions', () => {
    for (const resolution of RESOLUTIONS)
      expect(checkStatusChange('in_review', { status: 'closed', resolution, hasNote: false })).toBe('move');
  });

  it('takes a resolution only with closed (400)', () => {
    for (const status of CASE_STATUSES.filter((s) => s !== 'closed')) {
      const error = thrown(() => checkStatusChange('acknowledged', { status, resolution: 'referred', hasNote: true }));
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'resolution' }] });
    }
  });

  it('stays in the same status only to add a note', () => {
    for (const status of ['received', 'acknowledged', 'in_review', 'investigating'] as const) {
      expect(checkStatusChange(status, { status, hasNote: true })).toBe('note');
      expect(thrown(() => checkStatusChange(status, { status, hasNote: false })).code).toBe('CONFLICT');
    }
  });

  it('keeps a closed case closed, note or not', () => {
    expect(thrown(() => checkStatusChange('closed', { status: 'closed', hasNote: true })).code).toBe('CONFLICT');
    expect(thrown(() => checkStatusChange('closed', { status: 'closed', resolution: 'referred', hasNote: true })).code).toBe('CONFLICT');
  });

  it('refuses a transfer through a status change: it has its own route', () => {
    for (const from of ['received', 'acknowledged', 'in_review', 'investigating'] as const) {
      const error = thrown(() => checkStatusChange(from, { status: 'transferred', hasNote: true }));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(/transfer/);
    }
  });
});
