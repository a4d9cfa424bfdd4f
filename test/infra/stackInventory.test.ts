// The idle-month cost is priced from what the synthesized stack keeps running. Counted on the template the infra
// project's global setup synthesized (CleanPortal-kr-dev; `npm run bench` counts the prod stage, which differs only in
// names: bench/stackInventory.ts).
import { describe, expect, it } from 'vitest';
import { functionNames } from '../../bench/coldStart.js';
import { templateInventory } from '../../bench/templateInventory.js';
import { sharedPortalStack } from './support/sharedPortalStack.js';

describe('stackInventory', () => {
  it('counts the web ACL and its rules, keys, alarms, secrets and the schedules of the stack', () => {
    const inventory = templateInventory(sharedPortalStack().resources, functionNames());
    expect(inventory.webAcls).toBe(1);
    expect(inventory.wafRules).toBeGreaterThanOrEqual(3);
    expect(inventory.kmsKeys).toBeGreaterThanOrEqual(3);
    expect(inventory.alarms).toBeGreaterThan(0);
    expect(inventory.secrets).toBeGreaterThanOrEqual(2);
    expect(inventory.functions).toBeGreaterThanOrEqual(functionNames().length);
    expect(inventory.schedules).toEqual(
      expect.arrayContaining([
        { function: 'sweepDeadlines', runsPerMonth: 8640 },
        { function: 'publishPublicStats', runsPerMonth: 720 },
        { function: 'anchorAuditHeads', runsPerMonth: 30 },
      ]),
    );
  });
});
