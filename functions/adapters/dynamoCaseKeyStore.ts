// The case keys deployed: one item per case in a table of their own (lib/caseKeyStore.ts), with no backup plan and a
// one-day point-in-time window, apart from the case table and its backups. Shredding deletes the item.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { CaseKeys, Sealer } from '#core/ports.js';
import { newCaseKey, unwrapCaseKey, wrapCaseKey } from './caseKeyWrapping.js';
import { guarded } from './dependencyFailure.js';

const STORE = 'case key store';

export class DynamoCaseKeyStore implements CaseKeys {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly wrapper: Sealer,
  ) {}

  /**
   * One conditional PutItem, created or not: when the case has a key already, DynamoDB answers the refusal with the
   * stored item (ReturnValuesOnConditionCheckFailure), so a filing's retry and a later message cost no extra read.
   */
  async keyFor(caseId: string): Promise<Uint8Array> {
    const key = newCaseKey();
    const wrappedKey = await wrapCaseKey(this.wrapper, caseId, key);
    const existing = await guarded(STORE, async () => {
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { caseId, wrappedKey },
            ConditionExpression: 'attribute_not_exists(caseId)',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return null;
      } catch (error) {
        const e = error as { name?: string; Item?: Record<string, AttributeValue> };
        if (e.name !== 'ConditionalCheckFailedException') throw error;
        return e.Item ? (unmarshall(e.Item).wrappedKey as string | undefined) : undefined;
      }
    });
    if (existing === null) return key;
    if (existing) return unwrapCaseKey(this.wrapper, caseId, existing);
    const stored = await this.find(caseId);
    if (!stored) throw new Error('a case key was refused as existing and then not found');
    return stored;
  }

  async find(caseId: string): Promise<Uint8Array | null> {
    const out = await guarded(STORE, () =>
      this.db.send(new GetCommand({ TableName: this.tableName, Key: { caseId }, ConsistentRead: true })),
    );
    const wrapped = out.Item?.wrappedKey as string | undefined;
    return wrapped ? unwrapCaseKey(this.wrapper, caseId, wrapped) : null;
  }

  async shred(caseId: string): Promise<void> {
    await guarded(STORE, () => this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { caseId } })));
  }
}
