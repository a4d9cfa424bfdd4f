// The shape of bench/results.json: what `npm run bench` measured, on which machine, and which budgets it met.
import type { CitizenScripts } from './citizenScripts.js';
import type { CostFigures } from './costModel.js';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  java: string;
}

/** A latency distribution in milliseconds. */
export interface Latency {
  p50: number;
  p99: number;
}

export interface FunctionFigures {
  handler: string;
  /** Minified ESM bundle, bytes (the country pack shipped beside it is not counted). */
  bundleBytes: number;
  baselineBundleBytes: number;
  /** Median of fresh processes: import the bundle and serve one event, milliseconds. */
  coldStartMs: number;
  baselineColdStartMs: number;
  /** Median time to import the bundle alone (Lambda's "Init Duration"), milliseconds. */
  initMs: number;
  baselineInitMs: number;
  /** Median time to serve a second event in the same process (a warm invocation), milliseconds. */
  warmMs: number;
}

export interface OperationCalls {
  operation: string;
  /** Calls actually made, by service and command, e.g. { "DynamoDB.Query": 1 }. */
  calls: Record<string, number>;
  total: number;
  minimum: number;
  /** The minimum, by service and command. */
  minimumCalls: Record<string, number>;
  /** DynamoDB capacity units consumed, table and indexes (DynamoDB Local's own accounting). */
  readUnits: number;
  writeUnits: number;
}

export interface LoadFigures {
  operation: 'submit' | 'track' | 'queuePage';
  connections: number;
  durationSeconds: number;
  portal: { rps: number; latencyMs: Latency; requests: number; non2xx: number; errors: number };
  rawSdk: { rps: number; latencyMs: Latency; requests: number; errors: number };
  /** portal.rps / rawSdk.rps */
  ratio: number;
}

export interface QueuePageRead {
  view: string;
  limit: number;
  returned: number;
  /** DynamoDB calls the page took. */
  queries: number;
  /** Items DynamoDB read for it (ScannedCount): the page, not the organization's whole queue. */
  scannedCount: number;
}

export interface ScaleFigures {
  cases: number;
  organizations: number;
  /** How long filing them through the submission use case took. */
  seedSeconds: number;
  /** Cases in the queue the pages were read from. */
  casesOfOrganization: number;
  queuePages: QueuePageRead[];
  config: { lang: string; bytes: number; gzipBytes: number }[];
}

export interface Budget {
  name: string;
  limit: string;
  figure: string;
  met: boolean;
}

export interface BenchResults {
  generatedAt: string;
  machine: Machine;
  options: { runs: number; cases: number; loadSeconds: number; connections: number };
  functions?: FunctionFigures[];
  operations?: OperationCalls[];
  load?: LoadFigures[];
  scale?: ScaleFigures;
  citizenScripts?: CitizenScripts;
  costs?: CostFigures;
  budgets?: Budget[];
  /** How long the whole run took. */
  seconds?: number;
}
