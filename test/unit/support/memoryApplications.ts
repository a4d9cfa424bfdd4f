// ApplicationStore in memory, with the adapter's rules: one application per kind per case, commits conditional on
// the audit head and the applicant's message count.
import type { ApplicationKind } from '#contract/applicationLife.js';
import type { AuditEventRecord } from '#core/auditChain.js';
import type {
  ApplicationCommit,
  ApplicationFile,
  ApplicationMessageRecord,
  ApplicationRecord,
  ApplicationStore,
} from '#core/applications/ports.js';

const keyOf = (caseId: string, kind: ApplicationKind) => `${caseId}/${kind}`;

export class MemoryApplicationStore implements ApplicationStore {
  readonly files = new Map<string, ApplicationFile>();

  async createApplication(record: ApplicationRecord, audit: AuditEventRecord): Promise<'created' | 'exists'> {
    const key = keyOf(record.caseId, record.kind);
    if (this.files.has(key)) return 'exists';
    this.files.set(key, { record: structuredClone(record), messages: [], audit: [structuredClone(audit)] });
    return 'created';
  }

  async applicationsOfCase(caseId: string) {
    return [...this.files.values()]
      .filter((f) => f.record.caseId === caseId)
      .map((f) => ({ record: structuredClone(f.record), messages: structuredClone(f.messages) }));
  }

  async getApplicationFile(caseId: string, kind: ApplicationKind): Promise<ApplicationFile | null> {
    const file = this.files.get(keyOf(caseId, kind));
    return file ? structuredClone(file) : null;
  }

  async commitApplication(change: ApplicationCommit): Promise<'committed' | 'stale'> {
    const file = this.files.get(keyOf(change.record.caseId, change.record.kind));
    if (!file || file.record.auditSeq !== change.expectedAuditSeq || file.record.applicantMessages !== change.expectedApplicantMessages) {
      return 'stale';
    }
    file.record = structuredClone(change.record);
    file.audit.push(structuredClone(change.audit));
    if (change.message) file.messages.push(structuredClone(change.message));
    return 'committed';
  }

  async addApplicantMessage(message: ApplicationMessageRecord): Promise<'added' | 'missing' | { changedAt: string }> {
    const file = this.files.get(keyOf(message.caseId, message.kind));
    if (!file) return 'missing';
    if (file.record.updatedAt >= message.at) return { changedAt: file.record.updatedAt };
    file.record.applicantMessages++;
    file.messages.push(structuredClone(message));
    return 'added';
  }

  async applicationQueue(decidedBy: string): Promise<ApplicationRecord[]> {
    const rank = (r: ApplicationRecord) => (r.status === 'granted' || r.status === 'refused' ? '2' : '1');
    return [...this.files.values()]
      .map((f) => structuredClone(f.record))
      .filter((r) => r.decidedBy === decidedBy)
      .sort((a, b) => `${rank(a)}#${a.filedAt}#${a.applicationId}`.localeCompare(`${rank(b)}#${b.filedAt}#${b.applicationId}`));
  }
}
