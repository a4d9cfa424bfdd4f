// The audit trail's MAC key in AWS: a KMS HMAC key (HMAC_256, GENERATE_VERIFY_MAC) whose material never leaves KMS,
// so no function, and no one reading a function's memory or the pepper, can make an audit MAC without asking KMS,
// which logs every call. One GenerateMac per event or anchor signed, one VerifyMac per MAC checked, but for MACs this
// container made or has already seen verify: a key's material never changes, so they stay valid.
import { GenerateMacCommand, type KMSClient, VerifyMacCommand } from '@aws-sdk/client-kms';
import { type AuditMacLabel, auditMacMessage } from '#core/auditMac.js';
import type { AuditMacKey } from '#core/ports.js';
import { guarded } from './dependencyFailure.js';

/** What events and anchors this key signed record as their `macKey`. */
export const KMS_AUDIT_KEY_ID = 'kms';
const MAC_ALGORITHM = 'HMAC_SHA_256';
/** MACs remembered as valid: a case view checks every event of its chain, and views of one case come in runs. */
const KNOWN_MACS_KEPT = 10_000;

export class KmsAuditMacKey implements AuditMacKey {
  readonly id = KMS_AUDIT_KEY_ID;
  private readonly known = new Set<string>();

  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
  ) {}

  async sign(label: AuditMacLabel, content: string): Promise<string> {
    const message = auditMacMessage(label, content);
    const out = await guarded('key service', () =>
      this.kms.send(new GenerateMacCommand({ KeyId: this.keyId, MacAlgorithm: MAC_ALGORITHM, Message: Buffer.from(message, 'utf8') })),
    );
    if (!out.Mac) throw new Error('KMS GenerateMac answered without a MAC');
    const mac = Buffer.from(out.Mac).toString('hex');
    this.remember(message, mac);
    return mac;
  }

  async verify(label: AuditMacLabel, content: string, mac: string): Promise<boolean> {
    if (!/^[0-9a-f]{64}$/.test(mac)) return false;
    const message = auditMacMessage(label, content);
    if (this.known.has(`${message}\n${mac}`)) return true;
    const valid = await guarded('key service', async () => {
      try {
        const out = await this.kms.send(
          new VerifyMacCommand({
            KeyId: this.keyId,
            MacAlgorithm: MAC_ALGORITHM,
            Message: Buffer.from(message, 'utf8'),
            Mac: Buffer.from(mac, 'hex'),
          }),
        );
        return out.MacValid === true;
      } catch (error) {
        // KMS answers a MAC that does not match with this error: a verdict, not an outage.
        if ((error as { name?: string }).name === 'KMSInvalidMacException') return false;
        throw error;
      }
    });
    if (valid) this.remember(message, mac);
    return valid;
  }

  private remember(message: string, mac: string): void {
    if (this.known.size >= KNOWN_MACS_KEPT) this.known.delete(this.known.values().next().value!);
    this.known.add(`${message}\n${mac}`);
  }
}
