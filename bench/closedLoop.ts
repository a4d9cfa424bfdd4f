// A closed-loop load: `connections` workers each call, wait for the answer and call again until the time is up,
// as autocannon's connections do over HTTP. Every call's latency is recorded, so percentiles are exact.
import { latencyOf } from './latency.js';
import type { Latency } from './results.js';

export interface ClosedLoopFigures {
  rps: number;
  latencyMs: Latency;
  requests: number;
  errors: number;
  /** The first error's message, when any call failed. */
  firstError?: string;
}

export async function runClosedLoop(
  call: (worker: number) => Promise<unknown>,
  connections: number,
  durationSeconds: number,
): Promise<ClosedLoopFigures> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  const worker = async (index: number) => {
    while (performance.now() < deadline) {
      const before = performance.now();
      try {
        await call(index);
        latencies.push(performance.now() - before);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
  const elapsedSeconds = (performance.now() - started) / 1000;
  return {
    rps: round(latencies.length / elapsedSeconds),
    latencyMs: latencyOf(latencies),
    requests: latencies.length,
    errors,
    ...(firstError ? { firstError } : {}),
  };
}

const round = (v: number) => Math.round(v * 100) / 100;
