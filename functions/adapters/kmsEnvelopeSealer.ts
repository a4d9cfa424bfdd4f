// Encryption at rest in AWS (invariant 7): envelope encryption under a customer-managed KMS key. A data key is
// generated once and reused for a few minutes (as the AWS Encryption SDK's caching does), so a submission costs
// at most one KMS call; opened data keys are cached by their encrypted form.
import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { Sealer } from '#core/ports.js';
import { openWithKey, sealWithKey } from './aesGcm.js';
import { guarded } from './dependencyFailure.js';
import { CASE_TEXT_ENCRYPTION_CONTEXT } from '#contract/caseTextEncryption.js';

const PREFIX = 'k1';
const DATA_KEY_MAX_AGE_MS = 5 * 60 * 1000;
const DATA_KEY_MAX_USES = 1000;
const OPENED_KEYS_KEPT = 256;

interface DataKey {
  plaintext: Buffer;
  encrypted: string;
  createdAt: number;
  uses: number;
}

export class KmsEnvelopeSealer implements Sealer {
  private current: DataKey | null = null;
  private readonly opened = new Map<string, Buffer>();

  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
    private readonly now: () => number = Date.now,
  ) {}

  async seal(plaintext: string, context: string): Promise<string> {
    const key = await this.dataKey();
    return `${PREFIX}:${key.encrypted}:${sealWithKey(key.plaintext, plaintext, context)}`;
  }

  async open(sealed: string, context: string): Promise<string> {
    const [prefix, encryptedKey, iv, body] = sealed.split(':');
    if (prefix !== PREFIX || !encryptedKey || !iv || !body) throw new Error('not a KMS envelope ciphertext');
    return openWithKey(await this.openDataKey(encryptedKey), iv, body, context);
  }

  private async dataKey(): Promise<DataKey> {
    const c = this.current;
    if (c && c.uses < DATA_KEY_MAX_USES && this.now() - c.createdAt < DATA_KEY_MAX_AGE_MS) {
      c.uses++;
      return c;
    }
    const out = await guarded('key service', () =>
      this.kms.send(new GenerateDataKeyCommand({ KeyId: this.keyId, KeySpec: 'AES_256', EncryptionContext: CASE_TEXT_ENCRYPTION_CONTEXT })),
    );
    const fresh: DataKey = {
      plaintext: Buffer.from(out.Plaintext!),
      encrypted: Buffer.from(out.CiphertextBlob!).toString('base64url'),
      createdAt: this.now(),
      uses: 1,
    };
    this.current = fresh;
    this.remember(fresh.encrypted, fresh.plaintext);
    return fresh;
  }

  private async openDataKey(encrypted: string): Promise<Buffer> {
    const cached = this.opened.get(encrypted);
    if (cached) return cached;
    const out = await guarded('key service', () =>
      this.kms.send(
        new DecryptCommand({
          CiphertextBlob: Buffer.from(encrypted, 'base64url'),
          KeyId: this.keyId,
          EncryptionContext: CASE_TEXT_ENCRYPTION_CONTEXT,
        }),
      ),
    );
    const plaintext = Buffer.from(out.Plaintext!);
    this.remember(encrypted, plaintext);
    return plaintext;
  }

  private remember(encrypted: string, plaintext: Buffer): void {
    if (this.opened.size >= OPENED_KEYS_KEPT) this.opened.delete(this.opened.keys().next().value!);
    this.opened.set(encrypted, plaintext);
  }
}
