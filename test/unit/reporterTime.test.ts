// Data minimisation (functions/core/reporterTime.ts): a reporter's actions are stored to the hour, the deadlines
// count from the end of that hour, and a reply is never dated before what it answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPORTER_TIME_PRECISION_MS, deadlinesStart, reporterExpiry, reporterTime } from '#core/reporterTime.js';
import { submitReport } from '#core/submitReport.js';
import { addWhistleblowerMessage } from '#core/whistleblowerMessage.js';
import { memoryDeps } from './support/memoryPorts.js';
import { krIndex, reportRequest } from './support/fixtures.js';

const HOUR = REPORTER_TIME_PRECISION_MS;
const instants = fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') });

describe('reporterTime', () => {
  it('keeps the hour and drops everything finer, never moving later', () => {
    fc.assert(
      fc.property(instants, (ms) => {
        const stored = reporterTime(new Date(ms)).getTime();
        expect(stored % HOUR).toBe(0);
        expect(stored).toBeLessThanOrEqual(ms);
        expect(ms - stored).toBeLessThan(HOUR);
      }),
    );
  });

  it('starts deadlines no earlier than the filing itself, so the agency never loses time', () => {
    fc.assert(
      fc.property(instants, (ms) => {
        const start = deadlinesStart(new Date(ms)).getTime();
        expect(start % HOUR).toBe(0);
        expect(start).toBeGreaterThan(ms);
      }),
    );
  });

  it('moves an upload claim’s TTL to the end of its hour, never earlier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), (seconds) => {
        const ttl = reporterExpiry(seconds);
        expect(ttl % 3600).toBe(0);
        expect(ttl).toBeGreaterThanOrEqual(seconds);
        expect(ttl - seconds).toBeLessThan(3600);
      }),
    );
  });
});

describe('what a reporter does is stored to the hour', () => {
  it('dates the filing and its timeline to the hour; a reply after the agency’s question stays after it', async () => {
    const deps = memoryDeps(krIndex());
    deps.clock.set(new Date('2026-10-15T09:47:31.123Z'));
    const filed = await submitReport(deps, reportRequest());
    const caseId = filed.body.caseId;
    const file = (await deps.store.getCaseFile(caseId))!;
    expect(file.case.createdAt).toBe('2026-10-15T09:00:00.000Z');
    expect(file.case.updatedAt).toBe('2026-10-15T09:00:00.000Z');
    expect(file.timeline.map((t) => t.at)).toEqual(['2026-10-15T09:00:00.000Z']);
    expect(file.case.acknowledgeBy).toBe('2026-10-22T10:00:00.000Z');

    // The agency asks at 10:20:05; the reporter answers at 10:55: dated just after 10:20:05, not 10:00, so it reads
    // after the question (and not at the same instant, which would leave the order to the ids).
    deps.store.update(caseId, (f) => {
      f.case.updatedAt = '2026-10-15T10:20:05.000Z';
    });
    deps.clock.set(new Date('2026-10-15T10:55:12.000Z'));
    const reply = await addWhistleblowerMessage(deps, { trackingCode: filed.body.trackingCode, body: 'Yes', uploadIds: [] });
    expect(reply.at).toBe('2026-10-15T10:20:05.001Z');
    // Later in another hour, with nothing in between: the hour again.
    deps.clock.set(new Date('2026-10-15T13:05:00.000Z'));
    const next = await addWhistleblowerMessage(deps, { trackingCode: filed.body.trackingCode, body: 'More', uploadIds: [] });
    expect(next.at).toBe('2026-10-15T13:00:00.000Z');
  });
});
