// cdk-nag's AwsSolutions pack over the whole stack: no unacknowledged finding, and every acknowledgement in the
// stack carries a reason.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { PortalStack } from '#lib/portalStack.js';

const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
const stack = new PortalStack(app, 'CleanPortal-kr-dev', { country: 'kr', stage: 'dev' });

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged error or warning on the whole stack', () => {
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    const findings = report.violations.map(
      (v) => `${v.ruleName} (${v.severity}): ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('acknowledges each finding with a reason of its own', () => {
    const acknowledgements: { id: string; reason: string }[] = [];
    const visit = (node: IConstruct) => {
      for (const entry of node.node.metadata) {
        if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && entry.data) {
          for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>))
            acknowledgements.push({ id, reason: String(reason) });
        }
      }
      node.node.children.forEach(visit);
    };
    visit(stack);
    expect(acknowledgements.length).toBeGreaterThan(10);
    for (const { id, reason } of acknowledgements) expect(reason.length, id).toBeGreaterThan(40);
  });
});
