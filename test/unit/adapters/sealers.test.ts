// Encryption at rest (invariant 7): both sealers bind a ciphertext to its case; the KMS one makes one KMS call
// per data key, not per field, and a KMS failure is a typed 503.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { KmsEnvelopeSealer } from '#adapters/kmsEnvelopeSealer.js';
import { CASE_TEXT_ENCRYPTION_CONTEXT } from '#contract/caseTextEncryption.js';
import { LocalKeySealer, readOrCreateSecretFile } from '#adapters/localKeySealer.js';

const KEY = Buffer.alloc(32, 7);
const BLOB = Buffer.from('encrypted-data-key');

describe('LocalKeySealer', () => {
  const sealer = new LocalKeySealer(KEY);

  it('opens what it sealed, under the same case only', async () => {
    const sealed = await sealer.seal('마을 이장이 뇌물을 받았다', 'CASE-A');
    expect(sealed).not.toContain('뇌물');
    expect(await sealer.open(sealed, 'CASE-A')).toBe('마을 이장이 뇌물을 받았다');
    await expect(sealer.open(sealed, 'CASE-B')).rejects.toThrow();
  });

  it('refuses a tampered ciphertext and a key of the wrong size', async () => {
    const sealed = await sealer.seal('text', 'C');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    await expect(sealer.open(tampered, 'C')).rejects.toThrow();
    expect(() => new LocalKeySealer(Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it('keeps its key in a file it creates once, readable by the owner only', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cp-key-')), 'secrets', 'key');
    const first = readOrCreateSecretFile(file, 32);
    expect(readOrCreateSecretFile(file, 32).equals(first)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').length).toBe(32);
  });
});

describe('KmsEnvelopeSealer', () => {
  const kms = mockClient(KMSClient);
  afterEach(() => kms.reset());

  const givesDataKeys = () => {
    kms.on(GenerateDataKeyCommand).resolves({ Plaintext: new Uint8Array(KEY), CiphertextBlob: new Uint8Array(BLOB) });
    kms.on(DecryptCommand).resolves({ Plaintext: new Uint8Array(KEY) });
  };

  it('seals many fields under one data key and opens them after a cold start with one Decrypt', async () => {
    givesDataKeys();
    let now = 0;
    const writer = new KmsEnvelopeSealer(new KMSClient({ region: 'us-east-1' }), 'alias/case-text', () => now);
    const a = await writer.seal('title', 'CASE-1');
    const b = await writer.seal('description', 'CASE-1');
    expect(kms.commandCalls(GenerateDataKeyCommand)).toHaveLength(1);
    expect(kms.commandCalls(GenerateDataKeyCommand)[0]!.args[0].input).toMatchObject({ KeyId: 'alias/case-text', KeySpec: 'AES_256' });
    // The context the stack's grant requires (kms:EncryptionContext:purpose, lib/secrets.ts): without it KMS refuses.
    expect(kms.commandCalls(GenerateDataKeyCommand)[0]!.args[0].input.EncryptionContext).toEqual({ purpose: 'clean-portal-case-text' });

    const reader = new KmsEnvelopeSealer(new KMSClient({ region: 'us-east-1' }), 'alias/case-text');
    expect(await reader.open(a, 'CASE-1')).toBe('title');
    expect(await reader.open(b, 'CASE-1')).toBe('description');
    expect(kms.commandCalls(DecryptCommand)).toHaveLength(1);
    expect(kms.commandCalls(DecryptCommand)[0]!.args[0].input.EncryptionContext).toEqual(CASE_TEXT_ENCRYPTION_CONTEXT);
    await expect(reader.open(a, 'CASE-2')).rejects.toThrow();

    now = 10 * 60 * 1000; // past the data key's lifetime: a fresh one
    await writer.seal('later', 'CASE-1');
    expect(kms.commandCalls(GenerateDataKeyCommand)).toHaveLength(2);
  });

  it('answers a KMS failure with a typed UNAVAILABLE error', async () => {
    kms.on(GenerateDataKeyCommand).rejects(new Error('KMS is down'));
    const sealer = new KmsEnvelopeSealer(new KMSClient({ region: 'us-east-1' }), 'alias/case-text');
    await expect(sealer.seal('x', 'C')).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503 });
  });

  it('refuses a ciphertext of another format', async () => {
    const sealer = new KmsEnvelopeSealer(new KMSClient({ region: 'us-east-1' }), 'alias/case-text');
    await expect(sealer.open(await new LocalKeySealer(KEY).seal('x', 'C'), 'C')).rejects.toThrow(/KMS envelope/);
  });
});
