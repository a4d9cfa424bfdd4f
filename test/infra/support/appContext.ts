// The app context infra tests synthesize with: cdk.json's feature flags, so a test synthesizes what `cdk synth` does,
// with no bundling ('aws:cdk:bundling-stacks': []): the tests check what CloudFormation is asked to build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '#lib/portalFunction.js';

export function appContext(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  return { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...extra };
}
