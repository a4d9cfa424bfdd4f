// The agency side of the in-memory ports: a CaseWorkStore with the DynamoDB store's semantics
// (functions/adapters/dynamoCaseStore.ts), agency dependencies over the real Korean pack, agency users and a
// citizen filing a report.
import { matchesQueueFilter } from '#core/agency/queueFilter.js';
import { MemoryStaffDirectory } from './memoryStaff.js';
import type { AgencyDeps } from '#core/agency/deps.js';
import type {
  CaseDeletionStep,
  DeletionCandidate,
  CaseCommit,
  CaseFolder,
  CaseWorkStore,
  InternalNoteRecord,
  QueuePage,
  QueueQuery,
  QueueStartKey,
} from '#core/agency/ports.js';
import type { AuditEventRecord } from '#core/auditChain.js';
import { AGENCY_ROLES, type AgencyRole, type AgencyUser } from '#contract/agencyRoles.js';
import type { CaseFile, CaseRecord, DeletedCaseCount, NewCaseWrite } from '#core/ports.js';
import { submitReport } from '#core/submitReport.js';
import type { SubmitReportResponse } from '#schemas/report.js';
import { krIndex, reportRequest } from './fixtures.js';
import { MemoryAuditAnchorStore } from './memoryAuditAnchors.js';
import { MemoryCaseStore, type MemoryDeps, memoryDeps } from './memoryPorts.js';

const clone = <T>(value: T): T => structuredClone(value);

/** 0 overdue, 1 open, 2 closed, as the queue index's sort key starts. */
const bucketOf = (r: CaseRecord) => (r.status === 'closed' ? '2' : r.overdue ? '0' : '1');
const ageKey = (r: CaseRecord) => `${bucketOf(r)}#${r.createdAt}#${r.caseId}`;

/** Items of one case come back ordered by their sort key (`<KIND>#<at>#<id>`), as a DynamoDB Query returns them. */
const bySortKey = <T extends { at: string; id: string }>(items: T[]) =>
  clone(items).sort((a, b) => cmp(`${a.at}#${a.id}`, `${b.at}#${b.id}`));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type IndexName = 'byStatus' | 'queue' | 'escalations';

/**
 * A CaseWorkStore over Maps. Like the DynamoDB store:
 * - createCase also stores the genesis audit event;
 * - commit is one transaction, conditional on the stored case's audit head and whistleblower message count: 'stale'
 *   (and nothing written) unless the case exists with auditSeq = expectedAuditSeq and whistleblowerMessages =
 *   expectedWhistleblowerMessages; an item that already exists under the same key fails it;
 * - queue reads one index page: an organization's cases (or those escalated to it), overdue first, then open,
 *   then closed, each oldest first; `limit` counts the items read before the status filter, and a full page
 *   carries a nextKey even when nothing follows, as DynamoDB's LastEvaluatedKey does;
 * - due lists cases whose dueAt is before the instant, by dueAt;
 * - a withdrawn case (deleteCase 'withdraw') leaves `files`, so no reader finds it, and waits in `withdrawn` for its
 *   erasing; its tally is added to `deletedTallies`.
 */
export class MemoryCaseWorkStore extends MemoryCaseStore implements CaseWorkStore {
  readonly notes = new Map<string, InternalNoteRecord[]>();
  readonly audits = new Map<string, AuditEventRecord[]>();
  readonly withdrawn = new Map<string, CaseFile>();
  readonly deletedTallies = new Map<string, DeletedCaseCount>();
  commits = 0;
  /**
   * When set, runs before every commit is checked (but not before commits it makes itself): another writer
   * getting in first.
   */
  beforeCommit: ((change: CaseCommit) => Promise<void> | void) | null = null;
  private interleaving = false;

  override async createCase(write: NewCaseWrite): Promise<'created' | 'exists' | 'uploadTaken'> {
    const result = await super.createCase(write);
    if (result === 'created') {
      this.audits.set(write.record.caseId, [clone(write.audit)]);
      this.notes.set(write.record.caseId, []);
    }
    return result;
  }

  override async getCaseFile(caseId: string): Promise<CaseFile | null> {
    const folder = await this.getCaseFolder(caseId);
    if (!folder) return null;
    const { case: record, timeline, messages, attachments } = folder;
    return { case: record, timeline, messages, attachments };
  }

  async getCaseFolder(caseId: string): Promise<CaseFolder | null> {
    const file = this.files.get(caseId);
    if (!file) return null;
    return {
      case: clone(file.case),
      timeline: bySortKey(file.timeline),
      messages: bySortKey(file.messages),
      attachments: bySortKey(file.attachments),
      notes: bySortKey(this.notes.get(caseId) ?? []),
      audit: clone(this.audits.get(caseId) ?? []).sort((a, b) => a.seq - b.seq),
    };
  }

  async commit(change: CaseCommit): Promise<'committed' | 'stale'> {
    if (this.beforeCommit && !this.interleaving) {
      this.interleaving = true;
      try {
        await this.beforeCommit(change);
      } finally {
        this.interleaving = false;
      }
    }
    this.takeFailure();
    this.writes++;
    const caseId = change.record.caseId;
    const file = this.files.get(caseId);
    if (!file || file.case.auditSeq !== change.expectedAuditSeq || file.case.whistleblowerMessages !== change.expectedWhistleblowerMessages)
      return 'stale';
    const audit = this.audits.get(caseId) ?? [];
    const notes = this.notes.get(caseId) ?? [];
    const taken = (items: { at: string; id: string }[], item: { caseId: string; at: string; id: string }) =>
      item.caseId !== caseId || items.some((i) => i.at === item.at && i.id === item.id);
    if (
      change.audit.caseId !== caseId ||
      audit.some((e) => e.seq === change.audit.seq) ||
      (change.timeline ?? []).some((t) => taken(file.timeline, t)) ||
      (change.messages ?? []).some((m) => taken(file.messages, m)) ||
      (change.notes ?? []).some((n) => taken(notes, n))
    ) {
      // In DynamoDB a put onto an existing item (or another case's partition) cancels the whole transaction.
      throw new Error('TransactionCanceledException: an item of this commit already exists');
    }
    file.case = clone(change.record);
    file.timeline.push(...clone(change.timeline ?? []));
    file.messages.push(...clone(change.messages ?? []));
    notes.push(...clone(change.notes ?? []));
    audit.push(clone(change.audit));
    this.notes.set(caseId, notes);
    this.audits.set(caseId, audit);
    this.commits++;
    return 'committed';
  }

  async queue(query: QueueQuery): Promise<QueuePage> {
    const index: IndexName = query.scope === 'escalated' ? 'escalations' : query.status && !query.overdueOnly ? 'byStatus' : 'queue';
    const partition = `${index}:${query.organizationId}`;
    const inPartition = (r: CaseRecord) =>
      index === 'escalations' ? r.escalatedTo === query.organizationId : r.organizationId === query.organizationId;
    const sortKey = (r: CaseRecord) => (index === 'byStatus' ? `${r.status}#${ageKey(r)}` : ageKey(r));
    const inRange = (r: CaseRecord) => (index === 'byStatus' ? r.status === query.status : query.overdueOnly ? bucketOf(r) === '0' : true);
    let candidates = this.records()
      .filter((r) => inPartition(r) && inRange(r))
      .sort((a, b) => cmp(sortKey(a), sortKey(b)));
    if (query.startKey) {
      const start = query.startKey;
      if (start.partition !== partition || typeof start.sortKey !== 'string') {
        throw new Error('ValidationException: the provided starting key is invalid for this query');
      }
      candidates = candidates.filter((r) => sortKey(r) > (start.sortKey as string));
    }
    const evaluated = candidates.slice(0, query.limit);
    const records = evaluated.filter(
      (r) => (index === 'byStatus' || !query.status || r.status === query.status) && matchesQueueFilter(r, query.filter),
    );
    const last = evaluated.at(-1);
    const nextKey: QueueStartKey | null = last && evaluated.length === query.limit ? { partition, sortKey: sortKey(last) } : null;
    return { records: clone(records), nextKey };
  }

  async organizationCases(organizationId: string): Promise<CaseRecord[]> {
    return clone(
      this.records()
        .filter((r) => r.organizationId === organizationId)
        .sort((a, b) => cmp(ageKey(a), ageKey(b))),
    );
  }

  async due(before: string, limit: number): Promise<CaseRecord[]> {
    const dueKey = (r: CaseRecord) => `${r.dueAt}#${r.caseId}`;
    return clone(
      this.records()
        .filter((r) => r.dueAt !== null && dueKey(r) < before)
        .sort((a, b) => cmp(dueKey(a), dueKey(b)))
        .slice(0, limit),
    );
  }

  async dueForDeletion(before: string, limit: number): Promise<DeletionCandidate[]> {
    const key = (r: CaseRecord) => `${r.deleteAfter}#${r.caseId}`;
    const listed = (r: CaseRecord) => r.deleteAfter !== null && r.legalHold === null && r.dueAt === null && key(r) < before;
    return clone(
      [
        ...this.records().map((record) => ({ record, withdrawn: false })),
        ...[...this.withdrawn.values()].map((file) => ({ record: file.case, withdrawn: true })),
      ]
        .filter((c) => listed(c.record))
        .sort((a, b) => cmp(key(a.record), key(b.record)))
        .slice(0, limit),
    );
  }

  async deleteCase(step: CaseDeletionStep): Promise<'done' | 'kept'> {
    this.takeFailure();
    if (step.step === 'erase') {
      this.withdrawn.delete(step.caseId);
      this.files.delete(step.caseId);
      this.notes.delete(step.caseId);
      this.audits.delete(step.caseId);
      return 'done';
    }
    const { record, tally } = step;
    const file = this.files.get(record.caseId);
    if (!file || file.case.legalHold !== null || file.case.auditSeq !== record.auditSeq || file.case.deleteAfter !== record.deleteAfter)
      return 'kept';
    this.files.delete(record.caseId);
    this.withdrawn.set(record.caseId, file);
    const key = `${tally.organizationId}#${tally.category}#${tally.daysToClose}`;
    const count = this.deletedTallies.get(key) ?? { ...tally, cases: 0 };
    this.deletedTallies.set(key, { ...count, cases: count.cases + 1 });
    return 'done';
  }

  /** Test helper: the stored case as it stands. */
  record(caseId: string): CaseRecord {
    const file = this.files.get(caseId);
    if (!file) throw new Error(`no case ${caseId}`);
    return clone(file.case);
  }

  /** Test helper: the stored audit chain, by sequence number. */
  auditOf(caseId: string): AuditEventRecord[] {
    return clone(this.audits.get(caseId) ?? []).sort((a, b) => a.seq - b.seq);
  }

  private records(): CaseRecord[] {
    return [...this.files.values()].map((f) => f.case);
  }
}

export interface MemoryAgencyDeps extends AgencyDeps {
  store: MemoryCaseWorkStore;
  evidence: MemoryDeps['evidence'];
  sealer: MemoryDeps['sealer'];
  clock: MemoryDeps['clock'];
  applications: MemoryDeps['applications'];
  anchors: MemoryAuditAnchorStore;
  /** The deleted cases' receipts: kept with the anchors, as deployed. */
  deletions: MemoryAuditAnchorStore;
  staff: MemoryStaffDirectory;
}

/** Agency dependencies over the real countries/kr pack, a settable clock, repeatable randomness and a pepper. */
export function agencyDeps(overrides: Partial<MemoryAgencyDeps> = {}): MemoryAgencyDeps {
  const anchors = overrides.anchors ?? new MemoryAuditAnchorStore();
  const index = krIndex();
  return {
    ...memoryDeps(index),
    store: new MemoryCaseWorkStore(),
    anchors,
    deletions: anchors,
    staff: MemoryStaffDirectory.forPack(index),
    ...overrides,
  };
}

/** An agency user from a demo username: `handler@kr-molit` is a handler of kr-molit. */
export function staff(username: string): AgencyUser {
  const [role, organizationId] = username.split('@');
  if (!role || !organizationId || !(AGENCY_ROLES as readonly string[]).includes(role)) throw new Error(`not a demo username: ${username}`);
  return { username, organizationId, role: role as AgencyRole };
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;

/**
 * A citizen files a report through submitReport, as POST /reports does. The default is a budget-waste report
 * about kr-molit, which the Korean pack routes to kr-molit itself.
 */
export async function fileReport(deps: MemoryAgencyDeps, overrides: Record<string, unknown> = {}): Promise<SubmitReportResponse> {
  return (await submitReport(deps, reportRequest({ category: 'budget-waste', organizationId: 'kr-molit', ...overrides }))).body;
}
