// cdk-nag acknowledgements (AwsSolutions, NIST 800-53 R5 and Serverless packs). Every finding the stack leaves standing is acknowledged where it
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

/** The same reason for findings of several packs that flag one choice (e.g. no server access logs). */
export function acknowledgeEach(scope: IConstruct, ids: string[], reason: string): void {
  for (const id of ids) acknowledge(scope, id, reason);
}

/** Why no log group carries a KMS key of its own (NIST.800.53.R5-CloudWatchLogGroupEncrypted). */
export const LOG_GROUP_KEY_REASON =
  'CloudWatch Logs encrypts every log group at rest with its service key; these logs never carry a tracking code, report text, contact, address or user agent (invariant 2, enforced by the logger tests), so a customer key would guard nothing a reporter entrusted to us and add a key policy per region.';

/**
 * The table key's write actions, as the DynamoDB table grants add them for a customer-managed key: on that one key,
 * through DynamoDB only (kms:ViaService). Every role that writes the table has them (PortalStorage.grantTable).
 */
export function acknowledgeTableKeyWrites(scope: IConstruct, why = 'writing its items needs them'): void {
  for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
    acknowledge(
      scope,
      `AwsSolutions-IAM5[Action::${action}]`,
      `The table key\u2019s write actions, as the DynamoDB table grants add them for a customer-managed key, on that one key and only through DynamoDB (kms:ViaService): ${why}.`,
    );
  }
}
