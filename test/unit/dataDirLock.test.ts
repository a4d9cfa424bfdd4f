// One portal per data dir: the lock refuses while its holder runs, is reclaimed once the holder is dead, and is
// released by its holder only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '#local/runtime/dataDirLock.js';

const dirs: string[] = [];
const aDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited (and been reaped). */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('lockDataDir', () => {
  it('refuses while the holder runs, naming the data dir and the pid', async () => {
    const dir = aDataDir();
    const lock = await lockDataDir(dir);
    const refused = lockDataDir(dir);
    await expect(refused).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(refused).rejects.toThrow(`the data directory ${dir} is in use by another portal (pid ${process.pid})`);
    lock.release();
    expect(existsSync(join(dir, 'portal.lock'))).toBe(false);
    (await lockDataDir(dir)).release();
  });

  it('reclaims a lock whose holder is dead, or that cannot be read', async () => {
    for (const content of [JSON.stringify({ pid: deadPid(), tableServer: { pid: deadPid(), guardianPid: deadPid() } }), '']) {
      const dir = aDataDir();
      writeFileSync(join(dir, 'portal.lock'), content);
      const lock = await lockDataDir(dir);
      expect(JSON.parse(readFileSync(join(dir, 'portal.lock'), 'utf8'))).toEqual({ pid: process.pid });
      lock.recordTableServer({ server: 11, guardian: 12 });
      expect(JSON.parse(readFileSync(join(dir, 'portal.lock'), 'utf8'))).toEqual({
        pid: process.pid,
        tableServer: { pid: 11, guardianPid: 12 },
      });
      lock.release();
    }
  });

  it('never removes a lock another portal took after it', async () => {
    const dir = aDataDir();
    const lock = await lockDataDir(dir);
    writeFileSync(join(dir, 'portal.lock'), JSON.stringify({ pid: 1 }));
    lock.release();
    expect(existsSync(join(dir, 'portal.lock'))).toBe(true);
  });
});
