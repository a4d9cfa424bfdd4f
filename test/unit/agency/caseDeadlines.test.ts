import { describe, expect, it } from 'vitest';
import { deadlineState, isPastDeadline, pendingDeadline } from '#core/caseDeadlines.js';
import type { CaseStatus } from '#contract/caseLife.js';

const ACKNOWLEDGE_BY = '2026-10-22T03:00:00.000Z';
const RESPOND_BY = '2026-12-14T03:00:00.000Z';
const inState = (status: CaseStatus) => ({ status, acknowledgeBy: ACKNOWLEDGE_BY, respondBy: RESPOND_BY });
const justAfter = (at: string) => new Date(Date.parse(at) + 1);
const justBefore = (at: string) => new Date(Date.parse(at) - 1);

describe('pendingDeadline', () => {
  it('waits for the acknowledgement of a received case', () => {
    expect(pendingDeadline(inState('received'))).toEqual({ kind: 'acknowledge', at: ACKNOWLEDGE_BY });
  });

  it.each(['acknowledged', 'in_review', 'investigating', 'transferred'] as const)('waits for the response of a %s case', (status) => {
    expect(pendingDeadline(inState(status))).toEqual({ kind: 'respond', at: RESPOND_BY });
  });

  it('waits on nothing once the case is closed', () => {
    expect(pendingDeadline(inState('closed'))).toBeNull();
  });
});

describe('isPastDeadline', () => {
  it('is past only strictly after the pending deadline', () => {
    expect(isPastDeadline(inState('received'), justBefore(ACKNOWLEDGE_BY))).toBe(false);
    expect(isPastDeadline(inState('received'), new Date(ACKNOWLEDGE_BY))).toBe(false);
    expect(isPastDeadline(inState('received'), justAfter(ACKNOWLEDGE_BY))).toBe(true);
    expect(isPastDeadline(inState('acknowledged'), justAfter(ACKNOWLEDGE_BY))).toBe(false);
    expect(isPastDeadline(inState('acknowledged'), justAfter(RESPOND_BY))).toBe(true);
    expect(isPastDeadline(inState('closed'), new Date('2099-01-01T00:00:00.000Z'))).toBe(false);
  });
});

describe('deadlineState', () => {
  it('before the deadline: not overdue, indexed for the sweep at the deadline', () => {
    expect(deadlineState(inState('received'), justBefore(ACKNOWLEDGE_BY))).toEqual({ overdue: false, dueAt: ACKNOWLEDGE_BY });
    expect(deadlineState(inState('in_review'), justAfter(ACKNOWLEDGE_BY))).toEqual({ overdue: false, dueAt: RESPOND_BY });
    expect(deadlineState(inState('investigating'), new Date(RESPOND_BY))).toEqual({ overdue: false, dueAt: RESPOND_BY });
  });

  it('after the deadline: overdue, and still indexed so that the sweep records the miss and escalates', () => {
    expect(deadlineState(inState('received'), justAfter(ACKNOWLEDGE_BY))).toEqual({ overdue: true, dueAt: ACKNOWLEDGE_BY });
    expect(deadlineState(inState('acknowledged'), justAfter(RESPOND_BY))).toEqual({ overdue: true, dueAt: RESPOND_BY });
  });

  it('a closed case is neither overdue nor due', () => {
    expect(deadlineState(inState('closed'), justBefore(ACKNOWLEDGE_BY))).toEqual({ overdue: false, dueAt: null });
    expect(deadlineState(inState('closed'), justAfter(RESPOND_BY))).toEqual({ overdue: false, dueAt: null });
  });
});
