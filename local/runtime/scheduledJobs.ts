// The scheduled jobs, run as their EventBridge schedules would run them when deployed: the same handler modules,
// given a scheduled event carrying its time, once at start and then on a timer (unless a test turns the timer off).
import { randomUUID } from 'node:crypto';
import type { AnchorRunResult } from '#core/anchorAuditHeads.js';
import type { DailyResult } from '#core/notify/dailyRun.js';
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
/** The notifier's reminders and digests: daily, as deployed (lib/notifications.ts). */
const NOTIFY_DAILY_EVERY_MS = 24 * 60 * 60_000;

export interface JobTimers {
  /** 0 turns a timer off (tests run the jobs themselves); the run at start still happens. */
  sweepEveryMs?: number | undefined;
  publishStatsEveryMs?: number | undefined;
  anchorAuditEveryMs?: number | undefined;
  /** Only when the portal runs its notifications (the mail catcher): the notifier's daily run. */
  notifyDailyEveryMs?: number | undefined;
  notifications?: boolean | undefined;
}

export interface ScheduledJobs {
  /** Runs the deadline sweep as if it were `at`. */
  sweep(at: Date): Promise<void>;
  publishStats(): Promise<PublishResult>;
  anchorAudit(): Promise<AnchorRunResult>;
  /** The notifier's daily run as if it were `at` (deadline reminders, digests); null without notifications. */
  notifyDaily: ((at: Date) => Promise<DailyResult>) | null;
  /** Runs each job once now, in the background: a failed run is logged by its handler and the next one tries again. */
  runAllOnce(): void;
  /** Stops the timers and waits for the runs in flight. */
  stop(): Promise<void>;
}

async function loadJob(name: string): Promise<(at: Date) => Promise<unknown>> {
  const { handler } = (await import(`../../functions/handlers/${name}.ts`)) as { handler: SweepHandler };
  return (at) => {
    const id = randomUUID();
    return handler(scheduledEvent(id, at), lambdaContext(name, id));
  };
}

/** How long stopping waits for the runs in flight. */
const STOP_WAIT_MS = 5_000;

export async function startScheduledJobs(timers: JobTimers): Promise<ScheduledJobs> {
  const jobs = [
    { run: await loadJob('sweepDeadlines'), every: timers.sweepEveryMs ?? SWEEP_EVERY_MS },
    { run: await loadJob('publishPublicStats'), every: timers.publishStatsEveryMs ?? PUBLISH_STATS_EVERY_MS },
    { run: await loadJob('anchorAuditHeads'), every: timers.anchorAuditEveryMs ?? ANCHOR_AUDIT_EVERY_MS },
  ] as const;
  // Runs in flight, so that stopping waits for them: a run cut off by the table server going away logs an error
  // for nothing.
  const running = new Set<Promise<unknown>>();
  const runQuietly = (run: (at: Date) => Promise<unknown>) => () => {
    const done = run(new Date())
      .catch(() => undefined)
      .finally(() => running.delete(done));
    running.add(done);
  };
  const intervals = jobs.filter((job) => job.every > 0).map((job) => setInterval(runQuietly(job.run), job.every).unref());
  // Not run at start, unlike the others: a restart must not send the day's reminders and digests again.
  const notifier = timers.notifications ? await loadJob('notifyStaff') : null;
  const notifyEvery = timers.notifyDailyEveryMs ?? NOTIFY_DAILY_EVERY_MS;
  if (notifier && notifyEvery > 0) intervals.push(setInterval(runQuietly(notifier), notifyEvery).unref());
  const [sweeper, publisher, anchorer] = jobs;
  return {
    sweep: async (at) => void (await sweeper.run(at)),
    publishStats: () => publisher.run(new Date()) as Promise<PublishResult>,
    anchorAudit: () => anchorer.run(new Date()) as Promise<AnchorRunResult>,
    notifyDaily: notifier ? (at) => notifier(at) as Promise<DailyResult> : null,
    runAllOnce: () => {
      for (const job of jobs) runQuietly(job.run)();
    },
    stop: async () => {
      for (const interval of intervals) clearInterval(interval);
      // At most a few seconds: Ctrl-C must not wait for an anchor run over a large data dir.
      await Promise.race([Promise.all(running), new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
    },
  };
}
