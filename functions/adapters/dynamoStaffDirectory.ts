// StaffDirectory over the portal's table: an organization's staff share the partition `STAFF#<organizationId>`, one
// item per account (`USER#<username>`), so listing them is one Query and the functions that need them are granted
// that partition only. No index keys: staff are in no queue.
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AGENCY_ROLES } from '#contract/agencyRoles.js';
import { PARTITIONS } from '#contract/tableDesign.js';
import type { StaffDirectory, StaffMember } from '#core/staff/ports.js';
import { guarded } from './dependencyFailure.js';
import { queryAllPages } from './queryAllPages.js';

export const staffPk = (organizationId: string) => `${PARTITIONS.staff}${organizationId}`;
const USER_PREFIX = 'USER#';
const staffSk = (username: string) => `${USER_PREFIX}${username}`;

function memberOf(item: Record<string, unknown>): StaffMember | null {
  const { username, organizationId, role, email, digest } = item;
  if (typeof username !== 'string' || typeof organizationId !== 'string') return null;
  if (!AGENCY_ROLES.includes(role as StaffMember['role'])) return null;
  return {
    username,
    organizationId,
    role: role as StaffMember['role'],
    email: typeof email === 'string' && email ? email : null,
    digest: digest === true,
  };
}

export class DynamoStaffDirectory implements StaffDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async members(organizationId: string): Promise<StaffMember[]> {
    const items = await queryAllPages(
      this.client,
      this.tableName,
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :user)',
        ExpressionAttributeValues: { ':pk': staffPk(organizationId), ':user': USER_PREFIX },
      },
      'staff directory',
    );
    return items.flatMap((item) => memberOf(item) ?? []).sort((a, b) => a.username.localeCompare(b.username));
  }

  async member(organizationId: string, username: string): Promise<StaffMember | null> {
    const found = await guarded('staff directory', () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: { PK: staffPk(organizationId), SK: staffSk(username) } })),
    );
    return found.Item ? memberOf(found.Item) : null;
  }

  async register(member: StaffMember): Promise<void> {
    await guarded('staff directory', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { PK: staffPk(member.organizationId), SK: staffSk(member.username), kind: 'staff', ...member },
        }),
      ),
    );
  }

  async setDigest(organizationId: string, username: string, digest: boolean): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { PK: staffPk(organizationId), SK: staffSk(username) },
          UpdateExpression: 'SET digest = :digest',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':digest': digest },
        }),
      );
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      return guarded('staff directory', () => Promise.reject(error));
    }
  }
}
