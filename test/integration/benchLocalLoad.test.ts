// `npm run bench`'s local load section, run briefly: it starts its own servers and portal process, drives every
// operation through HTTP and through the SDK alone, and stops everything. Checks what was measured is sound, never
// how fast it was: figures belong in bench/results.json.
import { describe, expect, it } from 'vitest';
import { measureLocalLoad } from '../../bench/localLoad.js';

describe('bench: local load', () => {
  // DynamoDB Local, a portal process and three operations at two warm-ups each: a minute or two on a busy machine.
  it('measures submit, track and a queue page through the portal and through the SDK alone', { timeout: 240_000 }, async () => {
    const lines: string[] = [];
    const figures = await measureLocalLoad({
      durationSeconds: 1,
      connections: 2,
      warmupSeconds: 0.5,
      trackedCases: 20,
      // Not `npm start`: it rebuilds web/dist, which other tests read.
      command: [process.execPath, '--import', 'tsx', 'local/runtime/start.ts'],
      log: (line) => lines.push(line),
    });

    expect(figures.map((f) => f.operation)).toEqual(['submit', 'track', 'queuePage']);
    for (const f of figures) {
      const context = `${f.operation}\n${lines.join('\n')}`;
      expect(f.connections).toBe(2);
      expect(f.durationSeconds).toBe(1);
      expect(f.portal.requests, context).toBeGreaterThan(0);
      expect(f.portal.non2xx, context).toBe(0);
      expect(f.portal.errors, context).toBe(0);
      expect(f.rawSdk.requests, context).toBeGreaterThan(0);
      expect(f.rawSdk.errors, context).toBe(0);
      expect(f.portal.latencyMs.p99, context).toBeGreaterThanOrEqual(f.portal.latencyMs.p50);
      expect(f.rawSdk.latencyMs.p99, context).toBeGreaterThanOrEqual(f.rawSdk.latencyMs.p50);
      expect(f.ratio).toBeCloseTo(f.portal.rps / f.rawSdk.rps, 2);
    }
    // The portal stopped cleanly on SIGINT; the bench says so otherwise.
    expect(
      lines.filter((l) => l.includes('did not stop cleanly')),
      lines.join('\n'),
    ).toEqual([]);
  });
});
