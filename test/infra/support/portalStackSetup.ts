// vitest global setup of the infra project: the whole portal stack (CleanPortal-kr-dev) is synthesized once per run,
// here, and every infra test file reads the same template and cdk-nag report (test/infra/support/sharedPortalStack.ts).
// Files run in separate workers, so a module-level memo would still synthesize once per file: three times over, some
// 20 s each on a busy 2-core machine. cdk-nag needs the construct tree, which cannot cross into a worker, so its
// report is taken here, on the very stack the template comes from.
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, NIST80053R5Checks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { TestProject } from 'vitest/node';
import { PortalStack, portalStackName } from '#lib/portalStack.js';
import { appContext } from './appContext.js';
import type { SharedPortalStack } from './sharedPortalStack.js';

/** The sender the shared stack is synthesized with (`-c notifySender=`). */
export const NOTIFY_SENDER = 'notifications@portal.example';

/** The cdk-nag packs the stack must pass: AWS Solutions, NIST 800-53 rev. 5 and Serverless. */
export const NAG_PACKS = [AwsSolutionsChecks, NIST80053R5Checks, ServerlessChecks];

export function synthesizePortalStack(): SharedPortalStack {
  // With a notification sender, as a portal that mails its staff is deployed (docs/deploy.md): the notifier is in it.
  const app = new App({ context: appContext({ notifySender: NOTIFY_SENDER }) });
  const stack = new PortalStack(app, portalStackName('kr', 'dev'), { country: 'kr', stage: 'dev' });
  const template = Template.fromStack(stack).toJSON();
  const packs = Object.fromEntries(
    NAG_PACKS.map((Pack) => {
      const report = new Pack(app).validateScope(stack);
      const findings = report.violations.map(
        (v) => `${v.ruleName} (${v.severity}): ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      );
      return [Pack.name, { success: report.success, findings }];
    }),
  );
  return { template, nag: { packs, acknowledgements: acknowledgementsUnder(stack) } };
}

/** Every cdk-nag acknowledgement in the tree, with its reason. */
function acknowledgementsUnder(root: IConstruct): { id: string; reason: string }[] {
  const found: { id: string; reason: string }[] = [];
  const visit = (node: IConstruct) => {
    for (const entry of node.node.metadata) {
      if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && entry.data) {
        for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>)) found.push({ id, reason: String(reason) });
      }
    }
    node.node.children.forEach(visit);
  };
  visit(root);
  return found;
}

export default function setup(project: TestProject): void {
  project.provide('portalStack', synthesizePortalStack());
}
