// Case text sealed under the case's own key (docs/crypto-shredding.md): `c1:<iv>:<ciphertext+tag>`, AES-256-GCM with
// the case id as additional data. Shredding the case's key leaves every copy of these ciphertexts unopenable.
// Ciphertexts of the earlier formats (`k1:` KMS envelope, `l1:` local key) still open through the legacy sealer.
import type { CaseKeys, Sealer } from '#core/ports.js';
import { openWithKey, sealWithKey } from './aesGcm.js';

const PREFIX = 'c1';

/** A case-key ciphertext whose case has no key any more: its case was deleted (or the key store lost it). */
export class CaseKeyMissing extends Error {
  constructor() {
    super('this case has no key: its sealed text cannot be opened');
    this.name = 'CaseKeyMissing';
  }
}

export class CaseKeySealer implements Sealer {
  constructor(
    private readonly keys: CaseKeys,
    /** Opens what was sealed before case keys (`k1:` or `l1:`); never seals. */
    private readonly legacy: Sealer,
  ) {}

  async seal(plaintext: string, caseId: string): Promise<string> {
    return `${PREFIX}:${sealWithKey(Buffer.from(await this.keys.keyFor(caseId)), plaintext, caseId)}`;
  }

  async open(sealed: string, caseId: string): Promise<string> {
    if (!sealed.startsWith(`${PREFIX}:`)) return this.legacy.open(sealed, caseId);
    const [, iv, body] = sealed.split(':');
    if (!iv || !body) throw new Error('not a case-key ciphertext');
    const key = await this.keys.find(caseId);
    if (!key) throw new CaseKeyMissing();
    return openWithKey(Buffer.from(key), iv, body, caseId);
  }
}
