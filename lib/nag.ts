// cdk-nag acknowledgements (AwsSolutions, NIST 800-53 R5 and Serverless packs). Every finding the stack leaves standing is acknowledged where it
// arises, with the reason in code; this module only builds the finding ids that name a resource by its logical id.
import { type CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** `<LogicalId.Arn>`, as cdk-nag writes a resource reference in a finding id. */
export function arnToken(resource: IConstruct): string {
  const cfn = (resource.node.defaultChild ?? resource) as CfnResource;
  return `<${Stack.of(resource).getLogicalId(cfn)}.Arn>`;
}

/** A table's ARN as cdk-nag writes it: `<Table.Arn>` for the stack's own, the joined ARN for an imported one. */
function tableArnInFinding(table: IConstruct): string {
  if (table.node.defaultChild || !('tableArn' in table)) return arnToken(table);
  const resolved = Stack.of(table).resolve(table.tableArn) as { 'Fn::Join'?: [string, unknown[]] } | string;
  if (typeof resolved === 'string') return resolved;
  const [separator, parts] = resolved['Fn::Join'] ?? ['', []];
  return parts.map((part) => (typeof part === 'string' ? part : `<${(part as { Ref: string }).Ref}>`)).join(separator);
}

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** The same reason for findings of several packs that flag one choice (e.g. no server access logs). */
export function acknowledgeEach(scope: IConstruct, ids: string[], reason: string): void {
  for (const id of ids) acknowledge(scope, id, reason);
}

/** Why no log group carries a KMS key of its own (NIST.800.53.R5-CloudWatchLogGroupEncrypted). */
export const LOG_GROUP_KEY_REASON =
  'CloudWatch Logs encrypts every log group at rest with its service key; these logs never carry a tracking code, report text, contact, address or user agent (invariant 2, enforced by the logger tests), so a customer key would guard nothing a reporter entrusted to us and add a key policy per region.';

/** What a DynamoDB data grant on the portal's table brings: its indexes, and the table key's wildcard actions. */
export function acknowledgeTableGrants(scope: IConstruct, table: IConstruct): void {
  acknowledge(
    scope,
    `AwsSolutions-IAM5[Resource::${tableArnInFinding(table)}/index/*]`,
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
