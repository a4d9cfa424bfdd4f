// The case keys locally: one file per case in a directory of their own under the data dir's secrets/ (never beside
// the table's or the bucket's files, so a copy of those holds no key), wrapped under the local case-text key.
// Shredding removes the file.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseKeys, Sealer } from '#core/ports.js';
import { newCaseKey, unwrapCaseKey, wrapCaseKey } from './caseKeyWrapping.js';

/** Case ids are Crockford base32: nothing in one can leave the directory. */
const SAFE_CASE_ID = /^[0-9A-Z]+$/;

const isCode = (error: unknown, code: string) => (error as { code?: string }).code === code;

export class LocalCaseKeyStore implements CaseKeys {
  constructor(
    private readonly dir: string,
    private readonly wrapper: Sealer,
  ) {}

  async keyFor(caseId: string): Promise<Uint8Array> {
    const key = newCaseKey();
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    try {
      // `wx`: created only if absent, so two first seals of one case agree on one key.
      await writeFile(this.fileOf(caseId), await wrapCaseKey(this.wrapper, caseId, key), { mode: 0o600, flag: 'wx' });
      return key;
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
      const stored = await this.find(caseId);
      if (!stored) throw new Error('a case key file vanished while it was being read');
      return stored;
    }
  }

  async find(caseId: string): Promise<Uint8Array | null> {
    try {
      return await unwrapCaseKey(this.wrapper, caseId, await readFile(this.fileOf(caseId), 'utf8'));
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
  }

  async shred(caseId: string): Promise<void> {
    await rm(this.fileOf(caseId), { force: true });
  }

  private fileOf(caseId: string): string {
    if (!SAFE_CASE_ID.test(caseId)) throw new Error('not a case id');
    return join(this.dir, `${caseId}.key`);
  }
}
