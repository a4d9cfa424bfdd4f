// POST /track/applications: with the tracking code alone, the reporter applies for protection or a reward on their
// case, giving the identity the pack's law requires. The identity and the statement are sealed at once (under the
// case's key, so deleting the case shreds them) and stored where only the deciding body's functions read
// (docs/applications.md). One application of each kind per case: a second is a 409.
import { type ApplicationKind, applicationIdOf } from '#contract/applicationLife.js';
import type { ApplyRequest, ReporterApplication } from '#schemas/application.js';
import { nextAuditEvent } from '../auditChain.js';
import { chooseLanguage } from '../countryPackIndex.js';
import type { CitizenDeps } from '../deps.js';
import { conflict, notFound, validationFailed } from '../errors.js';
import { deadlinesStart, reporterTime } from '../reporterTime.js';
import { UNKNOWN_CODE_MESSAGE, caseIdFromTypedCode } from '../trackCase.js';
import { termsOf } from './applicationTerms.js';
import type { ApplicationRecord } from './ports.js';
import { reporterApplication } from './reporterApplications.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function fileApplication(deps: CitizenDeps, request: ApplyRequest): Promise<ReporterApplication> {
  const terms = termsOf(deps.index, request.kind);
  if (!terms) {
    throw validationFailed(`This portal takes no ${request.kind} applications online.`, [
      { path: 'kind', message: `not offered here; see the ${request.kind === 'reward' ? 'rewards' : 'protection'} page` },
    ]);
  }
  const missing = terms.identityFields.filter((field) => !request.identity[field]);
  if (missing.length > 0) {
    throw validationFailed(
      'The law requires more about you for this application.',
      missing.map((field) => ({ path: `identity.${field}`, message: 'required for this application' })),
    );
  }
  const caseId = caseIdFromTypedCode(deps.pepper, request.trackingCode);
  const filed = await deps.store.getCase(caseId);
  if (!filed) throw notFound(UNKNOWN_CODE_MESSAGE);

  const now = deps.clock.now();
  const filedAt = reporterTime(now).toISOString();
  const applicationId = applicationIdOf(caseId, request.kind);
  const record: ApplicationRecord = {
    applicationId,
    caseId,
    kind: request.kind,
    decidedBy: terms.decidedBy,
    organizationId: filed.organizationId,
    category: filed.category,
    language: chooseLanguage(deps.index.pack, request.language ?? filed.language),
    status: 'received',
    filedAt,
    updatedAt: filedAt,
    decideBy: new Date(deadlinesStart(now).getTime() + terms.decideDays * DAY_MS).toISOString(),
    decidedAt: null,
    sealedIdentity: await deps.sealer.seal(JSON.stringify(request.identity), caseId),
    sealedStatement: await deps.sealer.seal(request.statement, caseId),
    sealedDecisionNote: null,
    auditSeq: 0,
    auditHash: '',
    applicantMessages: 0,
    applicantMessagesSeen: 0,
  };
  const audit = await nextAuditEvent(deps.auditKey, applicationId, null, {
    at: filedAt,
    actor: 'applicant',
    action: 'application.received',
    details: { kind: request.kind, decidedBy: terms.decidedBy },
  });
  record.auditHash = audit.hash;
  if ((await deps.applications.createApplication(record, audit)) === 'exists') throw alreadyApplied(request.kind);
  return reporterApplication(deps, record, [], record.language);
}

function alreadyApplied(kind: ApplicationKind) {
  return conflict(
    kind === 'protection'
      ? 'You have already applied for protection on this report. Write to the deciding body from your status page instead.'
      : 'You have already applied for a reward on this report. Write to the deciding body from your status page instead.',
  );
}
