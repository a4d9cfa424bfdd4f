// Every statement a Lambda function's role is granted, in a form a test can pin: actions sorted, resources written
// with logical ids stripped of their hash (`StorageTable/index/GSI2`, `SecretsCaseTextKey`), conditions as they are.
import { expect } from 'vitest';
import type { CfnResource, Json } from './template.js';

export interface Grant {
  actions: string[];
  resources: string[];
  condition?: Json;
}

/** A logical id without CDK's eight-character hash: readable, and stable while the construct path is. */
const named = (logicalId: string) => logicalId.replace(/[0-9A-F]{8}$/, '');

/** A resource as text: `Fn::GetAtt [id, Arn]` and `Ref id` by name, a join by its parts, pseudo parameters as `${…}`. */
export function resourceName(value: Json): string {
  if (typeof value === 'string') return value;
  if (value['Fn::GetAtt']) return named(value['Fn::GetAtt'][0]);
  if (value.Ref) return String(value.Ref).startsWith('AWS::') ? `\${${value.Ref}}` : named(value.Ref);
  if (value['Fn::Sub']) return String(value['Fn::Sub']);
  if (value['Fn::Join']) return (value['Fn::Join'][1] as Json[]).map(resourceName).join(value['Fn::Join'][0]);
  return JSON.stringify(value);
}

/** The statements of a role's inline policies and of every policy attached to it, in template order. */
export function grantsOf(resources: Record<string, CfnResource>, fn: CfnResource): Grant[] {
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  const role = resources[roleId]!;
  const inline = ((role.Properties.Policies ?? []) as Json[]).flatMap((p) => p.PolicyDocument.Statement as Json[]);
  const attached = Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as Json[]).some((ref) => ref.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Json[]);
  return [...inline, ...attached].map((st) => {
    expect(st.Effect).toBe('Allow');
    return {
      actions: [st.Action].flat().sort(),
      resources: [st.Resource].flat().map(resourceName).sort(),
      ...(st.Condition ? { condition: st.Condition } : {}),
    };
  });
}
