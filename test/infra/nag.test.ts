// cdk-nag's AwsSolutions, NIST 800-53 rev. 5 and Serverless packs over the whole stack: no unacknowledged finding,
// and every acknowledgement in the stack carries a reason. The packs run once per run, on the stack the infra
// project's global setup synthesized (test/infra/support/portalStackSetup.ts).
import { describe, expect, it } from 'vitest';
import { sharedPortalStack } from './support/sharedPortalStack.js';

const { nag } = sharedPortalStack();

describe('cdk-nag', () => {
  it('runs the AwsSolutions, NIST 800-53 R5 and Serverless packs', () => {
    expect(Object.keys(nag.packs).sort()).toEqual(['AwsSolutionsChecks', 'NIST80053R5Checks', 'ServerlessChecks']);
  });

  for (const pack of ['AwsSolutionsChecks', 'NIST80053R5Checks', 'ServerlessChecks']) {
    it(`${pack} reports no unacknowledged error or warning on the whole stack`, () => {
      expect(nag.packs[pack]?.findings).toEqual([]);
      expect(nag.packs[pack]?.success).toBe(true);
    });
  }

  it('acknowledges each finding with a reason of its own', () => {
    expect(nag.acknowledgements.length).toBeGreaterThan(10);
    for (const { id, reason } of nag.acknowledgements) expect(reason.length, id).toBeGreaterThan(40);
  });

  it('acknowledges findings of every pack, not only AwsSolutions', () => {
    // aws-cdk-lib records an acknowledgement under its plugin namespace (`Annotation::AwsSolutions-...`): drop it.
    const prefixes = new Set(nag.acknowledgements.map(({ id }) => id.replace(/^[^:[]+::/, '').split('-')[0]));
    for (const prefix of ['AwsSolutions', 'NIST.800.53.R5', 'Serverless']) expect(prefixes).toContain(prefix);
  });
});
