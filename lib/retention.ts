// The grants retention needs (issue 14), apart from the jobs and storage constructs so they can be ported onto
// another grant scheme as they are. The deadline sweep deletes the cases whose retention has run out
// (functions/core/caseDeletion.ts): every version of their evidence, and every item of their partition with a count
// in the deleted-case aggregates (through the table grant it already has). The statistics publisher reads those.
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { DELETED_CASES_PK } from '#contract/tableDesign.js';
import { acknowledge, arnToken } from './nag.js';
import { EVIDENCE_PREFIX, type PortalStorage } from './storage.js';

/**
 * Destroying a case's evidence in the versioned bucket: listing the versions under evidence/ (and nothing else of
 * the bucket), and deleting objects and their versions under evidence/. No read, no write, no key: deleting needs
 * none, so the sweep still cannot open a file.
 */
export function grantEvidenceDestruction(storage: PortalStorage, grantee: IGrantable): void {
  const { bucket } = storage;
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['s3:ListBucketVersions', 's3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${EVIDENCE_PREFIX}*`] } },
    }),
  );
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
      resources: [bucket.arnForObjects(`${EVIDENCE_PREFIX}*`)],
    }),
  );
}

/** Why the deletion's object grant names a prefix, for the role it is on. */
export function acknowledgeEvidenceDestruction(role: Parameters<typeof acknowledge>[0], storage: PortalStorage): void {
  acknowledge(
    role,
    `AwsSolutions-IAM5[Resource::${arnToken(storage.bucket)}/${EVIDENCE_PREFIX}*]`,
    'Retention deletes every version of a case’s evidence, whose keys are evidence/<caseId>/<id>: deletion only, limited to the evidence/ prefix of this one bucket.',
  );
}

/** Reading the deleted-case aggregates: a Query of their one partition (dynamodb:LeadingKeys), nothing else. */
export function grantDeletedCaseTallies(storage: PortalStorage, grantee: IGrantable): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['dynamodb:Query'],
      resources: [storage.table.tableArn],
      conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [DELETED_CASES_PK] } },
    }),
  );
}
