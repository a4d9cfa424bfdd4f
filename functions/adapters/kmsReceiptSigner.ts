// The deployed receipt key: a KMS asymmetric key (ECC_NIST_P256, SIGN_VERIFY) whose private half never leaves KMS.
// Filing signs with kms:Sign (one call per receipt) and needs nothing else: the key id in the receipt's header is the
// KMS key's own id, read from its ARN, so the filing function is not even granted kms:GetPublicKey. The key set
// asks kms:GetPublicKey once per cold start.
import { createHash, createPublicKey } from 'node:crypto';
import { GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type { ReceiptSigner } from '#core/filingReceipt.js';
import type { ReceiptKeys } from '#core/receiptKeys.js';
import type { ReceiptKeySet } from '#schemas/receipt.js';
import { guarded } from './dependencyFailure.js';

type PublicJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string };

export class KmsReceiptSigner implements ReceiptSigner, ReceiptKeys {
  private publicKey?: Promise<PublicJwk>;

  constructor(
    private readonly kms: KMSClient,
    private readonly keyId_: string,
  ) {}

  async keyId(): Promise<string> {
    return kmsKeyId(this.keyId_);
  }

  async sign(input: Uint8Array): Promise<Uint8Array> {
    // The digest, not the message: KMS signs at most 4 KB of message, and a receipt with ten files comes close.
    const digest = createHash('sha256').update(input).digest();
    const { Signature } = await guarded('receipt key', () =>
      this.kms.send(new SignCommand({ KeyId: this.keyId_, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' })),
    );
    if (!Signature) throw new Error('KMS returned no signature');
    return derToJose(Signature);
  }

  async keySet(): Promise<ReceiptKeySet> {
    const jwk = await this.publicJwk();
    return { keys: [{ ...jwk, kid: kmsKeyId(this.keyId_), alg: 'ES256', use: 'sig' }] };
  }

  private publicJwk(): Promise<PublicJwk> {
    this.publicKey ??= guarded('receipt key', () => this.kms.send(new GetPublicKeyCommand({ KeyId: this.keyId_ }))).then(
      ({ PublicKey }) => {
        if (!PublicKey) throw new Error('KMS returned no public key');
        const { x, y, crv } = createPublicKey({ key: Buffer.from(PublicKey), format: 'der', type: 'spki' }).export({ format: 'jwk' });
        if (crv !== 'P-256') throw new Error('the receipt key must be ECC_NIST_P256');
        return { kty: 'EC', crv: 'P-256', x: x!, y: y! };
      },
    );
    // A failed look-up is asked again next time, not cached.
    this.publicKey.catch(() => {
      this.publicKey = undefined;
    });
    return this.publicKey;
  }
}

/** The key's id from its ARN (`arn:aws:kms:<region>:<account>:key/<id>`), or the id itself. */
export const kmsKeyId = (keyArnOrId: string): string => keyArnOrId.slice(keyArnOrId.lastIndexOf('/') + 1);

/**
 * KMS answers an ECDSA signature in DER (a SEQUENCE of two INTEGERs); JWS wants r and s as 32 bytes each. An
 * INTEGER may carry a leading zero (when its top bit is set) or be shorter than 32 bytes.
 */
export function derToJose(der: Uint8Array): Uint8Array {
  const bytes = Buffer.from(der);
  let offset = 0;
  const expect = (tag: number) => {
    if (bytes[offset++] !== tag) throw new Error('not a DER ECDSA signature');
  };
  const length = () => {
    let n = bytes[offset++]!;
    if (n & 0x80) {
      const count = n & 0x7f;
      n = 0;
      for (let i = 0; i < count; i++) n = (n << 8) | bytes[offset++]!;
    }
    return n;
  };
  const integer = () => {
    expect(0x02);
    const n = length();
    let value = bytes.subarray(offset, offset + n);
    offset += n;
    while (value.length > 32 && value[0] === 0) value = value.subarray(1);
    if (value.length > 32) throw new Error('not a P-256 signature');
    const out = Buffer.alloc(32);
    value.copy(out, 32 - value.length);
    return out;
  };
  expect(0x30);
  length();
  const r = integer();
  const s = integer();
  return Buffer.concat([r, s]);
}
