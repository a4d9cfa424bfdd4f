// What the deployed stack keeps running while nobody reports anything, read from its synthesized template (no
// bundling): the production stage of a country, counted by bench/templateInventory.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { portalStackName } from '#lib/portalStack.js';
import { PortalStack } from '#lib/portalStack.js';
import { PROJECT_ROOT } from '#lib/portalFunction.js';
import type { StackInventory } from './costModel.js';
import { templateInventory } from './templateInventory.js';

export function stackInventory(country = 'kr', functionNames: string[] = []): StackInventory {
  const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  // A prod stage refuses to synthesize without an alarm subscriber (lib/portalStack.ts); any address will do here.
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], alarmEmail: 'alarms@example.org' } });
  const stack = new PortalStack(app, portalStackName(country, 'prod'), { country, stage: 'prod' });
  return templateInventory(Template.fromStack(stack).toJSON().Resources, functionNames);
}
