// `npm run bench`: measures what the portal costs and how fast it answers, prints the figures and the budgets,
// and writes bench/results.json. Options: --runs N (cold starts per function, default 20), --cases N (scale,
// default 100000), --load-seconds N (default 10), --connections N (default 10), --only functions,calls,load,scale,web
// (a partial run writes bench/.build/results.partial.json instead).
import './quietLogs.js';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchPortal } from './benchPortal.js';
import { judgeBudgets } from './budgets.js';
import { measureCallsPerOperation } from './callsPerOperation.js';
import { measureCitizenScripts } from './citizenScripts.js';
import { functionNames, measureFunctions } from './coldStart.js';
import { costModel } from './costModel.js';
import { BUILD_DIR } from './functionBundles.js';
import { measureLocalLoad } from './localLoad.js';
import { printReport } from './report.js';
import type { BenchResults, ScaleFigures } from './results.js';
import { stackInventory } from './stackInventory.js';

const SECTIONS = ['functions', 'calls', 'load', 'scale', 'web'] as const;
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    cases: { type: 'string', default: '100000' },
    'load-seconds': { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});
const count = (name: string, value: string | undefined) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1, not "${value}"`);
  return n;
};
const runs = count('runs', values.runs);
const cases = count('cases', values.cases);
const loadSeconds = count('load-seconds', values['load-seconds']);
const connections = count('connections', values.connections);
const only = values.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((s) => !(SECTIONS as readonly string[]).includes(s)) ?? [];
if (unknown.length) throw new Error(`--only takes ${SECTIONS.join(', ')}; not ${unknown.join(', ')}`);
const wanted = (section: (typeof SECTIONS)[number]) => !only || only.includes(section);
const log = (line: string) => console.log(line);

const started = Date.now();
const results: BenchResults = {
  generatedAt: new Date().toISOString(),
  machine: machine(),
  options: { runs, cases, loadSeconds, connections },
};

if (wanted('calls') || wanted('functions')) {
  const portal = await startBenchPortal();
  try {
    if (wanted('calls')) {
      log('Calls per operation …');
      results.operations = await measureCallsPerOperation(portal);
    }
    if (wanted('functions')) {
      log(`Bundles and cold starts (${runs} fresh processes each, beside an SDK-only baseline) …`);
      results.functions = await measureFunctions(portal, { runs, log });
    }
  } finally {
    await portal.stop();
  }
}
if (wanted('web')) {
  log('Citizen JavaScript …');
  results.citizenScripts = await measureCitizenScripts();
}
if (wanted('load')) {
  log(`Local load (${loadSeconds} s per operation, ${connections} connections) …`);
  results.load = await measureLocalLoad({ durationSeconds: loadSeconds, connections, log });
}
if (wanted('scale')) {
  log(`Scale (${cases} cases over 1,042 organizations) …`);
  results.scale = await scaleInItsOwnProcess(cases);
}
if (results.functions && results.operations) {
  results.costs = costModel(results.functions, results.operations, stackInventory('kr', functionNames()));
}
results.budgets = judgeBudgets(results);
results.seconds = Math.round((Date.now() - started) / 1000);

printReport(results, log);
const file = only ? join(BUILD_DIR, 'results.partial.json') : resolve('bench', 'results.json');
mkdirSync(resolve(file, '..'), { recursive: true });
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
log(`\nWritten to ${file} (${results.seconds} s).`);
// Embedded servers and sockets are closed; nothing else should keep the process, but a stray timer must not either.
process.exit(0);

/** See scaleRun.ts: the handlers in this process are already configured for the kr pack. */
function scaleInItsOwnProcess(cases: number): Promise<ScaleFigures> {
  const output = join(BUILD_DIR, 'scale.json');
  mkdirSync(BUILD_DIR, { recursive: true });
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('bench', 'scaleRun.ts'), String(cases), output], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0
        ? done(JSON.parse(readFileSync(output, 'utf8')) as ScaleFigures)
        : fail(new Error(`the scale section failed (exit ${code})`)),
    );
  });
}

function machine(): BenchResults['machine'] {
  // `java -version` writes to stderr.
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr?.split('\n')[0]?.trim() || 'unknown';
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${process.platform} ${release()}`,
    node: process.version,
    java,
  };
}
