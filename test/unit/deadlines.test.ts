import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '#core/deadlines.js';

describe('computeDeadlines', () => {
  it('gives 7 and 60 days from a fixed instant (Korea)', () => {
    expect(computeDeadlines(new Date('2026-10-15T03:00:00.000Z'), { acknowledgeDays: 7, respondDays: 60 })).toEqual({
      acknowledgeBy: '2026-10-22T03:00:00.000Z',
      respondBy: '2026-12-14T03:00:00.000Z',
    });
  });

  it('counts whole days across a month end, a leap day and a European DST change', () => {
    expect(computeDeadlines(new Date('2028-02-25T23:59:59.999Z'), { acknowledgeDays: 7, respondDays: 60 })).toEqual({
      acknowledgeBy: '2028-03-03T23:59:59.999Z',
      respondBy: '2028-04-25T23:59:59.999Z',
    });
    expect(computeDeadlines(new Date('2026-10-20T12:00:00.000Z'), { acknowledgeDays: 7, respondDays: 90 })).toEqual({
      acknowledgeBy: '2026-10-27T12:00:00.000Z',
      respondBy: '2027-01-18T12:00:00.000Z',
    });
  });

  it('is always exactly the given number of days later, in UTC ISO form', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 365 }),
        fc.integer({ min: 1, max: 730 }),
        (at, acknowledgeDays, respondDays) => {
          const { acknowledgeBy, respondBy } = computeDeadlines(at, { acknowledgeDays, respondDays });
          expect(Date.parse(acknowledgeBy) - at.getTime()).toBe(acknowledgeDays * 86_400_000);
          expect(Date.parse(respondBy) - at.getTime()).toBe(respondDays * 86_400_000);
          expect(acknowledgeBy).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
          expect(respondBy.endsWith('Z')).toBe(true);
        },
      ),
    );
  });
});
