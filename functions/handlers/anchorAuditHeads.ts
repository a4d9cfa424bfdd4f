// The audit anchor job, run by an EventBridge schedule (daily; local mode runs it at start and then daily). It reads
// every case's audit head through the queue index and appends an anchor of them (functions/core/auditAnchor.ts). A
// failed run throws, so EventBridge and Lambda retry it and then leave it in the dead-letter queue, which alarms; the
// anchors already written stay, and protect what they recorded.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { ScheduledEvent } from 'aws-lambda';
import { anchorAuditHeads } from '#core/anchorAuditHeads.js';
import { auditAnchorDeps } from '#composition/auditAnchorDeps.js';
import { logger } from '#runtime/logger.js';

const deps = await auditAnchorDeps();

// Anchored as of when the heads are read, not the event's scheduled time: a late or replayed run anchors the heads
// as they are then, and says so.
export const handler = middy(async (_event: ScheduledEvent) => {
  try {
    const result = await anchorAuditHeads(deps);
    // The root's digest and counts: a second copy of the anchor, kept by the log service, outside the table. No case
    // is named.
    logger.info('audit heads anchored', { ...result });
    return result;
  } catch (error) {
    // The class name only, as for the other jobs; the error itself goes to the retries and the dead letters.
    logger.error('audit heads not anchored', { errorName: (error as { name?: string })?.name ?? typeof error });
    throw error;
  }
}).use(injectLambdaContext(logger, { correlationIdPath: 'id', resetKeys: true }));
