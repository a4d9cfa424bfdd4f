// The portal stack the infra project's global setup synthesized once for the whole run (portalStackSetup.ts).
import { Template } from 'aws-cdk-lib/assertions';
import { inject } from 'vitest';
import type { CfnResource, Json } from './template.js';

export interface SharedPortalStack {
  /** CleanPortal-kr-dev's CloudFormation template, as `Template.toJSON()` gave it. */
  template: Json;
  /** Each cdk-nag pack's report over the same stack (by pack class name), and every acknowledgement in it. */
  nag: {
    packs: Record<string, { success: boolean; findings: string[] }>;
    acknowledgements: { id: string; reason: string }[];
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    portalStack: SharedPortalStack;
  }
}

export function sharedPortalStack(): SharedPortalStack & { assertions: Template; resources: Record<string, CfnResource> } {
  const shared = inject('portalStack');
  if (!shared) throw new Error('no shared portal stack: run test/infra through vitest.config.ts (its infra project synthesizes it)');
  return { ...shared, assertions: Template.fromJSON(shared.template), resources: shared.template.Resources };
}
