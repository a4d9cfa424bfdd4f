// cdk-nag (AwsSolutions) acknowledgements. Every finding the stack leaves standing is acknowledged where it
// arises, with the reason in code; this module only builds the finding ids that name a resource by its logical id.
import { type CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** `<LogicalId.Arn>`, as cdk-nag writes a resource reference in a finding id. */
export function arnToken(resource: IConstruct): string {
  const cfn = (resource.node.defaultChild ?? resource) as CfnResource;
  return `<${Stack.of(resource).getLogicalId(cfn)}.Arn>`;
}

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** What a DynamoDB data grant on the portal's table brings: its indexes, and the table key's wildcard actions. */
export function acknowledgeTableGrants(scope: IConstruct, table: IConstruct): void {
  acknowledge(
    scope,
    `AwsSolutions-IAM5[Resource::${arnToken(table)}/index/*]`,
    'Queues and the due list are queried through this table\u2019s own indexes; the wildcard covers the indexes of this one table only.',
  );
  for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
    acknowledge(
      scope,
      `AwsSolutions-IAM5[Action::${action}]`,
      'Added by the DynamoDB table grant for its customer-managed key: the table\u2019s server-side encryption needs these on that one key.',
    );
  }
}
