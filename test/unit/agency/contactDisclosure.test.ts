import { describe, expect, it } from 'vitest';
import { contactSharedWith, opensContact } from '#core/agency/contactDisclosure.js';
import type { AuditEventRecord } from '#core/auditChain.js';
import type { CaseRecord } from '#core/ports.js';

const received = (organizationId: string) =>
  ({
    caseId: 'C',
    seq: 0,
    at: '2026-10-01T00:00:00.000Z',
    actor: 'whistleblower',
    action: 'report.received',
    details: { organizationId, routingRuleId: 'r' },
    previousHash: '0',
    hash: '1',
  }) satisfies AuditEventRecord;

const folder = (record: Partial<CaseRecord>, audit: AuditEventRecord[] = [received('kr-molit')]) => ({
  case: { organizationId: 'kr-molit', sealedContact: 'sealed', contactSharedWith: 'kr-molit', ...record } as CaseRecord,
  audit,
});

describe('contactSharedWith', () => {
  it('is the organization recorded at filing', () => {
    expect(contactSharedWith(folder({ contactSharedWith: 'kr-acrc' }))).toBe('kr-acrc');
  });

  it('is nobody for an anonymous report', () => {
    expect(contactSharedWith(folder({ sealedContact: null, contactSharedWith: null }))).toBeNull();
  });

  it('falls back, for a case filed before the field was kept, to where its first audit event says it was routed', () => {
    expect(contactSharedWith(folder({ contactSharedWith: null }, [received('kr-moef')]))).toBe('kr-moef');
  });
});

describe('opensContact', () => {
  it('opens them for the organization they were shared with while it owns the case', () => {
    expect(opensContact('owner', folder({}))).toBe(true);
  });

  it('never for oversight watching an escalation', () => {
    expect(opensContact('oversight', folder({}))).toBe(false);
  });

  it('never for another owner, after a transfer (oversight taking the case over included)', () => {
    expect(opensContact('owner', folder({ organizationId: 'kr-acrc' }))).toBe(false);
    expect(opensContact('owner', folder({ organizationId: 'kr-moef' }))).toBe(false);
  });

  it('never when there is nothing to open', () => {
    expect(opensContact('owner', folder({ sealedContact: null, contactSharedWith: null }))).toBe(false);
  });
});
