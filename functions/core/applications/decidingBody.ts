// Only the deciding body works on applications: an oversight user of the organization the pack names. Everyone else
// is told there is no such application (404), never shown that one exists; its queue answers them 403.
import type { AgencyUser } from '#contract/agencyRoles.js';
import { parseApplicationId } from '#contract/applicationLife.js';
import { type AuditEventInput, nextAuditEvent } from '../auditChain.js';
import type { AgencyDeps } from '../agency/deps.js';
import { conflict, forbidden, notFound } from '../errors.js';
import type { ApplicationCommit, ApplicationFile, ApplicationMessageRecord, ApplicationRecord } from './ports.js';

export const NO_SUCH_APPLICATION_HERE = 'There is no such application for your organization to decide.';

export function isDecidingBody(deps: AgencyDeps, user: AgencyUser): boolean {
  const decidedBy = deps.index.pack.country.applications?.decidedBy;
  return decidedBy !== undefined && user.role === 'oversight' && user.organizationId === decidedBy;
}

export function requireDecidingBody(deps: AgencyDeps, user: AgencyUser): string {
  if (!isDecidingBody(deps, user)) {
    throw forbidden('Applications for protection and rewards are decided by the body this portal names; your account is not one of its.');
  }
  return user.organizationId;
}

export async function openApplication(deps: AgencyDeps, user: AgencyUser, applicationId: string): Promise<ApplicationFile> {
  const id = parseApplicationId(applicationId);
  if (!id || !isDecidingBody(deps, user)) throw notFound(NO_SUCH_APPLICATION_HERE);
  const file = await deps.applications.getApplicationFile(id.caseId, id.kind);
  if (!file || file.record.decidedBy !== user.organizationId) throw notFound(NO_SUCH_APPLICATION_HERE);
  return file;
}

export interface PlannedApplicationChange {
  record: ApplicationRecord;
  audit: AuditEventInput;
  message?: ApplicationMessageRecord;
}

const ATTEMPTS = 3;

/** Opens the application, plans a change from it and commits it with its audit event, re-planning if it went stale. */
export async function recordApplicationChange(
  deps: AgencyDeps,
  user: AgencyUser,
  applicationId: string,
  plan: (file: ApplicationFile) => PlannedApplicationChange | Promise<PlannedApplicationChange>,
): Promise<{ file: ApplicationFile; commit: ApplicationCommit }> {
  for (let attempt = 1; ; attempt++) {
    const file = await openApplication(deps, user, applicationId);
    const before = file.record;
    const planned = await plan(file);
    const audit = await nextAuditEvent(
      deps.auditKey,
      before.applicationId,
      { seq: before.auditSeq, hash: before.auditHash },
      planned.audit,
    );
    const commit: ApplicationCommit = {
      record: { ...planned.record, auditSeq: audit.seq, auditHash: audit.hash },
      expectedAuditSeq: before.auditSeq,
      expectedApplicantMessages: before.applicantMessages,
      audit,
      ...(planned.message ? { message: planned.message } : {}),
    };
    if ((await deps.applications.commitApplication(commit)) === 'committed') return { file, commit };
    if (attempt >= ATTEMPTS) throw conflict('The application changed while you were working on it. Reload it and try again.');
  }
}

/** The file as it is after the commit: the new record, the new event and message added. */
export function afterApplicationCommit(file: ApplicationFile, commit: ApplicationCommit): ApplicationFile {
  return {
    record: commit.record,
    messages: commit.message ? [...file.messages, commit.message] : file.messages,
    audit: [...file.audit, commit.audit],
  };
}
