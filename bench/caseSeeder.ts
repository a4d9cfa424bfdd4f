// Fills the table with many cases quickly and still exactly as the portal writes them: each report goes through
// the submission use case and the DynamoDB adapter, but the adapter's transaction is caught by a recording client
// and its items are written with BatchWriteItem, 25 at a time. One transaction per case against DynamoDB Local
// manages about 60 cases a second; the batches are many times faster.
import { BatchWriteCommand, type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { CitizenDeps } from '#core/deps.js';
import { submitReport } from '#core/submitReport.js';
import { DynamoCaseStore } from '#adapters/dynamoCaseStore.js';
import type { SubmitReportRequest } from '#schemas/report.js';

type Item = Record<string, unknown>;

export async function seedCases(
  deps: CitizenDeps,
  client: DynamoDBDocumentClient,
  tableName: string,
  options: { count: number; report: (n: number) => SubmitReportRequest; concurrency?: number; progress?: (filed: number) => void },
): Promise<void> {
  const pending: Item[] = [];
  const recording = {
    async send(command: unknown) {
      if (!(command instanceof TransactWriteCommand)) throw new Error('the seeder only records new cases');
      for (const entry of command.input.TransactItems ?? []) if (entry.Put?.Item) pending.push(entry.Put.Item);
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  const recorded: CitizenDeps = { ...deps, store: new DynamoCaseStore(recording, tableName) };

  const flush = async (items: Item[]) => {
    let requests = items.map((Item) => ({ PutRequest: { Item } }));
    while (requests.length) {
      const answer = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (answer.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  };
  const writers: Promise<void>[] = [];
  const concurrency = options.concurrency ?? 8;
  for (let n = 0; n < options.count; n++) {
    await submitReport(recorded, options.report(n));
    while (pending.length >= 25) {
      writers.push(flush(pending.splice(0, 25)));
      if (writers.length >= concurrency) await Promise.all(writers.splice(0, writers.length));
    }
    if ((n + 1) % 10_000 === 0) options.progress?.(n + 1);
  }
  writers.push(flush(pending.splice(0, pending.length)));
  await Promise.all(writers);
}
