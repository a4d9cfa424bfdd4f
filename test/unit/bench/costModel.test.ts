// The cost model's arithmetic on figures chosen by hand, so each line can be checked on paper.
import { describe, expect, it } from 'vitest';
import { PRICES, REPORT_LIFE, type StackInventory, costModel } from '../../../bench/costModel.js';
import { OPERATION_MINIMUMS } from '../../../bench/operationMinimums.js';
import type { FunctionFigures, OperationCalls } from '../../../bench/results.js';

const handlers = [...new Set([...REPORT_LIFE.map((r) => r.handler), 'sweepDeadlines', 'publishPublicStats'])];
// Every function: 100 ms cold, so 300 ms billed at the ×3 slowdown, 0.15 GB-s at 512 MB.
const functions: FunctionFigures[] = handlers.map((handler) => ({
  handler,
  bundleBytes: 1,
  baselineBundleBytes: 1,
  coldStartMs: 100,
  baselineColdStartMs: 100,
  initMs: 50,
  baselineInitMs: 50,
  warmMs: 10,
}));
// Every operation: 2 read units and 10 write units.
const operations: OperationCalls[] = OPERATION_MINIMUMS.map((o) => ({
  operation: o.operation,
  calls: {},
  total: 0,
  minimum: 0,
  minimumCalls: {},
  readUnits: 2,
  writeUnits: 10,
}));
const inventory: StackInventory = {
  webAcls: 1,
  wafRules: 6,
  kmsKeys: 4,
  alarms: 30,
  secrets: 2,
  functions: 17,
  schedules: [
    { function: 'sweepDeadlines', runsPerMonth: 8640 },
    { function: 'publishPublicStats', runsPerMonth: 720 },
  ],
};
const line = (lines: { item: string; usd: number }[], item: string) => lines.find((l) => l.item === item)!.usd;

describe('costModel', () => {
  const costs = costModel(functions, operations, inventory);
  const requests = REPORT_LIFE.reduce((t, r) => t + r.count, 0);

  it('prices the API requests a report causes', () => {
    expect(costs.per1000Reports.requestsPerReport).toBe(27);
    expect(line(costs.per1000Reports.lines, 'API Gateway (REST)')).toBeCloseTo(requests * 1000 * PRICES.apiGatewayRestRequest, 4);
  });

  it('bills Lambda as cold at three times the measured time, and DynamoDB by the measured units', () => {
    const lambda = requests * 1000 * (0.3 * 0.5 * PRICES.lambdaGbSecondArm + PRICES.lambdaRequest);
    expect(line(costs.per1000Reports.lines, 'Lambda')).toBeCloseTo(lambda, 4);
    const dynamo = requests * 1000 * (10 * PRICES.dynamoWriteUnit + 2 * PRICES.dynamoReadUnit);
    expect(line(costs.per1000Reports.lines, 'DynamoDB on-demand')).toBeCloseTo(dynamo, 4);
  });

  it('prices an idle month from the stack inventory and its schedules', () => {
    expect(line(costs.idleMonth.lines, 'WAF')).toBe(11);
    expect(line(costs.idleMonth.lines, 'KMS keys')).toBe(4);
    expect(line(costs.idleMonth.lines, 'CloudWatch alarms')).toBeCloseTo(3, 5);
    expect(line(costs.idleMonth.lines, 'Secrets Manager')).toBeCloseTo(0.8, 5);
    expect(line(costs.idleMonth.lines, 'Schedule: sweepDeadlines')).toBeCloseTo(
      8640 * (0.3 * 0.5 * PRICES.lambdaGbSecondArm + PRICES.lambdaRequest),
      4,
    );
    const total = costs.idleMonth.lines.reduce((t, l) => t + l.usd, 0);
    expect(costs.idleMonth.totalUsd).toBeCloseTo(total, 3);
  });

  it('sets an always-on VM beside it', () => {
    expect(costs.vmMonth.totalUsd).toBeCloseTo(730 * 0.0336 + 50 * 0.08 + 50 * 0.05 + 730 * 0.005, 2);
    expect(costs.vmMonth.totalUsd).toBeGreaterThan(costs.idleMonth.totalUsd);
  });

  it('refuses to price a function or an operation that was not measured', () => {
    expect(() =>
      costModel(
        functions.filter((f) => f.handler !== 'trackCase'),
        operations,
        inventory,
      ),
    ).toThrow(/not measured/);
    expect(() =>
      costModel(
        functions,
        operations.filter((o) => o.operation !== 'track'),
        inventory,
      ),
    ).toThrow(/track was not measured/);
  });
});
