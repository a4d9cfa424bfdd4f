// The run's backstop against a DynamoDB Local JVM outliving the tests. Each test's portal stops its own table server,
// and its guardian (local/runtime/embedded/guardian.mjs) ends the JVM when the portal's process dies; but the
// guardian takes its grace period after vitest has exited, and a test file that never stopped its portal leaves it
// to the worker's end. The global teardown therefore waits for every table server whose data lives under the run's
// temporary directory, and kills those still running.
import { readFileSync, readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { isRunning, signalQuietly } from '#local/runtime/processes.js';

/** DynamoDB Local JVMs and their guardians whose `-dbPath` lies under `root`, by pid (Linux's /proc). */
export function tableServersUnder(root: string): number[] {
  const under = root.endsWith(sep) ? root : root + sep;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return pids.map(Number).filter((pid) => {
    const args = argumentsOf(pid);
    if (!args?.some((arg) => arg.endsWith('DynamoDBLocal.jar'))) return false;
    const dbPath = args.includes('-dbPath') ? args[args.indexOf('-dbPath') + 1] : undefined;
    return dbPath?.startsWith(under) === true && isRunning(pid);
  });
}

/** A process's arguments as it was given them (a path may hold spaces); null when it is gone. */
function argumentsOf(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return null;
  }
}

/** Ends them: SIGTERM, then SIGKILL after `graceMs`, and waits until none runs. Resolves to the pids it found. */
export async function stopTableServersUnder(root: string, graceMs = 5_000): Promise<number[]> {
  const found = tableServersUnder(root);
  for (const pid of found) signalQuietly(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (found.some(isRunning) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of found.filter(isRunning)) signalQuietly(pid, 'SIGKILL');
  // SIGKILL cannot be refused; the wait is for the kernel to take them down (bounded, should one hang in I/O).
  const killedBy = Date.now() + 5_000;
  while (found.some(isRunning) && Date.now() < killedBy) await new Promise((r) => setTimeout(r, 50));
  return found;
}
