// One portal per data directory. A start takes <dataDir>/portal.lock, holding its pid (and, once started, the
// table server's): while that pid lives, another start refuses; once it is dead, the next start reclaims the
// directory, first stopping a table server the dead portal left running on it.
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandLineOf, isRunning, signalQuietly } from './processes.js';

export interface LockRecord {
  pid: number;
  /** The table server (DynamoDB Local's JVM) and its guardian, once started. */
  tableServer?: { pid: number; guardianPid: number };
}

export interface DataDirLock {
  /** Records the table server's processes, so a start after a crash can stop a JVM left behind. */
  recordTableServer(processes: { server: number; guardian: number }): void;
  release(): void;
}

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(`the data directory ${dataDir} is in use by another portal (pid ${pid}); stop it first, or set DATA_DIR to another directory`);
    this.name = 'DataDirInUseError';
  }
}

const lockFileIn = (dataDir: string) => join(dataDir, 'portal.lock');
const GRACE_MS = 5_000;

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const file = lockFileIn(dataDir);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createWithContent(file, { pid: process.pid })) return heldLock(file);
    const held = readLock(file);
    if (held && isRunning(held.pid)) throw new DataDirInUseError(dataDir, held.pid);
    // The owner died without releasing it (kill -9, a crash, a power cut).
    if (held?.tableServer) await stopLeftover(held.tableServer, join(dataDir, 'dynamodb'));
    rmSync(file, { force: true });
  }
  throw new Error(`could not lock the data directory ${dataDir}: another start keeps taking it`);
}

/** The lock record, or null when there is none or it cannot be read. */
export function readLock(file: string): LockRecord | null {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as LockRecord;
    return Number.isInteger(record.pid) ? record : null;
  } catch {
    return null;
  }
}

/**
 * Creates `file` holding `record`, or answers false if it exists. Written aside and hard-linked into place: as
 * atomic as an exclusive create (wx), and no other start can ever read it half-written.
 */
function createWithContent(file: string, record: LockRecord): boolean {
  const aside = `${file}.${process.pid}`;
  writeFileSync(aside, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  try {
    linkSync(aside, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(aside, { force: true });
  }
}

function heldLock(file: string): DataDirLock {
  let released = false;
  return {
    recordTableServer(processes) {
      const record: LockRecord = { pid: process.pid, tableServer: { pid: processes.server, guardianPid: processes.guardian } };
      // Replaced whole by a rename, so a reader sees the old record or the new one.
      const aside = `${file}.${process.pid}`;
      writeFileSync(aside, `${JSON.stringify(record)}\n`, { mode: 0o600 });
      // renameSync replaces the target on every platform Node supports.
      renameSync(aside, file);
    },
    release() {
      if (released) return;
      released = true;
      if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}

/** Stops the JVM (and its guardian) a dead portal left, if those pids still run a table server on this data. */
async function stopLeftover(tableServer: NonNullable<LockRecord['tableServer']>, dbPath: string): Promise<void> {
  for (const pid of [tableServer.guardianPid, tableServer.pid]) {
    // A pid is reused once its process is gone: only a process whose command line names this data is ours.
    if (!isRunning(pid) || !commandLineOf(pid)?.includes(dbPath)) continue;
    signalQuietly(pid, 'SIGTERM');
    const deadline = Date.now() + GRACE_MS;
    while (isRunning(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (isRunning(pid)) signalQuietly(pid, 'SIGKILL');
  }
}
