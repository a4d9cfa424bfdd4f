// The composition root of the public statistics (GET /stats/public and the scheduled publisher): one DynamoDB
// client, created once per cold start. Nothing else: no pepper, no keys, no bucket, no country pack.
import { DynamoStatisticsStore } from '#adapters/dynamoStatisticsStore.js';
import type { Clock } from '#core/ports.js';
import { type StatisticsEnvironment, parseEnvironment, statisticsEnvironment } from '#runtime/config.js';
import { createDocumentClient } from './awsClients.js';

export interface StatisticsDeps {
  store: DynamoStatisticsStore;
  clock: Clock;
}

export function buildStatisticsDeps(env: StatisticsEnvironment): StatisticsDeps {
  return {
    store: new DynamoStatisticsStore(createDocumentClient(env.AWS_REGION, env.DYNAMODB_ENDPOINT), env.TABLE_NAME),
    clock: { now: () => new Date() },
  };
}

let shared: StatisticsDeps | undefined;

/** Built once per process from the environment (a Lambda cold start, or the local runtime). */
export function statisticsDeps(): StatisticsDeps {
  shared ??= buildStatisticsDeps(parseEnvironment(statisticsEnvironment));
  return shared;
}
