// Where applications live (docs/applications.md): a partition of their own per case (APPLICATION#<caseId>), which the
// functions of the handling organization are not granted (lib/api.ts), apart from the case's own.
import type { ApplicationKind, ApplicationStatus } from '#contract/applicationLife.js';
import type { AuditEventRecord } from '../auditChain.js';

export interface ApplicationRecord {
  applicationId: string;
  caseId: string;
  kind: ApplicationKind;
  /** The body that decides it (the pack's `applications.decidedBy`), which alone opens the identity. */
  decidedBy: string;
  /** The organization handling the case when the application was made, for the deciding body's queue. */
  organizationId: string;
  category: string;
  /** The language the reporter applied in. */
  language: string;
  status: ApplicationStatus;
  /** Dated to the hour, as everything a reporter does (core/reporterTime.ts). */
  filedAt: string;
  updatedAt: string;
  decideBy: string;
  decidedAt: string | null;
  /** Sealed JSON of the applicant's identity (ApplicantIdentity), under the case's key. */
  sealedIdentity: string;
  sealedStatement: string;
  sealedDecisionNote: string | null;
  /** Head of the application's own audit chain (its chain id is the application id). */
  auditSeq: number;
  auditHash: string;
  /** Messages from the applicant, and how many of them the deciding body has opened. */
  applicantMessages: number;
  applicantMessagesSeen: number;
}

export interface ApplicationMessageRecord {
  caseId: string;
  kind: ApplicationKind;
  id: string;
  at: string;
  from: 'body' | 'applicant';
  sealedBody: string;
}

export interface ApplicationFile {
  record: ApplicationRecord;
  messages: ApplicationMessageRecord[];
  audit: AuditEventRecord[];
}

/** One change by the deciding body with the audit event that records it, written atomically. */
export interface ApplicationCommit {
  record: ApplicationRecord;
  expectedAuditSeq: number;
  /** An applicant's message in between makes the commit stale, as it would lose the count otherwise. */
  expectedApplicantMessages: number;
  audit: AuditEventRecord;
  message?: ApplicationMessageRecord;
}

export interface ApplicationStore {
  /** The application and its first audit event, or nothing: `exists` when the case has one of this kind already. */
  createApplication(record: ApplicationRecord, audit: AuditEventRecord): Promise<'created' | 'exists'>;
  /** The reporter's view of a case's applications: records and messages, never the audit events. */
  applicationsOfCase(caseId: string): Promise<{ record: ApplicationRecord; messages: ApplicationMessageRecord[] }[]>;
  getApplicationFile(caseId: string, kind: ApplicationKind): Promise<ApplicationFile | null>;
  commitApplication(change: ApplicationCommit): Promise<'committed' | 'stale'>;
  /**
   * Adds the applicant's message and counts it, atomically with the check that the application exists and did not
   * change at or after `message.at` (dated to the hour): if it did, nothing is written and the answer is when it changed,
   * so the message can be dated after what it answers.
   */
  addApplicantMessage(message: ApplicationMessageRecord): Promise<'added' | 'missing' | { changedAt: string }>;
  /** A deciding body's applications, open ones first, oldest first (one Query of its queue). */
  applicationQueue(decidedBy: string): Promise<ApplicationRecord[]>;
}
