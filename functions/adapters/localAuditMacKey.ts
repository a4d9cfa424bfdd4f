// Local mode's audit MAC key: HMAC-SHA256 under 32 random bytes in a key file of its own under the data dir
// (created on first start, mode 0600, beside the pepper's file but never the pepper), signing the same message the
// KMS key signs deployed (auditMacMessage).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type AuditMacLabel, auditMacMessage } from '#core/auditMac.js';
import type { AuditMacKey } from '#core/ports.js';

/** What events and anchors this key signed record as their `macKey`. */
export const LOCAL_AUDIT_KEY_ID = 'local';

export class LocalAuditMacKey implements AuditMacKey {
  readonly id = LOCAL_AUDIT_KEY_ID;

  constructor(private readonly key: Uint8Array) {
    if (key.length !== 32) throw new Error('the local audit MAC key must be 32 bytes');
  }

  async sign(label: AuditMacLabel, content: string): Promise<string> {
    return this.mac(label, content).toString('hex');
  }

  async verify(label: AuditMacLabel, content: string, mac: string): Promise<boolean> {
    if (!/^[0-9a-f]{64}$/.test(mac)) return false;
    return timingSafeEqual(this.mac(label, content), Buffer.from(mac, 'hex'));
  }

  private mac(label: AuditMacLabel, content: string): Buffer {
    return createHmac('sha256', this.key).update(auditMacMessage(label, content)).digest();
  }
}
