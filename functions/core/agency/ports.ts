// What agency case work needs from storage beyond the citizen's ports.
import type { AuditEventRecord } from '../auditChain.js';
import type { CaseStatus } from '#contract/caseLife.js';
import type { CaseFile, CaseRecord, CaseStore, MessageRecord, TimelineRecord } from '../ports.js';
import type { QueueFilter } from './queueFilter.js';

export interface InternalNoteRecord {
  caseId: string;
  id: string;
  at: string;
  author: string;
  sealedBody: string;
}

/** Everything stored under a case, agency-only parts included. */
export interface CaseFolder extends CaseFile {
  notes: InternalNoteRecord[];
  audit: AuditEventRecord[];
}

/** One change to a case with the audit event that records it, written atomically. */
export interface CaseCommit {
  /** The case as it must be afterwards; its auditSeq/auditHash are the new event's. */
  record: CaseRecord;
  /** The audit head the change was computed from: another writer in between makes the commit stale. */
  expectedAuditSeq: number;
  /**
   * The whistleblower's message count the change was computed from: a message in between makes the commit stale too,
   * since the case is written whole and would otherwise lose the count (and its reply would read as seen).
   */
  expectedWhistleblowerMessages: number;
  audit: AuditEventRecord;
  /** The case's deletion date or hold changed: the TTL on every item of the case follows (core/caseRetention.ts). */
  expiryChanged?: boolean;
  timeline?: TimelineRecord[];
  messages?: MessageRecord[];
  notes?: InternalNoteRecord[];
}

export type QueueStartKey = Record<string, unknown>;

export interface QueueQuery {
  /** The organization whose queue, or whose escalations, are listed. */
  organizationId: string;
  scope: 'organization' | 'escalated';
  status?: CaseStatus;
  overdueOnly: boolean;
  /** The search within the queue (queueFilter.ts); empty for the whole queue. */
  filter: QueueFilter;
  limit: number;
  startKey?: QueueStartKey;
}

export interface QueuePage {
  records: CaseRecord[];
  nextKey: QueueStartKey | null;
}

export interface CaseWorkStore extends CaseStore {
  getCaseFolder(caseId: string): Promise<CaseFolder | null>;
  commit(change: CaseCommit): Promise<'committed' | 'stale'>;
  /** One page of a queue: overdue first, then oldest; one Query. */
  queue(query: QueueQuery): Promise<QueuePage>;
  /** Every case of an organization (for its statistics), read through its queue index. */
  organizationCases(organizationId: string): Promise<CaseRecord[]>;
  /** Cases whose pending deadline is before `before` and not yet swept (dueAt set). */
  due(before: string, limit: number): Promise<CaseRecord[]>;
  /**
   * Closed cases whose deletion date is before `before` and that are not held, oldest first; a case withdrawn by a
   * deletion that did not finish is listed again (withdrawn: true) until it is erased.
   */
  dueForDeletion(before: string, limit: number): Promise<DeletionCandidate[]>;
  /** The storage half of core/caseDeletion.ts, one step at a time (see CaseDeletionStep). */
  deleteCase(step: CaseDeletionStep): Promise<'done' | 'kept'>;
}

export interface DeletionCandidate {
  record: CaseRecord;
  /** Already out of every view and counted: only the erasing is left. */
  withdrawn: boolean;
}

/** What the public statistics keep of a deleted case: one more closed case of this row, closed after this many days. */
export interface DeletedCaseTally {
  organizationId: string;
  category: string;
  daysToClose: number;
}

/**
 * - `withdraw`: atomically, the case leaves every view (queues, /track, the statistics scan) and its tally is added
 *   to the deleted-case aggregates; `kept` (nothing written) when the case is held, or its head or date is no longer
 *   the one `record` shows.
 * - `erase`: every item of the case's partition, the case item last (so an erase cut short is listed again).
 */
export type CaseDeletionStep = { step: 'withdraw'; record: CaseRecord; tally: DeletedCaseTally } | { step: 'erase'; caseId: string };

export interface EvidenceLinks {
  /** A short-lived download link that saves the file under its name, never renders it. */
  presignDownload(key: string, fileName: string, contentType: string, expiresInSeconds: number): Promise<string>;
}
