// cdk-nag's AwsSolutions pack over the whole stack: no unacknowledged finding, and every acknowledgement in the
// stack carries a reason. The pack runs once per run, on the stack the infra project's global setup synthesized
// (test/infra/support/portalStackSetup.ts).
import { describe, expect, it } from 'vitest';
import { sharedPortalStack } from './support/sharedPortalStack.js';

const { nag } = sharedPortalStack();

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged error or warning on the whole stack', () => {
    expect(nag.findings).toEqual([]);
    expect(nag.success).toBe(true);
  });

  it('acknowledges each finding with a reason of its own', () => {
    expect(nag.acknowledgements.length).toBeGreaterThan(10);
    for (const { id, reason } of nag.acknowledgements) expect(reason.length, id).toBeGreaterThan(40);
  });
});
