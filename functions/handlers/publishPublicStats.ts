// The public statistics publisher, run by an EventBridge schedule (hourly; local mode runs it at start and then on a
// timer). It reads every case's summary through the queue index, computes the suppressed statistics and writes
// them as the one snapshot GET /stats/public serves. A failed run throws, so EventBridge and Lambda retry it and
// then leave it in the dead-letter queue, which alarms; the last good snapshot stays served meanwhile.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { ScheduledEvent } from 'aws-lambda';
import { publishPublicStatistics } from '#core/statisticsSnapshot.js';
import { logger } from '#runtime/logger.js';
import { statisticsDeps } from '#composition/statisticsDeps.js';

const deps = statisticsDeps();

// The snapshot is as of when the cases are read, not the event's scheduled time: a late or replayed run reads
// today's cases, and says so.
export const handler = middy(async (_event: ScheduledEvent) => {
  try {
    const result = await publishPublicStatistics(deps);
    // Counts only: no organization, category or case is named in the log.
    logger.info('public statistics published', { ...result });
    return result;
  } catch (error) {
    // The class name only, as for the HTTP handlers; the error itself goes to the retries and the dead letters.
    logger.error('public statistics not published', { errorName: (error as { name?: string })?.name ?? typeof error });
    throw error;
  }
}).use(injectLambdaContext(logger, { correlationIdPath: 'id', resetKeys: true }));
