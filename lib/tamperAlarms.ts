// Tamper alarms (issue 13): the management calls that would destroy or open up what reporters entrusted to us raise
// an alarm on the alarm topic the moment CloudTrail hands them to EventBridge — a key of the portal scheduled for
// deletion or disabled, any change to a portal key's policy, the pepper deleted, the table's deletion protection
// turned off. These events reach EventBridge only while a CloudTrail trail logs management (write) events in this
// region (docs/operations.md, "What the tamper alarms need").
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventField, Rule, RuleTargetInput } from 'aws-cdk-lib/aws-events';
import { SnsTopic } from 'aws-cdk-lib/aws-events-targets';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The EventBridge detail type of a management call recorded by CloudTrail. */
export const CLOUDTRAIL_API_CALL = 'AWS API Call via CloudTrail';

export interface TamperAlarmsProps {
  /** e.g. `CleanPortal-kr-dev`: prefixes the rule descriptions and the messages. */
  readonly name: string;
  /** Every KMS key of the portal. */
  readonly keys: readonly IKey[];
  readonly pepper: ISecret;
  readonly table: ITable;
  readonly topic: ITopic;
  /** Where an alarm EventBridge could not publish waits (its depth is alarmed on by PortalMonitoring). */
  readonly deadLetters: IQueue;
}

export class TamperAlarms extends Construct {
  readonly keyDeletionRule: Rule;
  readonly keyPolicyRule: Rule;
  readonly pepperDeletionRule: Rule;
  readonly tableProtectionRule: Rule;

  constructor(scope: Construct, id: string, props: TamperAlarmsProps) {
    super(scope, id);
    const keyArns = props.keys.map((key) => key.keyArn);
    // The caller, the call and its target, read from the CloudTrail record: never request data of a reporter.
    const message = (what: string) =>
      RuleTargetInput.fromText(
        `${props.name}: ${what}. Call ${EventField.fromPath('$.detail.eventName')} by ${EventField.fromPath('$.detail.userIdentity.arn')} ` +
          `at ${EventField.fromPath('$.detail.eventTime')} (event ${EventField.fromPath('$.detail.eventID')}). ` +
          'If nobody on the key-admin rota made this call, follow docs/operations.md now.',
      );
    const target = (what: string) => new SnsTopic(props.topic, { message: message(what), deadLetterQueue: props.deadLetters });

    // KMS records the key's ARN in the event's resources list whichever form (id, ARN, alias) the caller used.
    this.keyDeletionRule = new Rule(this, 'KeyDeletionOrDisableRule', {
      description: `${props.name}: a portal KMS key was scheduled for deletion or disabled`,
      eventPattern: {
        source: ['aws.kms'],
        detailType: [CLOUDTRAIL_API_CALL],
        detail: {
          eventSource: ['kms.amazonaws.com'],
          eventName: ['ScheduleKeyDeletion', 'DisableKey'],
          resources: { ARN: keyArns },
        },
      },
      targets: [target('a portal KMS key was scheduled for deletion or disabled')],
    });

    this.keyPolicyRule = new Rule(this, 'KeyPolicyChangeRule', {
      description: `${props.name}: a portal KMS key's policy was replaced`,
      eventPattern: {
        source: ['aws.kms'],
        detailType: [CLOUDTRAIL_API_CALL],
        detail: { eventSource: ['kms.amazonaws.com'], eventName: ['PutKeyPolicy'], resources: { ARN: keyArns } },
      },
      targets: [target("a portal KMS key's policy was replaced (a deploy that changes a key policy raises this too)")],
    });

    // The caller may name the secret by ARN or by name; a successful call answers with its ARN either way.
    this.pepperDeletionRule = new Rule(this, 'PepperDeletionRule', {
      description: `${props.name}: the tracking-code pepper was deleted`,
      eventPattern: {
        source: ['aws.secretsmanager'],
        detailType: [CLOUDTRAIL_API_CALL],
        detail: {
          eventSource: ['secretsmanager.amazonaws.com'],
          eventName: ['DeleteSecret'],
          $or: [{ requestParameters: { secretId: [props.pepper.secretArn] } }, { responseElements: { arn: [props.pepper.secretArn] } }],
        },
      },
      targets: [target('the tracking-code pepper was deleted (restore it with secretsmanager restore-secret)')],
    });

    this.tableProtectionRule = new Rule(this, 'TableDeletionProtectionOffRule', {
      description: `${props.name}: the case table's deletion protection was turned off`,
      eventPattern: {
        source: ['aws.dynamodb'],
        detailType: [CLOUDTRAIL_API_CALL],
        detail: {
          eventSource: ['dynamodb.amazonaws.com'],
          eventName: ['UpdateTable'],
          requestParameters: {
            tableName: [props.table.tableName, props.table.tableArn],
            deletionProtectionEnabled: [false],
          },
        },
      },
      targets: [target("the case table's deletion protection was turned off")],
    });
  }
}
