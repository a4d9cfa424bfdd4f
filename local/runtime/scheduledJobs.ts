// The scheduled jobs, run as their EventBridge schedules would run them when deployed: the same handler modules,
// given a scheduled event carrying its time, once at start and then on a timer (unless a test turns the timer off).
import { randomUUID } from 'node:crypto';
import type { AnchorRunResult } from '#core/anchorAuditHeads.js';
import type { PublishResult } from '#core/statisticsSnapshot.js';
import { lambdaContext, scheduledEvent } from './apiGatewayEvent.js';
import type { SweepHandler } from './routeMatch.js';

/** The deadline sweep: every minute, as often as it could matter to a deadline counted in days. */
const SWEEP_EVERY_MS = 60_000;
/**
 * The public statistics: every five minutes. Deployed, an hourly schedule does (lib/jobs.ts); locally a scan costs
 * nothing, and a trainer filing demo reports should not wait an hour to see them counted.
 */
const PUBLISH_STATS_EVERY_MS = 5 * 60_000;
/** The audit anchors: daily, as deployed (lib/jobs.ts). */
const ANCHOR_AUDIT_EVERY_MS = 24 * 60 * 60_000;

export interface JobTimers {
  /** 0 turns a timer off (tests run the jobs themselves); the run at start still happens. */
  sweepEveryMs?: number | undefined;
  publishStatsEveryMs?: number | undefined;
  anchorAuditEveryMs?: number | undefined;
}

export interface ScheduledJobs {
  /** Runs the deadline sweep as if it were `at`. */
  sweep(at: Date): Promise<void>;
  publishStats(): Promise<PublishResult>;
  anchorAudit(): Promise<AnchorRunResult>;
  /** Runs each job once now, in the background: a failed run is logged by its handler and the next one tries again. */
  runAllOnce(): void;
  /** Stops the timers and waits for background runs still going: none may touch storage once it is stopped. */
  stop(): Promise<void>;
}

async function loadJob(name: string): Promise<(at: Date) => Promise<unknown>> {
  const { handler } = (await import(`../../functions/handlers/${name}.ts`)) as { handler: SweepHandler };
  return (at) => {
    const id = randomUUID();
    return handler(scheduledEvent(id, at), lambdaContext(name, id));
  };
}

export async function startScheduledJobs(timers: JobTimers): Promise<ScheduledJobs> {
  const jobs = [
    { run: await loadJob('sweepDeadlines'), every: timers.sweepEveryMs ?? SWEEP_EVERY_MS },
    { run: await loadJob('publishPublicStats'), every: timers.publishStatsEveryMs ?? PUBLISH_STATS_EVERY_MS },
    { run: await loadJob('anchorAuditHeads'), every: timers.anchorAuditEveryMs ?? ANCHOR_AUDIT_EVERY_MS },
  ] as const;
  const inFlight = new Set<Promise<unknown>>();
  const runQuietly = (run: (at: Date) => Promise<unknown>) => () => {
    const running = run(new Date()).catch(() => undefined);
    inFlight.add(running);
    void running.finally(() => inFlight.delete(running));
  };
  const intervals = jobs.filter((job) => job.every > 0).map((job) => setInterval(runQuietly(job.run), job.every).unref());
  const [sweeper, publisher, anchorer] = jobs;
  return {
    sweep: async (at) => void (await sweeper.run(at)),
    publishStats: () => publisher.run(new Date()) as Promise<PublishResult>,
    anchorAudit: () => anchorer.run(new Date()) as Promise<AnchorRunResult>,
    runAllOnce: () => {
      for (const job of jobs) runQuietly(job.run)();
    },
    stop: async () => {
      for (const interval of intervals) clearInterval(interval);
      await Promise.allSettled([...inFlight]);
    },
  };
}
