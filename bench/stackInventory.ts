// What the deployed stack keeps running while nobody reports anything, read from the synthesized template (no
// bundling): web ACLs and their rules, KMS keys, alarms, secrets, and the schedules that wake functions up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { portalStackName } from '#lib/portalStack.js';
import { PortalStack } from '#lib/portalStack.js';
import { PROJECT_ROOT } from '#lib/portalFunction.js';
import type { StackInventory } from './costModel.js';

type Resource = { Type: string; Properties: Record<string, any> };

export function stackInventory(country = 'kr', functionNames: string[] = []): StackInventory {
  const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const stack = new PortalStack(app, portalStackName(country, 'prod'), { country, stage: 'prod' });
  const resources = Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;
  const all = Object.entries(resources);
  const ofType = (type: string) => all.filter(([, r]) => r.Type === type);
  const schedules = ofType('AWS::Events::Rule').flatMap(([, rule]) => {
    const expression = rule.Properties.ScheduleExpression as string | undefined;
    const target = rule.Properties.Targets?.[0]?.Arn?.['Fn::GetAtt']?.[0] as string | undefined;
    if (!expression || !target) return [];
    return [{ function: functionNames.find((name) => target.includes(name)) ?? target, runsPerMonth: runsPerMonth(expression) }];
  });
  return {
    webAcls: ofType('AWS::WAFv2::WebACL').length,
    wafRules: ofType('AWS::WAFv2::WebACL').reduce((sum, [, acl]) => sum + (acl.Properties.Rules?.length ?? 0), 0),
    kmsKeys: ofType('AWS::KMS::Key').length,
    alarms: ofType('AWS::CloudWatch::Alarm').length,
    secrets: ofType('AWS::SecretsManager::Secret').length,
    functions: ofType('AWS::Lambda::Function').length,
    schedules,
  };
}

const MINUTES_PER_MONTH = 30 * 24 * 60;

/** `rate(5 minutes)`, `rate(1 hour)`, `rate(1 day)` → runs in a 30-day month. */
export function runsPerMonth(expression: string): number {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (!rate) throw new Error(`cannot price the schedule ${expression}`);
  const minutes = Number(rate[1]) * (rate[2]!.startsWith('minute') ? 1 : rate[2]!.startsWith('hour') ? 60 : 1440);
  return Math.round(MINUTES_PER_MONTH / minutes);
}
