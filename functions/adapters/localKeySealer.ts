// Local mode's encryption at rest (invariant 7): AES-256-GCM under a 32-byte key kept in a file under the data dir.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Sealer } from '#core/ports.js';
import { openWithKey, sealWithKey } from './aesGcm.js';

const PREFIX = 'l1';

export class LocalKeySealer implements Sealer {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the local encryption key must be 32 bytes');
  }

  async seal(plaintext: string, context: string): Promise<string> {
    return `${PREFIX}:${sealWithKey(this.key, plaintext, context)}`;
  }

  async open(sealed: string, context: string): Promise<string> {
    const [prefix, iv, body] = sealed.split(':');
    if (prefix !== PREFIX || !iv || !body) throw new Error('not a local-key ciphertext');
    return openWithKey(this.key, iv, body, context);
  }
}

/** Reads a base64 secret of `bytes` length from a file, creating it (mode 0600) on first use. */
export function readOrCreateSecretFile(path: string, bytes: number): Buffer {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${randomBytes(bytes).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (secret.length !== bytes) throw new Error(`${path} must hold ${bytes} base64-encoded bytes`);
  return secret;
}
