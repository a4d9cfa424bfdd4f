// The agency's view of a case: report text, contact (assigned organization only), timeline, messages, internal
// notes, attachments and the audit trail with its verification, against the newest anchor of its heads too.
import { auditEntriesOf } from '../auditChain.js';
import type { CaseDetailResponse } from '#schemas/agency.js';
import { anchorBucketOf, verifyAnchoredAuditChain } from '../auditAnchor.js';
import { auditMacKeys } from '../auditMac.js';
import { isPastDeadline } from '../caseDeadlines.js';
import { localize } from '../countryPackIndex.js';
import type { ReportText } from '../ports.js';
import { contactSharedWith } from './contactDisclosure.js';
import type { AgencyDeps } from './deps.js';
import type { CaseCommit, CaseFolder } from './ports.js';

/** The folder as it is once a commit has landed. */
export function afterCommit(folder: CaseFolder, commit: CaseCommit): CaseFolder {
  return {
    case: commit.record,
    timeline: [...folder.timeline, ...(commit.timeline ?? [])],
    messages: [...folder.messages, ...(commit.messages ?? [])],
    attachments: folder.attachments,
    notes: [...folder.notes, ...(commit.notes ?? [])],
    audit: [...folder.audit, commit.audit],
  };
}

export function organizationRef(deps: Pick<AgencyDeps, 'index'>, id: string) {
  const { pack, organizations } = deps.index;
  const organization = organizations.get(id);
  const fallback = pack.country.defaultLanguage;
  return { id, name: organization ? localize(organization.name, fallback, fallback) : id };
}

/**
 * `openContact`: the caller has established (opensContact) that this reader may see the contact details and has
 * recorded the opening in the audit event of this request; only GET /cases/{caseId} does.
 */
export async function caseDetail(deps: AgencyDeps, folder: CaseFolder, openContact = false): Promise<CaseDetailResponse> {
  const record = folder.case;
  const open = (sealed: string) => deps.sealer.open(sealed, record.caseId);
  // Contact details are opened only when the caller established that this reader may (opensContact) and audited it.
  // The anchor is the one read beyond the case's own partition: made while the text is opened.
  const [report, sealedContact, anchorChunk] = await Promise.all([
    open(record.sealedReport),
    openContact && record.sealedContact ? open(record.sealedContact) : null,
    deps.anchors.latestChunk(anchorBucketOf(record.caseId)),
  ]);
  const text = JSON.parse(report) as ReportText;
  const contact = sealedContact === null ? null : JSON.parse(sealedContact);
  const sharedWith = contactSharedWith(folder);
  const byTime = <T extends { at: string }>(items: T[]) => [...items].sort((a, b) => a.at.localeCompare(b.at));
  const audit = [...folder.audit].sort((a, b) => a.seq - b.seq);
  const verdict = await verifyAnchoredAuditChain(
    auditMacKeys(deps),
    record.caseId,
    audit,
    { seq: record.auditSeq, hash: record.auditHash },
    anchorChunk,
  );
  return {
    caseId: record.caseId,
    status: record.status,
    organization: organizationRef(deps, record.organizationId),
    reportedOrganization: organizationRef(deps, record.reportedOrganizationId),
    category: record.category,
    title: text.title,
    description: text.description,
    occurredOn: text.occurredOn,
    occurredApproximately: text.occurredApproximately === true,
    location: text.location,
    amount: text.amount,
    subjectIsHead: record.subjectIsHead,
    anonymity: record.anonymity,
    contact,
    contactSharedWith: sharedWith ? organizationRef(deps, sharedWith) : null,
    createdAt: record.createdAt,
    acknowledgeBy: record.acknowledgeBy,
    respondBy: record.respondBy,
    overdue: record.overdue || isPastDeadline(record, deps.clock.now()),
    escalatedTo: record.escalatedTo,
    resolution: record.resolution,
    deleteAfter: record.deleteAfter,
    assignee: record.assignee ?? null,
    assignedAt: record.assignedAt ?? null,
    recused: record.recused ?? [],
    legalHold: record.legalHold,
    timeline: await Promise.all(
      byTime(folder.timeline).map(async (t) => ({
        at: t.at,
        status: t.status,
        ...(t.sealedPublicNote ? { publicNote: await open(t.sealedPublicNote) } : {}),
        ...(t.organizationId ? { organization: organizationRef(deps, t.organizationId) } : {}),
      })),
    ),
    messages: await Promise.all(
      byTime(folder.messages).map(async (m) => ({ id: m.id, at: m.at, from: m.from, body: await open(m.sealedBody) })),
    ),
    notes: await Promise.all(
      byTime(folder.notes).map(async (n) => ({ id: n.id, at: n.at, author: n.author, body: await open(n.sealedBody) })),
    ),
    attachments: await Promise.all(
      byTime(folder.attachments).map(async (a) => ({ id: a.id, name: await open(a.sealedName), size: a.size, contentType: a.contentType })),
    ),
    audit: auditEntriesOf(audit),
    auditVerified: verdict.verified,
    auditProblem: verdict.verified ? null : verdict.problem,
  };
}
