import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chunkVerifies, rootVerifies } from '#core/auditAnchor.js';
import { verifyAuditChain } from '#core/auditChain.js';
import { NO_AUDIT_KEY, auditMacMessage, legacyPepperMac, verifierFor } from '#core/auditMac.js';
import { LocalAuditMacKey } from '#adapters/localAuditMacKey.js';
import { OTHER_AUDIT_KEY, OTHER_PEPPER, TEST_AUDIT_KEY, TEST_AUDIT_KEYS, TEST_PEPPER } from './support/memoryPorts.js';
import { STORED_BEFORE_AUDIT_KEY } from './support/storedBeforeAuditKey.js';

const LABELS = ['audit-event', 'audit-anchor-chunk', 'audit-anchor-root'] as const;

describe('the audit key (local mode: a key file of its own)', () => {
  it('signs the label, a newline and the SHA-256 of the content: a message KMS takes whatever the content\u2019s size', async () => {
    const key = Buffer.alloc(32, 5);
    const content = 'x'.repeat(100_000);
    const message = `audit-anchor-chunk\n${createHash('sha256').update(content).digest('hex')}`;
    expect(auditMacMessage('audit-anchor-chunk', content)).toBe(message);
    expect(await new LocalAuditMacKey(key).sign('audit-anchor-chunk', content)).toBe(
      createHmac('sha256', key).update(message).digest('hex'),
    );
  });

  it('gives each label its own MAC, so an anchor can never pass for an event', async () => {
    const macs = await Promise.all(LABELS.map((label) => TEST_AUDIT_KEY.sign(label, '{}')));
    expect(new Set(macs).size).toBe(3);
    expect(await TEST_AUDIT_KEY.verify('audit-anchor-root', '{}', macs[0]!)).toBe(false);
  });

  it('verifies only the same key, label and content, and refuses anything that is not 64 hex digits', async () => {
    const mac = await TEST_AUDIT_KEY.sign('audit-anchor-root', 'content');
    expect(await TEST_AUDIT_KEY.verify('audit-anchor-root', 'content', mac)).toBe(true);
    expect(await OTHER_AUDIT_KEY.verify('audit-anchor-root', 'content', mac)).toBe(false);
    expect(await TEST_AUDIT_KEY.verify('audit-anchor-chunk', 'content', mac)).toBe(false);
    expect(await TEST_AUDIT_KEY.verify('audit-anchor-root', 'content!', mac)).toBe(false);
    for (const bad of ['', mac.slice(0, 62), `${mac}00`, mac.toUpperCase(), 'z'.repeat(64)]) {
      expect(await TEST_AUDIT_KEY.verify('audit-anchor-root', 'content', bad), bad).toBe(false);
    }
    expect(() => new LocalAuditMacKey(Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it('is not the pepper: the same content under the pepper has another MAC', async () => {
    const underPepper = new LocalAuditMacKey(TEST_PEPPER.subarray(0, 32));
    expect(await TEST_AUDIT_KEY.sign('audit-event', '{}')).not.toBe(await underPepper.sign('audit-event', '{}'));
  });

  it('is refused outright by a function built without one', async () => {
    await expect(NO_AUDIT_KEY.sign('audit-event', '{}')).rejects.toThrow(/no audit MAC key/);
    await expect(NO_AUDIT_KEY.verify('audit-event', '{}', '0'.repeat(64))).rejects.toThrow(/no audit MAC key/);
  });
});

describe('legacyPepperMac: what the pepper signed before the audit key', () => {
  it('is the HMAC-SHA256 under the pepper of the label, a NUL and the content, and only checks', async () => {
    const mac = createHmac('sha256', TEST_PEPPER).update('audit-event\u0000{"a":1}').digest('hex');
    const legacy = legacyPepperMac(TEST_PEPPER);
    expect(await legacy.verify('audit-event', '{"a":1}', mac)).toBe(true);
    expect(await legacyPepperMac(OTHER_PEPPER).verify('audit-event', '{"a":1}', mac)).toBe(false);
    expect(await legacy.verify('audit-anchor-root', '{"a":1}', mac)).toBe(false);
    expect(await legacy.verify('audit-event', '{"a":1}', mac.toUpperCase())).toBe(false);
    expect('sign' in legacy).toBe(false);
  });

  it('is what an item without a macKey is checked with; the current key checks its own id, and no other id passes', () => {
    expect(verifierFor(TEST_AUDIT_KEYS, undefined)).toBe(TEST_AUDIT_KEYS.legacy);
    expect(verifierFor(TEST_AUDIT_KEYS, TEST_AUDIT_KEY.id)).toBe(TEST_AUDIT_KEY);
    expect(verifierFor(TEST_AUDIT_KEYS, 'kms')).toBeNull();
  });

  it('keeps an audit trail stored before the audit key verifying: its events, its chunk and its root, as that code wrote them', async () => {
    const { events, chunk, root } = STORED_BEFORE_AUDIT_KEY;
    const last = events.at(-1)!;
    expect(await verifyAuditChain(TEST_AUDIT_KEYS, events, { seq: last.seq, hash: last.hash })).toEqual({ verified: true });
    expect(await chunkVerifies(TEST_AUDIT_KEYS, chunk)).toBe(true);
    expect(await rootVerifies(TEST_AUDIT_KEYS, root)).toBe(true);
    const edited = events.map((e) => (e.seq === 1 ? { ...e, actor: 'someone@else' } : e));
    expect(await verifyAuditChain(TEST_AUDIT_KEYS, edited, { seq: last.seq, hash: last.hash })).toMatchObject({ verified: false, seq: 1 });
  });
});
