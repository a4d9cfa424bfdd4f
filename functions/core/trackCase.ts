// What the whistleblower sees with the code alone: status, deadlines, public notes, messages, attachment names, their
// report as they filed it and how a closed case ended, with names in the reader's language. Never internal notes,
// contact details or the audit trail.
import { retentionYearsFor } from './caseRetention.js';
import { reporterApplications } from './applications/reporterApplications.js';
import type { FiledReport, TrackResponse } from '#schemas/track.js';
import { chooseLanguage, localize } from './countryPackIndex.js';
import type { CitizenDeps } from './deps.js';
import { notFound, validationFailed } from './errors.js';
import type { CaseRecord, ReportText } from './ports.js';
import { type CaseId, caseIdForCode } from './trackingKey.js';
import { normalizeTrackingCode } from '#contract/trackingCode.js';

/** Normalizes a typed code and derives its case id; a malformed code is a 400, never a look-up. */
export function caseIdFromTypedCode(pepper: Uint8Array, input: string): CaseId {
  const code = normalizeTrackingCode(input);
  if (!code) {
    throw validationFailed('That is not a tracking code.', [
      { path: 'trackingCode', message: '16 letters and digits, as XXXX-XXXX-XXXX-XXXX' },
    ]);
  }
  return caseIdForCode(pepper, code);
}

export const UNKNOWN_CODE_MESSAGE = 'No report has this tracking code. Check it and try again.';

/** `readerLanguage`: the language the reader has the page in; a language the pack lacks reads as the filing language. */
export async function trackCase(deps: CitizenDeps, typedCode: string, readerLanguage?: string): Promise<TrackResponse> {
  const caseId = caseIdFromTypedCode(deps.pepper, typedCode);
  const file = await deps.store.getCaseFile(caseId);
  if (!file) throw notFound(UNKNOWN_CODE_MESSAGE);
  const record = file.case;
  const { pack } = deps.index;
  const language = chooseLanguage(
    pack,
    readerLanguage && pack.country.languages.includes(readerLanguage) ? readerLanguage : record.language,
  );
  const name = (organizationId: string) => organizationRef(deps, organizationId, language);
  const open = (sealed: string) => deps.sealer.open(sealed, caseId);
  const [report, timeline, messages, attachments, applications] = await Promise.all([
    open(record.sealedReport).then((sealed) => filedReport(deps, record, JSON.parse(sealed) as ReportText, language)),
    Promise.all(
      file.timeline.map(async (t) => ({
        at: t.at,
        status: t.status,
        ...(t.sealedPublicNote ? { publicNote: await open(t.sealedPublicNote) } : {}),
        ...(t.organizationId ? { organization: name(t.organizationId) } : {}),
      })),
    ),
    Promise.all(file.messages.map(async (m) => ({ id: m.id, at: m.at, from: m.from, body: await open(m.sealedBody) }))),
    Promise.all(file.attachments.map(async (a) => ({ id: a.id, name: await open(a.sealedName), size: a.size }))),
    reporterApplications(deps, caseId, language),
  ]);
  return {
    caseId,
    status: record.status,
    organization: name(record.organizationId),
    createdAt: record.createdAt,
    acknowledgeBy: record.acknowledgeBy,
    respondBy: record.respondBy,
    timeline,
    messages,
    attachments,
    language,
    report,
    resolution: record.resolution,
    closedAt: record.closedAt,
    deleteAfter: record.deleteAfter,
    retentionYears: retentionYearsFor(pack.country.retention, record.category),
    receipt: record.receipt ?? null,
    applications,
  };
}

function filedReport(deps: CitizenDeps, record: CaseRecord, text: ReportText, language: string): FiledReport {
  const { pack, categories } = deps.index;
  const category = categories.get(record.category);
  return {
    category: { id: record.category, name: category ? localize(category.name, language, pack.country.defaultLanguage) : record.category },
    reportedOrganization: organizationRef(deps, record.reportedOrganizationId, language),
    subjectIsHead: record.subjectIsHead,
    anonymity: record.anonymity,
    contactSharedWith: record.contactSharedWith ? organizationRef(deps, record.contactSharedWith, language) : null,
    title: text.title,
    description: text.description,
    occurredOn: text.occurredOn,
    occurredApproximately: text.occurredApproximately === true,
    location: text.location,
    amount: text.amount,
  };
}

function organizationRef(deps: CitizenDeps, organizationId: string, language: string) {
  const { pack, organizations } = deps.index;
  const organization = organizations.get(organizationId);
  return {
    id: organizationId,
    name: organization ? localize(organization.name, language, pack.country.defaultLanguage) : organizationId,
  };
}
