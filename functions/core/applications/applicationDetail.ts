// The deciding body's view of one application: the applicant's identity and statement opened, the linked case's
// facts (never its text), the messages both ways and the application's own audit chain, verified.
import type { ApplicantIdentity, ApplicationDetailResponse } from '#schemas/application.js';
import { auditEntriesOf, verifyAuditChain } from '../auditChain.js';
import { auditMacKeys } from '../auditMac.js';
import type { AgencyDeps } from '../agency/deps.js';
import { localize } from '../countryPackIndex.js';
import type { CaseRecord } from '../ports.js';
import type { ApplicationFile } from './ports.js';
import { listItem } from './applicationQueue.js';

export async function applicationDetail(
  deps: AgencyDeps,
  file: ApplicationFile,
  linkedCase: CaseRecord | null,
): Promise<ApplicationDetailResponse> {
  const { record } = file;
  const open = (sealed: string) => deps.sealer.open(sealed, record.caseId);
  const { pack } = deps.index;
  const legalBasis = pack.country.applications?.kinds[record.kind]?.legalBasis;
  const audit = [...file.audit].sort((a, b) => a.seq - b.seq);
  const [identity, statement, decisionNote, messages, verdict] = await Promise.all([
    open(record.sealedIdentity).then((json) => JSON.parse(json) as ApplicantIdentity),
    open(record.sealedStatement),
    record.sealedDecisionNote ? open(record.sealedDecisionNote) : Promise.resolve(null),
    Promise.all(
      [...file.messages]
        .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
        .map(async (m) => ({ id: m.id, at: m.at, from: m.from, body: await open(m.sealedBody) })),
    ),
    verifyAuditChain(auditMacKeys(deps), audit, { seq: record.auditSeq, hash: record.auditHash }),
  ]);
  return {
    ...listItem(deps, record),
    identity,
    statement,
    legalBasis: legalBasis ? localize(legalBasis, pack.country.defaultLanguage, pack.country.defaultLanguage) : '',
    decidedAt: record.decidedAt,
    decisionNote,
    case: {
      category: record.category,
      status: linkedCase?.status ?? 'deleted',
      createdAt: linkedCase?.createdAt ?? record.filedAt,
    },
    messages,
    audit: auditEntriesOf(audit),
    auditVerified: verdict.verified,
    auditProblem: verdict.verified ? null : verdict.problem,
  };
}
