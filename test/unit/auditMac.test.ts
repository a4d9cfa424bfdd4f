import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditMac, auditMacMatches } from '#core/auditMac.js';
import { OTHER_PEPPER, TEST_PEPPER } from './support/memoryPorts.js';

describe('auditMac', () => {
  it('is the HMAC-SHA256 under the key of the label, a NUL and the content: chains stored before it still verify', () => {
    const expected = createHmac('sha256', TEST_PEPPER).update('audit-event\u0000{"a":1}').digest('hex');
    expect(auditMac(TEST_PEPPER, 'audit-event', '{"a":1}')).toBe(expected);
  });

  it('gives each label its own MAC, so an anchor can never pass for an event', () => {
    const macs = (['audit-event', 'audit-anchor-chunk', 'audit-anchor-root'] as const).map((label) => auditMac(TEST_PEPPER, label, '{}'));
    expect(new Set(macs).size).toBe(3);
  });

  it('matches only the same key, label and content, and refuses anything that is not 64 hex digits', () => {
    const mac = auditMac(TEST_PEPPER, 'audit-anchor-root', 'content');
    expect(auditMacMatches(TEST_PEPPER, 'audit-anchor-root', 'content', mac)).toBe(true);
    expect(auditMacMatches(OTHER_PEPPER, 'audit-anchor-root', 'content', mac)).toBe(false);
    expect(auditMacMatches(TEST_PEPPER, 'audit-anchor-chunk', 'content', mac)).toBe(false);
    expect(auditMacMatches(TEST_PEPPER, 'audit-anchor-root', 'content!', mac)).toBe(false);
    for (const bad of ['', mac.slice(0, 62), `${mac}00`, mac.toUpperCase(), 'z'.repeat(64)]) {
      expect(auditMacMatches(TEST_PEPPER, 'audit-anchor-root', 'content', bad), bad).toBe(false);
    }
  });
});
