// The deadline sweep, run by an EventBridge schedule (every minute in local mode). It sweeps as of the event's
// scheduled time, so a late or replayed run judges deadlines as of when it was due.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { ScheduledEvent } from 'aws-lambda';
import { sweepDeadlines } from '#core/agency/sweepDeadlines.js';
import { sweepDeps } from '#composition/sweepDeps.js';
import { logger } from '#runtime/logger.js';

// Its own composition: the table, the pack and the audit key, never the pepper (lib/jobs.ts grants it none).
const deps = sweepDeps();

export const handler = middy(async (event: ScheduledEvent) => {
  const scheduled = Date.parse(event.time);
  const result = await sweepDeadlines(deps, Number.isNaN(scheduled) ? new Date() : new Date(scheduled));
  if (result.overdue > 0 || result.skipped > 0) logger.info('deadline sweep', { ...result });
  return result;
}).use(injectLambdaContext(logger, { correlationIdPath: 'id', resetKeys: true }));
