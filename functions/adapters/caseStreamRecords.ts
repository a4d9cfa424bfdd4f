// The table's stream records, as Lambda hands them to the notifier: each case item's change reduced to the case's
// facts before and after (core/notify/ports.ts CaseFacts). The sealed fields in the images are never unmarshalled.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { CASE_ITEM_SK, TABLE_KEYS } from '#contract/tableDesign.js';
import type { CaseFacts } from '#core/notify/ports.js';
import { CASE_FACT_ATTRIBUTES, caseFactsOf } from './dynamoDeadlineList.js';

export interface CaseChange {
  /** The record's sequence number: what a partial batch failure names. */
  sequenceNumber: string;
  before: CaseFacts | null;
  after: CaseFacts | null;
}

type Image = Record<string, AttributeValue>;

/** The facts of an image, unmarshalling the facts' attributes only. */
function factsOf(image: Record<string, unknown> | undefined): CaseFacts | null {
  if (!image) return null;
  const picked: Image = {};
  for (const name of CASE_FACT_ATTRIBUTES) {
    const value = (image as Image)[name];
    if (value) picked[name] = value;
  }
  return caseFactsOf(unmarshall(picked));
}

/** Whether a record is a case item's (the event source mapping filters on it too: `SK = CASE`). */
export function isCaseRecord(record: DynamoDBRecord): boolean {
  return (record.dynamodb?.Keys?.[TABLE_KEYS.sortKey] as { S?: string } | undefined)?.S === CASE_ITEM_SK;
}

export function caseChangesOf(records: readonly DynamoDBRecord[]): CaseChange[] {
  return records.filter(isCaseRecord).map((record) => ({
    sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
    before: factsOf(record.dynamodb?.OldImage),
    after: record.eventName === 'REMOVE' ? null : factsOf(record.dynamodb?.NewImage),
  }));
}
