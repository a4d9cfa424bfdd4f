import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { KmsReceiptSigner } from '#adapters/kmsReceiptSigner.js';
import { signFilingReceipt } from '#core/filingReceipt.js';
import { RECEIPT_TYPE } from '#schemas/receipt.js';

const kms = mockClient(KMSClient);
afterEach(() => kms.reset());

const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/receipts';
const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const claims = {
  typ: RECEIPT_TYPE,
  caseId: 'C0FFEE0123456789ABCD',
  filedAt: '2026-10-15T03:00:00.000Z',
  organizationId: 'kr-acrc',
  category: 'corruption',
  reportSha256: 'a'.repeat(64),
  evidenceSha256: [],
} as const;

describe('KmsReceiptSigner', () => {
  it('signs the digest with kms:Sign (DER) and answers a JWS that verifies against its published key set', async () => {
    kms.on(GetPublicKeyCommand).resolves({ PublicKey: pair.publicKey.export({ format: 'der', type: 'spki' }) });
    const signedInputs: Buffer[] = [];
    // KMS signs the digest it is given; the fake signs the input whose digest that is, so the check is real.
    kms.on(SignCommand).callsFake((input) => {
      const original = signedInputs.find((candidate) => createHash('sha256').update(candidate).digest().equals(Buffer.from(input.Message)));
      if (!original) throw new Error('asked to sign a digest of nothing the test signed');
      return { Signature: sign('sha256', original, pair.privateKey) };
    });
    const signer = new KmsReceiptSigner(new KMSClient({}), KEY_ARN);
    const realSign = signer.sign.bind(signer);
    signer.sign = (input) => {
      signedInputs.push(Buffer.from(input));
      return realSign(input);
    };
    const receipt = await signFilingReceipt(signer, { ...claims, evidenceSha256: [] });
    await expect(compactVerify(receipt, createLocalJWKSet(await signer.keySet()))).resolves.toBeDefined();
    expect(kms.commandCalls(SignCommand)[0]!.args[0].input).toMatchObject({
      KeyId: KEY_ARN,
      MessageType: 'DIGEST',
      SigningAlgorithm: 'ECDSA_SHA_256',
    });
    // Filing asks KMS for nothing but the signature: the key id is the key's own, and it is the one published.
    expect(decodeProtectedHeader(receipt).kid).toBe('receipts');
    expect(kms.commandCalls(GetPublicKeyCommand)).toHaveLength(1);
    await signFilingReceipt(signer, { ...claims, evidenceSha256: [] });
    expect(kms.commandCalls(GetPublicKeyCommand)).toHaveLength(1);
    expect(kms.commandCalls(SignCommand)).toHaveLength(2);
  });

  it('asks for the public key again after a failed look-up, and answers 503 for the failure', async () => {
    kms.on(GetPublicKeyCommand).rejectsOnce(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
    const signer = new KmsReceiptSigner(new KMSClient({}), KEY_ARN);
    await expect(signer.keySet()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    kms.on(GetPublicKeyCommand).resolves({ PublicKey: pair.publicKey.export({ format: 'der', type: 'spki' }) });
    await expect(signer.keySet()).resolves.toMatchObject({ keys: [{ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' }] });
  });

  it('refuses a key that is not P-256', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    kms.on(GetPublicKeyCommand).resolves({ PublicKey: other.publicKey.export({ format: 'der', type: 'spki' }) });
    await expect(new KmsReceiptSigner(new KMSClient({}), KEY_ARN).keySet()).rejects.toThrow(/ECC_NIST_P256/);
  });
});
