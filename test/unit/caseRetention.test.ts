// The retention rules (functions/core/caseRetention.ts): when a closed case is due for deletion, what a hold changes,
// and the TTL backstop that never beats the sweep.
import { describe, expect, it } from 'vitest';
import { TTL_GRACE_DAYS, deletionDate, expiryOf, isDueForDeletion, retentionState, retentionYearsFor } from '#core/caseRetention.js';

const rule = { years: 10, byCategory: { 'sexual-harassment': 3 } };
const HOLD = { placedAt: '2030-01-01T00:00:00.000Z', placedBy: 'supervisor@kr-molit' };

describe('retention', () => {
  it('counts years from closure, per category where the pack says so', () => {
    expect(retentionYearsFor(rule, 'bribery')).toBe(10);
    expect(retentionYearsFor(rule, 'sexual-harassment')).toBe(3);
    expect(deletionDate('2026-03-15T08:30:00.000Z', 10)).toBe('2036-03-15T08:30:00.000Z');
    // 29 February has no match in a common year: the day after.
    expect(deletionDate('2028-02-29T12:00:00.000Z', 1)).toBe('2029-03-01T12:00:00.000Z');
  });

  it('dates only a closed case, and clears the date of any case that is not closed', () => {
    const closedAt = '2026-03-15T08:30:00.000Z';
    expect(retentionState({ status: 'closed', closedAt, category: 'bribery' }, rule)).toEqual({ deleteAfter: '2036-03-15T08:30:00.000Z' });
    expect(retentionState({ status: 'closed', closedAt, category: 'sexual-harassment' }, rule)).toEqual({
      deleteAfter: '2029-03-15T08:30:00.000Z',
    });
    for (const status of ['received', 'acknowledged', 'in_review', 'investigating', 'transferred'] as const)
      expect(retentionState({ status, closedAt: null, category: 'bribery' }, rule), status).toEqual({ deleteAfter: null });
  });

  it('is due at its date, not a millisecond before, and never while held or undated', () => {
    const deleteAfter = '2036-03-15T08:30:00.000Z';
    expect(isDueForDeletion({ deleteAfter, legalHold: null }, new Date(Date.parse(deleteAfter) - 1))).toBe(false);
    expect(isDueForDeletion({ deleteAfter, legalHold: null }, new Date(deleteAfter))).toBe(true);
    expect(isDueForDeletion({ deleteAfter, legalHold: HOLD }, new Date('2099-01-01T00:00:00.000Z'))).toBe(false);
    expect(isDueForDeletion({ deleteAfter: null, legalHold: null }, new Date('2099-01-01T00:00:00.000Z'))).toBe(false);
  });

  it('puts the TTL backstop a grace period after the date, and none on a held or open case', () => {
    const deleteAfter = '2036-03-15T08:30:00.000Z';
    expect(TTL_GRACE_DAYS).toBeGreaterThanOrEqual(7);
    expect(expiryOf({ deleteAfter, legalHold: null })).toBe(Date.parse(deleteAfter) / 1000 + TTL_GRACE_DAYS * 86_400);
    expect(expiryOf({ deleteAfter, legalHold: HOLD })).toBeNull();
    expect(expiryOf({ deleteAfter: null, legalHold: null })).toBeNull();
  });
});
