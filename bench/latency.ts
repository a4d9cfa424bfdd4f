// Medians and percentiles of recorded samples (nearest-rank), for figures the bench computes itself.
import type { Latency } from './results.js';

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(samples: number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** p50 and p99 of latency samples in milliseconds, rounded to 0.1 ms. */
export function latencyOf(samplesMs: number[]): Latency {
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(percentile(samplesMs, 50)), p99: round(percentile(samplesMs, 99)) };
}
