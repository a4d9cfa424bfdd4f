// The notifier: the only function that sends mail. Two triggers: the table's stream (case items only, filtered by
// the event source mapping), whose changes become notices (core/notify/notices.ts); and a daily schedule, for
// deadlines two days away and the members' daily digests. A stream batch reports the first record it could not
// deliver, so Lambda retries from there (reportBatchItemFailures); the schedule's failures go to the jobs' dead letters.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import { caseChangesOf } from '#adapters/caseStreamRecords.js';
import { notifyDeps } from '#composition/notifyDeps.js';
import { runDaily } from '#core/notify/dailyRun.js';
import { deliverNotices } from '#core/notify/deliverNotices.js';
import { noticesOfChange } from '#core/notify/notices.js';
import { logger } from '#runtime/logger.js';

const deps = notifyDeps();

type NotifierEvent = DynamoDBStreamEvent | ScheduledEvent;

const isStreamEvent = (event: NotifierEvent): event is DynamoDBStreamEvent => Array.isArray((event as DynamoDBStreamEvent).Records);

async function onStream(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  let mailed = 0;
  let held = 0;
  for (const change of caseChangesOf(event.Records)) {
    try {
      const delivered = await deliverNotices(deps, noticesOfChange(change.before, change.after));
      mailed += delivered.mailed;
      held += delivered.held;
    } catch (error) {
      // Only the error's name: a mail service's message may quote an address.
      logger.error('notifications failed; the batch is retried from this record', { errorName: (error as Error).name });
      return { batchItemFailures: [{ itemIdentifier: change.sequenceNumber }] };
    }
  }
  if (mailed + held > 0) logger.info('notifications', { mailed, held });
  return { batchItemFailures: [] };
}

async function onSchedule(event: ScheduledEvent) {
  const scheduled = Date.parse(event.time);
  const result = await runDaily(deps, Number.isNaN(scheduled) ? new Date() : new Date(scheduled));
  logger.info('daily notifications', { ...result });
  return result;
}

export const handler = middy(async (event: NotifierEvent) => (isStreamEvent(event) ? onStream(event) : onSchedule(event))).use(
  injectLambdaContext(logger, { resetKeys: true }),
);
