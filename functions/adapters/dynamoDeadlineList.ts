// DeadlineList over the due list (GSI4, partition `DUE`, sorted by `<dueAt>#<caseId>`): the cases whose pending
// deadline falls in a window, read with a projection of their facts only, so the notifier never receives a case's
// sealed text from the index.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { INDEXES, PARTITIONS } from '#contract/tableDesign.js';
import type { CaseFacts, DeadlineList } from '#core/notify/ports.js';
import { queryAllPages } from './queryAllPages.js';

/** The attributes a notice may be made of (core/notify/ports.ts CaseFacts). */
export const CASE_FACT_ATTRIBUTES = ['caseId', 'organizationId', 'assignee', 'whistleblowerMessages', 'dueAt'] as const;

/** A case's facts from an item (or a stream image), or null when it is not a case's. */
export function caseFactsOf(item: Record<string, unknown> | undefined): CaseFacts | null {
  if (!item) return null;
  const { caseId, organizationId, assignee, whistleblowerMessages, dueAt } = item;
  if (typeof caseId !== 'string' || typeof organizationId !== 'string') return null;
  return {
    caseId,
    organizationId,
    assignee: typeof assignee === 'string' && assignee ? assignee : null,
    whistleblowerMessages: typeof whistleblowerMessages === 'number' ? whistleblowerMessages : 0,
    dueAt: typeof dueAt === 'string' ? dueAt : null,
  };
}

export class DynamoDeadlineList implements DeadlineList {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async dueBetween(from: string, to: string): Promise<CaseFacts[]> {
    const items = await queryAllPages(
      this.client,
      this.tableName,
      {
        IndexName: INDEXES.due.name,
        KeyConditionExpression: `${INDEXES.due.partitionKey} = :pk AND ${INDEXES.due.sortKey} BETWEEN :from AND :to`,
        // `#` sorts before every character of a case id: `<to>#…` is past every entry due exactly at `to`.
        ExpressionAttributeValues: { ':pk': PARTITIONS.due, ':from': from, ':to': `${to}#` },
        ProjectionExpression: CASE_FACT_ATTRIBUTES.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(CASE_FACT_ATTRIBUTES.map((name, i) => [`#a${i}`, name])),
      },
      'deadline list',
    );
    return items.flatMap((item) => caseFactsOf(item) ?? []);
  }
}
