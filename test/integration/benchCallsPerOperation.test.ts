// Every operation makes exactly the AWS calls the design needs, no more: counted by the bench's SDK middleware
// against the embedded servers (calls, not timings, so a test can hold them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchPortal, startBenchPortal } from '../../bench/benchPortal.js';
import { measureCallsPerOperation } from '../../bench/callsPerOperation.js';
import { OPERATION_MINIMUMS } from '../../bench/operationMinimums.js';
import type { OperationCalls } from '../../bench/results.js';

let portal: BenchPortal;
let counted: OperationCalls[];
beforeAll(async () => {
  portal = await startBenchPortal();
  counted = await measureCallsPerOperation(portal);
});
afterAll(() => portal?.stop());

describe('AWS calls per operation', () => {
  it('measures every operation the design names', () => {
    expect(counted.map((c) => c.operation)).toEqual(OPERATION_MINIMUMS.map((o) => o.operation));
  });

  it.each(OPERATION_MINIMUMS.map((o) => [o.operation, o.calls.length] as const))(
    '%s makes its minimum, %i call(s), of the right kinds',
    (operation) => {
      const found = counted.find((c) => c.operation === operation)!;
      expect(found.calls).toEqual(found.minimumCalls);
      expect(found.total).toBe(found.minimum);
    },
  );

  it('reads the audit anchor, one Query more, in every answer that carries an audit verdict, and nowhere else', () => {
    // The case's own partition comes in one Query; the anchor of its heads lives outside it, on purpose.
    const queries = (operation: string) => counted.find((c) => c.operation === operation)!.calls['DynamoDB.Query'] ?? 0;
    for (const operation of ['caseView', 'statusChange', 'transfer']) expect(queries(operation), operation).toBe(2);
    for (const operation of ['agencyMessage', 'attachmentLink']) expect(queries(operation), operation).toBe(1);
    // The reporter's view reads the case's partition and its applications' (docs/applications.md), no anchor.
    expect(queries('track')).toBe(2);
  });

  it('records what DynamoDB says each call consumed', () => {
    const units = (operation: string) => counted.find((c) => c.operation === operation)!;
    expect(units('submit').writeUnits).toBeGreaterThan(0);
    expect(units('track').readUnits).toBeGreaterThan(0);
    expect(units('config')).toMatchObject({ readUnits: 0, writeUnits: 0 });
  });
});
