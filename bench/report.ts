// Prints what the bench measured as plain-text tables, then the budgets, met or missed.
import type { BenchResults } from './results.js';

type Row = (string | number)[];

export function table(header: string[], rows: Row[]): string[] {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  // Numbers line up on the right, words on the left.
  const numeric = header.map((_, i) => rows.every((r) => /^[-+$]?[\d.,]+[×%]?$/.test(String(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const usd = (n: number) => `$${n < 0.01 && n > 0 ? n.toFixed(4) : n.toFixed(2)}`;

export function printReport(r: BenchResults, print: (line: string) => void): void {
  const m = r.machine;
  print(`\nClean Portal bench, ${r.generatedAt}: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}`);
  if (r.functions) {
    print('\n1. Functions: bundle (KiB, minified ESM) and cold start (median ms: import + first event), beside the SDK-only baseline');
    table(
      ['function', 'bundle', 'baseline', '+KiB', 'cold', 'baseline', 'ratio', 'init', 'warm'],
      r.functions.map((f) => [
        f.handler,
        kib(f.bundleBytes),
        kib(f.baselineBundleBytes),
        kib(f.bundleBytes - f.baselineBundleBytes),
        f.coldStartMs,
        f.baselineColdStartMs,
        (f.coldStartMs / f.baselineColdStartMs).toFixed(2),
        f.initMs,
        f.warmMs,
      ]),
    ).forEach(print);
  }
  if (r.operations) {
    print('\n2. AWS calls per operation (SDK middleware) against the design minimum; DynamoDB capacity units');
    table(
      ['operation', 'calls', 'minimum', 'RCU', 'WCU', 'made'],
      r.operations.map((o) => [
        o.operation,
        o.total,
        o.minimum,
        o.readUnits,
        o.writeUnits,
        Object.entries(o.calls)
          .map(([c, n]) => `${n}× ${c}`)
          .join(', '),
      ]),
    ).forEach(print);
  }
  if (r.load) {
    print('\n3. Local load: the portal (npm start) under autocannon beside the same DynamoDB calls made with the SDK alone');
    table(
      ['operation', 'req/s', 'p50 ms', 'p99 ms', 'raw req/s', 'raw p50', 'raw p99', 'ratio', 'non-2xx'],
      r.load.map((l) => [
        l.operation,
        Math.round(l.portal.rps),
        l.portal.latencyMs.p50,
        l.portal.latencyMs.p99,
        Math.round(l.rawSdk.rps),
        l.rawSdk.latencyMs.p50,
        l.rawSdk.latencyMs.p99,
        l.ratio.toFixed(2),
        l.portal.non2xx + l.portal.errors,
      ]),
    ).forEach(print);
  }
  if (r.scale) {
    const s = r.scale;
    print(
      `\n4. Scale: ${s.cases} cases over ${s.organizations} organizations (filed in ${s.seedSeconds} s); a queue of ${s.casesOfOrganization}`,
    );
    table(
      ['queue page', 'limit', 'returned', 'queries', 'ScannedCount'],
      s.queuePages.map((p) => [p.view, p.limit, p.returned, p.queries, p.scannedCount]),
    ).forEach(print);
    for (const c of s.config) print(`   /config?lang=${c.lang}: ${c.bytes} B, ${c.gzipBytes} B gzipped`);
  }
  if (r.citizenScripts)
    print(
      `\nCitizen JavaScript: ${r.citizenScripts.gzipBytes} B gzipped (${r.citizenScripts.scripts.map((s) => `${s.fileName} ${s.gzipBytes}`).join(', ')})`,
    );
  if (r.costs) {
    const c = r.costs;
    print(`\nCost per 1,000 reports (${c.per1000Reports.requestsPerReport} API requests each): ${usd(c.per1000Reports.totalUsd)}`);
    table(
      ['item', 'usd', 'detail'],
      c.per1000Reports.lines.map((l) => [l.item, usd(l.usd), l.detail]),
    ).forEach(print);
    print(`\nIdle month on AWS: ${usd(c.idleMonth.totalUsd)}; an always-on VM: ${usd(c.vmMonth.totalUsd)}`);
    table(
      ['item', 'usd', 'detail'],
      [...c.idleMonth.lines, ...c.vmMonth.lines.map((l) => ({ ...l, item: `VM: ${l.item}` }))].map((l) => [l.item, usd(l.usd), l.detail]),
    ).forEach(print);
  }
  if (r.budgets?.length) {
    const missed = r.budgets.filter((b) => !b.met);
    print(`\nBudgets: ${r.budgets.length - missed.length} met, ${missed.length} missed`);
    table(
      ['budget', 'limit', 'figure', ''],
      r.budgets.map((b) => [b.name, b.limit, b.figure, b.met ? 'met' : 'MISSED']),
    ).forEach(print);
  }
}
