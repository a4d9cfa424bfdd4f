// The issue's budgets, each judged met or missed with its figure.
import type { CitizenScripts } from './citizenScripts.js';
import type { Budget, FunctionFigures, LoadFigures, OperationCalls, ScaleFigures } from './results.js';

export const BUNDLE_OVER_BASELINE_BYTES = 150 * 1024;
export const COLD_START_RATIO = 1.3;
export const THROUGHPUT_RATIO = 0.7;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function judgeBudgets(figures: {
  functions?: FunctionFigures[];
  operations?: OperationCalls[];
  load?: LoadFigures[];
  scale?: ScaleFigures;
  citizenScripts?: CitizenScripts;
}): Budget[] {
  const budgets: Budget[] = [];
  for (const f of figures.functions ?? []) {
    const over = f.bundleBytes - f.baselineBundleBytes;
    budgets.push({
      name: `bundle: ${f.handler}`,
      limit: `≤ SDK-only baseline + 150 KiB`,
      figure: `+${kib(over)} (${kib(f.bundleBytes)} vs ${kib(f.baselineBundleBytes)})`,
      met: over <= BUNDLE_OVER_BASELINE_BYTES,
    });
    const ratio = f.coldStartMs / f.baselineColdStartMs;
    budgets.push({
      name: `cold start: ${f.handler}`,
      limit: `≤ ${COLD_START_RATIO}× baseline`,
      figure: `${ratio.toFixed(2)}× (${f.coldStartMs} vs ${f.baselineColdStartMs} ms)`,
      met: ratio <= COLD_START_RATIO,
    });
  }
  for (const o of figures.operations ?? []) {
    budgets.push({
      name: `calls: ${o.operation}`,
      limit: `the minimum, ${o.minimum}`,
      figure: `${o.total} (${
        Object.entries(o.calls)
          .map(([c, n]) => `${n}× ${c}`)
          .join(', ') || 'none'
      })`,
      met: o.total <= o.minimum,
    });
  }
  for (const l of figures.load ?? []) {
    budgets.push({
      name: `throughput: ${l.operation}`,
      limit: `≥ ${THROUGHPUT_RATIO}× raw SDK`,
      figure: `${l.ratio.toFixed(2)}× (${Math.round(l.portal.rps)} vs ${Math.round(l.rawSdk.rps)} req/s)`,
      met: l.ratio >= THROUGHPUT_RATIO,
    });
  }
  for (const page of figures.scale?.queuePages ?? []) {
    budgets.push({
      name: `queue page reads its page: ${page.view}`,
      limit: `ScannedCount ≤ ${page.limit} with ${figures.scale!.cases} cases`,
      figure: `${page.scannedCount} scanned, ${page.returned} returned, ${page.queries} query`,
      met: page.scannedCount <= page.limit && page.queries === 1,
    });
  }
  if (figures.citizenScripts) {
    const c = figures.citizenScripts;
    budgets.push({
      name: 'citizen JavaScript',
      limit: `≤ ${c.budgetBytes} B gzipped`,
      figure: `${c.gzipBytes} B`,
      met: c.gzipBytes <= c.budgetBytes,
    });
  }
  return budgets;
}
