// NoticeStore over the portal's table: the notices held for an organization's members who chose a daily digest share
// the partition `NOTICE#<organizationId>`, one item per notice (kind, case id, time: nothing else of the case), so the
// daily run reads an organization's in one Query. DynamoDB's TTL forgets any the run never sent.
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { PARTITIONS, TTL_ATTRIBUTE } from '#contract/tableDesign.js';
import { NOTICE_KINDS, type NoticeKind } from '#core/notify/notices.js';
import type { HeldNotice, NoticeStore } from '#core/notify/ports.js';
import { guarded } from './dependencyFailure.js';
import { queryAllPages } from './queryAllPages.js';

export const noticePk = (organizationId: string) => `${PARTITIONS.notice}${organizationId}`;
const noticeSk = (n: HeldNotice) => `${n.username}#${n.at}#${n.kind}#${n.caseId}`;
/** A held notice outlives a few missed daily runs, then goes. */
export const NOTICE_TTL_SECONDS = 7 * 24 * 60 * 60;

function heldOf(item: Record<string, unknown>): HeldNotice | null {
  const { username, kind, caseId, at } = item;
  if (typeof username !== 'string' || typeof caseId !== 'string' || typeof at !== 'string') return null;
  if (!NOTICE_KINDS.includes(kind as NoticeKind)) return null;
  return { username, kind: kind as NoticeKind, caseId, at };
}

export class DynamoNoticeStore implements NoticeStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async hold(organizationId: string, notice: HeldNotice): Promise<void> {
    const expiresAt = Math.floor(Date.parse(notice.at) / 1000) + NOTICE_TTL_SECONDS;
    await guarded('notice store', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { PK: noticePk(organizationId), SK: noticeSk(notice), ...notice, [TTL_ATTRIBUTE]: expiresAt },
        }),
      ),
    );
  }

  async held(organizationId: string): Promise<HeldNotice[]> {
    const items = await queryAllPages(
      this.client,
      this.tableName,
      { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': noticePk(organizationId) } },
      'notice store',
    );
    return items.flatMap((item) => heldOf(item) ?? []).sort((a, b) => a.at.localeCompare(b.at));
  }

  async release(organizationId: string, notices: HeldNotice[]): Promise<void> {
    for (const notice of notices) {
      await guarded('notice store', () =>
        this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { PK: noticePk(organizationId), SK: noticeSk(notice) } })),
      );
    }
  }
}
