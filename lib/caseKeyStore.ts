// The case keys' own table (docs/crypto-shredding.md): one wrapped data key per case, kept apart from the case table,
// its point-in-time recovery and its backups, so deleting a case's key item makes every copy of that case's sealed
// text unreadable. No backup plan may select this table; its own point-in-time window is one day, which is how long
// after a shred the key could still be restored. Backups, exports and on-demand copies are refused by its policy.
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type ITable, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { AnyPrincipal, Effect, PolicyDocument, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledge } from './nag.js';
import { TABLE_MAX_THROUGHPUT } from './storage.js';

/** The variable the handlers read the table's name from (functions/runtime/config.ts). */
export const CASE_KEY_TABLE_VARIABLE = 'CASE_KEY_TABLE';
/** How long a shredded key can still be restored from the table's own point-in-time recovery: DynamoDB's minimum. */
export const CASE_KEY_RECOVERY_DAYS = 1;
/** What would copy the keys out of the table's one-day window, refused to everyone. */
export const CASE_KEY_COPY_ACTIONS = [
  'dynamodb:CreateBackup',
  'dynamodb:ExportTableToPointInTime',
  'dynamodb:StartAwsBackupJob',
  'dynamodb:CreateTableReplica',
];

/** `open`: reads a case's key. `seal`: may also create it. */
export type CaseKeyAccess = 'open' | 'seal';

export interface CaseKeyStoreProps {
  /**
   * The key table the stack kept (it is retained) when the case table is a restored one (`-c caseKeyTableName=`,
   * docs/operations.md): the restored cases' text opens only under their own keys.
   */
  readonly existingTableName?: string;
}

export class CaseKeyStore extends Construct {
  readonly table: ITable;

  constructor(scope: Construct, id: string, props: CaseKeyStoreProps = {}) {
    super(scope, id);
    if (props.existingTableName) {
      this.table = Table.fromTableName(this, 'KeptTable', props.existingTableName);
      return;
    }
    const table = new Table(this, 'Table', {
      partitionKey: { name: 'caseId', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      // At most one key read or write per case operation: the case table's cap bounds it, and this one its worst day.
      maxReadRequestUnits: TABLE_MAX_THROUGHPUT.table.readRequestUnits,
      maxWriteRequestUnits: TABLE_MAX_THROUGHPUT.table.writeRequestUnits,
      // The items are already wrapped under the customer-managed case-text key; the table's own key adds no custody.
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: CASE_KEY_RECOVERY_DAYS },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      resourcePolicy: new PolicyDocument({
        statements: [
          new PolicyStatement({
            sid: 'NoCopiesOfCaseKeys',
            effect: Effect.DENY,
            principals: [new AnyPrincipal()],
            actions: CASE_KEY_COPY_ACTIONS,
            resources: ['*'],
          }),
        ],
      }),
    });
    this.table = table;
    acknowledge(
      table,
      'NIST.800.53.R5-DynamoDBInBackupPlan',
      'Crypto-shredding (docs/crypto-shredding.md): a backup of the case keys would keep every deleted case readable; the table keeps a one-day point-in-time window instead, and its policy refuses backups and exports.',
    );
  }

  /** Names the table to a function that builds the portal's dependencies, and grants what `access` needs. */
  connect(fn: LambdaFunction, access?: CaseKeyAccess): void {
    fn.addEnvironment(CASE_KEY_TABLE_VARIABLE, this.table.tableName);
    if (!access) return;
    // GetItem opens a key; a conditional PutItem creates one (and answers with the stored one when it exists).
    const actions = access === 'seal' ? ['dynamodb:GetItem', 'dynamodb:PutItem'] : ['dynamodb:GetItem'];
    fn.addToRolePolicy(new PolicyStatement({ actions, resources: [this.table.tableArn] }));
  }

  /** The deletion path: DeleteItem of a case's key, and nothing else of the table. */
  grantShred(fn: LambdaFunction): void {
    fn.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:DeleteItem'], resources: [this.table.tableArn] }));
  }
}
