// Each budget is met exactly at its limit and missed just past it.
import { describe, expect, it } from 'vitest';
import { BUNDLE_OVER_BASELINE_BYTES, judgeBudgets } from '../../../bench/budgets.js';
import type { FunctionFigures } from '../../../bench/results.js';

const fn = (over: number, cold: number): FunctionFigures => ({
  handler: 'trackCase',
  bundleBytes: 500_000 + over,
  baselineBundleBytes: 500_000,
  coldStartMs: cold,
  baselineColdStartMs: 100,
  initMs: 1,
  baselineInitMs: 1,
  warmMs: 1,
});
const verdicts = (f: FunctionFigures) => judgeBudgets({ functions: [f] }).map((b) => b.met);

describe('judgeBudgets', () => {
  it('bundle: at most 150 KiB over the baseline; cold start: at most 1.3×', () => {
    expect(verdicts(fn(BUNDLE_OVER_BASELINE_BYTES, 130))).toEqual([true, true]);
    expect(verdicts(fn(BUNDLE_OVER_BASELINE_BYTES + 1, 130.1))).toEqual([false, false]);
  });

  it('calls at the minimum, throughput at 0.7× raw, queue pages within their limit, citizen JS within 80,000 B', () => {
    const budgets = judgeBudgets({
      operations: [
        { operation: 'track', calls: { 'DynamoDB.Query': 1 }, total: 1, minimum: 1, minimumCalls: {}, readUnits: 1, writeUnits: 0 },
        { operation: 'caseView', calls: { 'DynamoDB.Query': 2 }, total: 3, minimum: 2, minimumCalls: {}, readUnits: 1, writeUnits: 0 },
      ],
      load: [
        {
          operation: 'track',
          connections: 1,
          durationSeconds: 1,
          ratio: 0.7,
          portal: { rps: 70, latencyMs: { p50: 1, p99: 1 }, requests: 70, non2xx: 0, errors: 0 },
          rawSdk: { rps: 100, latencyMs: { p50: 1, p99: 1 }, requests: 100, errors: 0 },
        },
        {
          operation: 'submit',
          connections: 1,
          durationSeconds: 1,
          ratio: 0.69,
          portal: { rps: 69, latencyMs: { p50: 1, p99: 1 }, requests: 69, non2xx: 0, errors: 0 },
          rawSdk: { rps: 100, latencyMs: { p50: 1, p99: 1 }, requests: 100, errors: 0 },
        },
      ],
      citizenScripts: { gzipBytes: 80_001, budgetBytes: 80_000, scripts: [] },
    });
    expect(budgets.map((b) => [b.name, b.met])).toEqual([
      ['calls: track', true],
      ['calls: caseView', false],
      ['throughput: track', true],
      ['throughput: submit', false],
      ['citizen JavaScript', false],
    ]);
  });
});
