// The deadline sweep, run by an EventBridge schedule (every minute in local mode). It sweeps as of the event's
// scheduled time, so a late or replayed run judges deadlines as of when it was due. The same run deletes the closed
// cases whose retention has run out (core/caseDeletion.ts), with the sweep's retries, dead-letter queue and alarms.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { ScheduledEvent } from 'aws-lambda';
import { sweepDeadlines } from '#core/agency/sweepDeadlines.js';
import { deleteDueCases } from '#core/caseDeletion.js';
import { sweepDeps } from '#composition/sweepDeps.js';
import { logger } from '#runtime/logger.js';

// Its own composition: the table, the pack, the audit key and the bucket, never the pepper (lib/jobs.ts grants it none).
const deps = sweepDeps();

export const handler = middy(async (event: ScheduledEvent) => {
  const scheduled = Date.parse(event.time);
  const at = Number.isNaN(scheduled) ? new Date() : new Date(scheduled);
  const result = { ...(await sweepDeadlines(deps, at)), ...(await deleteDueCases(deps, at)) };
  if (Object.values(result).some((count) => count > 0)) logger.info('deadline sweep', { ...result });
  return result;
}).use(injectLambdaContext(logger, { correlationIdPath: 'id', resetKeys: true }));
