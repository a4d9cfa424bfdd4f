// An audit trail exactly as the code before the audit MAC key stored it (signed with the pepper, no `macKey`),
// written by that code under TEST_PEPPER: what a deployment holds from before the change, and must keep verifying.
import type { AnchorChunk, AnchorRoot } from '#core/auditAnchor.js';
import type { AuditEventRecord } from '#core/auditChain.js';

export const STORED_BEFORE_AUDIT_KEY: { events: AuditEventRecord[]; chunk: AnchorChunk; root: AnchorRoot } = {
  events: [
    {
      caseId: 'K7QR2M4X9TBN6WZ3PH8D',
      seq: 0,
      previousHash: '0000000000000000000000000000000000000000000000000000000000000000',
      at: '2026-11-02T09:00:00.000Z',
      actor: 'whistleblower',
      action: 'report.received',
      details: {
        organizationId: 'kr-molit',
      },
      hash: '03913e3016282d01edfe97075a3d2a1de3a99fc488a4f87cffccaa477922f021',
    },
    {
      caseId: 'K7QR2M4X9TBN6WZ3PH8D',
      seq: 1,
      previousHash: '03913e3016282d01edfe97075a3d2a1de3a99fc488a4f87cffccaa477922f021',
      at: '2026-11-03T10:00:00.000Z',
      actor: 'handler@kr-molit',
      action: 'case.viewed',
      details: {},
      hash: 'ae14a91399cf72eecec0d33d1d2a367e1bff309cc811c5a03b9b68d27dbec17e',
    },
    {
      caseId: 'K7QR2M4X9TBN6WZ3PH8D',
      seq: 2,
      previousHash: 'ae14a91399cf72eecec0d33d1d2a367e1bff309cc811c5a03b9b68d27dbec17e',
      at: '2026-11-03T10:05:00.000Z',
      actor: 'handler@kr-molit',
      action: 'case.status_changed',
      details: {
        from: 'received',
        to: 'acknowledged',
      },
      hash: '15475e430b60467a8d8842a6979f97b297dd7e3525a6f1505d90357c3628dfd4',
    },
  ],
  chunk: {
    bucket: 'K7',
    anchoredAt: '2026-11-04T03:00:00.000Z',
    heads: [['K7QR2M4X9TBN6WZ3PH8D', 2, '15475e430b60467a8d8842a6979f97b297dd7e3525a6f1505d90357c3628dfd4']],
    mac: '2f9cfeb7ea9b7f424cea3ddbf81e54ca9db8fa14aee1bc3ad049ad060ff010be',
  },
  root: {
    seq: 0,
    anchoredAt: '2026-11-04T03:00:00.000Z',
    chunks: [
      {
        bucket: 'K7',
        digest: '88a1f2944b2edde194c99d2eca2df995fc0e5e2af6e90b54322f06e21611cc6f',
        cases: 1,
      },
    ],
    cases: 1,
    previousDigest: '0000000000000000000000000000000000000000000000000000000000000000',
    mac: 'e58df4c7fb9415f7c36fbe003998404aad37bee0bcb34eeda4a91d9b31074c4f',
  },
};
