// What a synthesized portal template keeps running while nobody reports anything: web ACLs and their rules, KMS
// keys, alarms, secrets, and the schedules that wake functions up. Pure, over the template's resources, so that the
// infra tests read the one template their global setup synthesized (bench/stackInventory.ts synthesizes its own).
import type { StackInventory } from './costModel.js';

type Resource = { Type: string; Properties: Record<string, any> };

export function templateInventory(resources: Record<string, Resource>, functionNames: string[] = []): StackInventory {
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
