// Every agency change is written together with the audit event that records it. The write is conditional on
// the audit head it was computed from; if another change landed in between, it is recomputed from a fresh read.
import { type AuditEventInput, nextAuditEvent } from '../auditChain.js';
import { conflict } from '../errors.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import type { AuditMacKey, CaseRecord } from '../ports.js';
import { type CaseAccess, openCaseFolder } from './caseAccess.js';
import type { AgencyDeps } from './deps.js';
import type { CaseCommit, CaseFolder } from './ports.js';

const ATTEMPTS = 3;

export interface PlannedChange {
  record: CaseRecord;
  audit: AuditEventInput;
  expiryChanged?: boolean;
  timeline?: CaseCommit['timeline'];
  messages?: CaseCommit['messages'];
  notes?: CaseCommit['notes'];
}

export interface RecordedChange {
  folder: CaseFolder;
  access: CaseAccess;
  commit: CaseCommit;
}

/** Reads the case the user may reach, plans a change from it, and commits the change with its audit event. */
export async function recordChange(
  deps: AgencyDeps,
  user: AgencyUser,
  caseId: string,
  plan: (folder: CaseFolder, access: CaseAccess) => Promise<PlannedChange> | PlannedChange,
  first?: { folder: CaseFolder; access: CaseAccess },
): Promise<RecordedChange> {
  let current = first ?? (await openCaseFolder(deps, user, caseId));
  for (let attempt = 1; ; attempt++) {
    const { folder, access } = current;
    const planned = await plan(folder, access);
    const commit = await commitFor(deps.auditKey, folder.case, planned);
    if ((await deps.store.commit(commit)) === 'committed') return { folder, access, commit };
    if (attempt >= ATTEMPTS) throw conflict('The case changed while you were working on it. Reload it and try again.');
    current = await openCaseFolder(deps, user, caseId);
  }
}

/** Builds the commit: the next audit event after the case's head, and the case carrying the new head. */
export async function commitFor(key: AuditMacKey, before: CaseRecord, planned: PlannedChange): Promise<CaseCommit> {
  const audit = await nextAuditEvent(key, before.caseId, { seq: before.auditSeq, hash: before.auditHash }, planned.audit);
  return {
    record: { ...planned.record, auditSeq: audit.seq, auditHash: audit.hash },
    expectedAuditSeq: before.auditSeq,
    expectedWhistleblowerMessages: before.whistleblowerMessages,
    audit,
    ...(planned.expiryChanged ? { expiryChanged: true } : {}),
    timeline: planned.timeline,
    messages: planned.messages,
    notes: planned.notes,
  };
}
