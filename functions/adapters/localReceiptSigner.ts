// Local mode's receipt key: one P-256 private key as a JWK file under the data dir's secrets, created on first use
// and kept by the owner alone (0600), as the KMS key is deployed. The key set publishes its public half.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { ReceiptSigner } from '#core/filingReceipt.js';
import type { ReceiptKeySet } from '#schemas/receipt.js';
import type { ReceiptKeys } from '#core/receiptKeys.js';

export class LocalReceiptSigner implements ReceiptSigner, ReceiptKeys {
  private readonly privateJwk: JWK;

  constructor(file: string) {
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      try {
        writeFileSync(file, `${JSON.stringify(privateKey.export({ format: 'jwk' }))}\n`, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        // Another start got there first: use its key.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    this.privateJwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    if (this.privateJwk.kty !== 'EC' || this.privateJwk.crv !== 'P-256' || !this.privateJwk.d) {
      throw new Error(`${file} must hold a P-256 private key as a JWK`);
    }
  }

  async keyId(): Promise<string> {
    return calculateJwkThumbprint(this.publicJwk());
  }

  async sign(input: Uint8Array): Promise<Uint8Array> {
    const key = createPrivateKey({ key: this.privateJwk as never, format: 'jwk' });
    return sign('sha256', input, { key, dsaEncoding: 'ieee-p1363' });
  }

  async keySet(): Promise<ReceiptKeySet> {
    return { keys: [{ ...this.publicJwk(), kid: await this.keyId(), alg: 'ES256', use: 'sig' }] };
  }

  private publicJwk(): { kty: 'EC'; crv: 'P-256'; x: string; y: string } {
    const { x, y } = createPublicKey({ key: this.privateJwk as never, format: 'jwk' }).export({ format: 'jwk' });
    return { kty: 'EC', crv: 'P-256', x: x!, y: y! };
  }
}
