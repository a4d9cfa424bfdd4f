// The bucket grant retention needs: the deadline sweep deletes the cases whose retention has run out
// (functions/core/caseDeletion.ts), every version of their evidence with them. Its table grants are in lib/jobs.ts.
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { acknowledge, arnToken } from './nag.js';
import { EVIDENCE_PREFIX, type PortalStorage } from './storage.js';

/**
 * Destroying a case's evidence in the versioned bucket: listing the versions under evidence/ (and nothing else of
 * the bucket), and deleting versions under evidence/. No read, no write, no key: deleting needs
 * none, so the sweep still cannot open a file.
 */
export function grantEvidenceDestruction(storage: PortalStorage, grantee: IGrantable): void {
  const { bucket } = storage;
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['s3:ListBucketVersions'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${EVIDENCE_PREFIX}*`] } },
    }),
  );
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      // A versioned bucket's objects are deleted version by version (and delete marker by marker), with a VersionId.
      actions: ['s3:DeleteObjectVersion'],
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
