// What the reporter sees of their applications on the status page: status, deadline, the deciding body and the law,
// its decision and the messages both ways. Never the identity they gave: only the deciding body opens it.
import { applicationIdOf, isDecided } from '#contract/applicationLife.js';
import type { ReporterApplication } from '#schemas/application.js';
import { localize } from '../countryPackIndex.js';
import type { CitizenDeps } from '../deps.js';
import type { ApplicationMessageRecord, ApplicationRecord } from './ports.js';

export const isOverdue = (record: ApplicationRecord, now: Date): boolean =>
  !isDecided(record.status) && now.toISOString() > record.decideBy;

export async function reporterApplication(
  deps: CitizenDeps,
  record: ApplicationRecord,
  messages: ApplicationMessageRecord[],
  language: string,
): Promise<ReporterApplication> {
  const { pack, organizations } = deps.index;
  const fallback = pack.country.defaultLanguage;
  const open = (sealed: string) => deps.sealer.open(sealed, record.caseId);
  const body = organizations.get(record.decidedBy);
  const legalBasis = pack.country.applications?.kinds[record.kind]?.legalBasis;
  return {
    applicationId: applicationIdOf(record.caseId, record.kind),
    kind: record.kind,
    status: record.status,
    filedAt: record.filedAt,
    decideBy: record.decideBy,
    overdue: isOverdue(record, deps.clock.now()),
    decidingBody: { id: record.decidedBy, name: body ? localize(body.name, language, fallback) : record.decidedBy },
    legalBasis: legalBasis ? localize(legalBasis, language, fallback) : '',
    decidedAt: record.decidedAt,
    decisionNote: record.sealedDecisionNote ? await open(record.sealedDecisionNote) : null,
    messages: await Promise.all(
      [...messages]
        .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
        .map(async (m) => ({ id: m.id, at: m.at, from: m.from, body: await open(m.sealedBody) })),
    ),
  };
}

/** Every application of a case, in the reader's language (POST /track). */
export async function reporterApplications(deps: CitizenDeps, caseId: string, language: string): Promise<ReporterApplication[]> {
  const found = await deps.applications.applicationsOfCase(caseId);
  return Promise.all(found.map(({ record, messages }) => reporterApplication(deps, record, messages, language)));
}
