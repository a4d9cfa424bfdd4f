// The idle-month cost is priced from what the synthesized stack keeps running.
import { describe, expect, it } from 'vitest';
import { functionNames } from '../../bench/coldStart.js';
import { stackInventory } from '../../bench/stackInventory.js';

describe('stackInventory', () => {
  // Synthesizes the whole stack: some 25 s alone on a 2-core machine, more when it is busy.
  it('counts the web ACL and its rules, keys, alarms, secrets and the schedules of the stack', { timeout: 120_000 }, () => {
    const inventory = stackInventory('kr', functionNames());
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
