// The audit MAC key in AWS: GenerateMac and VerifyMac with HMAC_SHA_256 on the key it was given, the label in the
// message, a KMS refusal of the MAC read as a verdict, and any other failure as a typed 503.
import { GenerateMacCommand, KMSClient, KMSInvalidMacException, VerifyMacCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { KmsAuditMacKey } from '#adapters/kmsAuditMacKey.js';
import { auditMacMessage } from '#core/auditMac.js';

const kms = mockClient(KMSClient);
afterEach(() => kms.reset());

const KEY_ID = 'arn:aws:kms:eu-west-1:111122223333:key/audit';
const MAC = Buffer.alloc(32, 0xab);
const key = () => new KmsAuditMacKey(new KMSClient({ region: 'eu-west-1' }), KEY_ID);
const invalidMac = () => new KMSInvalidMacException({ message: 'invalid MAC', $metadata: {} });

describe('KmsAuditMacKey', () => {
  it('signs with GenerateMac on its key: HMAC_SHA_256 over the label and the content\u2019s digest, the MAC in hex', async () => {
    kms.on(GenerateMacCommand).resolves({ Mac: MAC, KeyId: KEY_ID, MacAlgorithm: 'HMAC_SHA_256' });
    const signing = key();
    expect(signing.id).toBe('kms');
    expect(await signing.sign('audit-event', '{"seq":0}')).toBe(MAC.toString('hex'));
    const [call] = kms.commandCalls(GenerateMacCommand);
    expect(call!.args[0].input).toEqual({
      KeyId: KEY_ID,
      MacAlgorithm: 'HMAC_SHA_256',
      Message: Buffer.from(auditMacMessage('audit-event', '{"seq":0}')),
    });
    expect(Buffer.from(call!.args[0].input.Message!).toString()).toMatch(/^audit-event\n[0-9a-f]{64}$/);
  });

  it('verifies with VerifyMac, and reads KMS\u2019s refusal of a MAC as false, not as an outage', async () => {
    kms.on(VerifyMacCommand).resolvesOnce({ MacValid: true }).rejectsOnce(invalidMac());
    const checking = key();
    expect(await checking.verify('audit-anchor-root', 'root', MAC.toString('hex'))).toBe(true);
    expect(await checking.verify('audit-anchor-chunk', 'root', MAC.toString('hex'))).toBe(false);
    const [first, second] = kms.commandCalls(VerifyMacCommand);
    expect(first!.args[0].input).toEqual({
      KeyId: KEY_ID,
      MacAlgorithm: 'HMAC_SHA_256',
      Message: Buffer.from(auditMacMessage('audit-anchor-root', 'root')),
      Mac: MAC,
    });
    expect(Buffer.from(second!.args[0].input.Message!).toString()).toMatch(/^audit-anchor-chunk\n/);
  });

  it('asks KMS nothing for what cannot be a MAC, nor again for a MAC it made or saw verify', async () => {
    kms.on(GenerateMacCommand).resolves({ Mac: MAC });
    kms.on(VerifyMacCommand).resolves({ MacValid: true });
    const k = key();
    expect(await k.verify('audit-event', 'x', 'not hex')).toBe(false);
    const mac = await k.sign('audit-event', 'made here');
    expect(await k.verify('audit-event', 'made here', mac)).toBe(true);
    expect(await k.verify('audit-event', 'seen', mac)).toBe(true);
    expect(await k.verify('audit-event', 'seen', mac)).toBe(true);
    expect(kms.commandCalls(VerifyMacCommand)).toHaveLength(1);
  });

  it('answers any other KMS failure with a typed 503', async () => {
    kms.on(GenerateMacCommand).rejects(new Error('throttled'));
    kms.on(VerifyMacCommand).rejects(new Error('throttled'));
    await expect(key().sign('audit-event', 'x')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(key().verify('audit-event', 'x', MAC.toString('hex'))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
