// Filing a report: check it against the pack, route it, seal its text, take in its evidence and store it in one
// atomic write. A client-proposed tracking code makes a retry idempotent: same content → the same case (200),
// other content → 409; a guessable one is refused (guessableCode.ts). The reporter files on the web; staff file a
// report taken by phone, post or a visit through the same path (agency/assistedIntake.ts), named as its filer.
import type { SubmitReportRequest, SubmitReportResponse } from '#schemas/report.js';
import { chooseLanguage, localize } from './countryPackIndex.js';
import { nextAuditEvent } from './auditChain.js';
import { deadlinesStart, reporterTime } from './reporterTime.js';
import { computeDeadlines } from './deadlines.js';
import type { CitizenDeps } from './deps.js';
import { conflict, validationFailed, type ErrorDetail } from './errors.js';
import { type CheckedUpload, UploadMissingError, checkUploads, promoteUploads, uploadClaims, uploadTaken } from './evidenceIntake.js';
import { newId } from './ids.js';
import { sha256Hex, signFilingReceipt } from './filingReceipt.js';
import { RECEIPT_TYPE } from '#schemas/receipt.js';
import { canonicalJson, keyedHash } from './keyedHash.js';
import type { CaseRecord, ReportText } from './ports.js';
import { routeReport, UNSURE_ORGANIZATION_ID } from './routing.js';
import { guessableCodeReason } from './guessableCode.js';
import { caseIdForCode } from './trackingKey.js';
import type { IntakeChannel } from '#contract/intakeChannel.js';
import {
  TRACKING_CODE_BYTES,
  type TrackingCode,
  formatTrackingCode,
  normalizeTrackingCode,
  trackingCodeFromBytes,
} from '#contract/trackingCode.js';

export interface SubmitOutcome {
  /** 201 for a new case, 200 for an idempotent retry. */
  created: boolean;
  body: SubmitReportResponse;
}

/**
 * Who enters the report, and how it arrived: the first audit event names `actor`. The reporter on the web is
 * `whistleblower`; a staff member entering a report taken by phone, post or a visit is named by their username.
 */
export interface ReportFiler {
  actor: string;
  channel: IntakeChannel;
}

export const REPORTER_ON_THE_WEB: ReportFiler = { actor: 'whistleblower', channel: 'web' };

export async function submitReport(
  deps: CitizenDeps,
  report: SubmitReportRequest,
  filer: ReportFiler = REPORTER_ON_THE_WEB,
): Promise<SubmitOutcome> {
  checkAgainstPack(deps, report);
  const proposed = report.trackingCode !== undefined;
  const code = proposed ? parseProposedCode(report.trackingCode!) : trackingCodeFromBytes(deps.random.bytes(TRACKING_CODE_BYTES));
  const caseId = caseIdForCode(deps.pepper, code);
  // Uploads are left out: a retry from a reloaded page uploads its files again under new ids.
  const { trackingCode: _code, uploadIds: _uploads, ...content } = report;
  const fingerprint = keyedHash(deps.pepper, 'report-content', canonicalJson(content)).toString('base64url');

  const decision = routeReport(report, deps.index.routing);
  if (!decision) throw new Error('the country pack routes no rule for this report; run the pack checker');

  let uploads: CheckedUpload[];
  try {
    uploads = await checkUploads(deps, report.uploadIds, 'uploadIds');
  } catch (error) {
    // A retry after a committed submission finds its uploads already moved: answer with the stored case.
    if (proposed && error instanceof UploadMissingError) {
      const existing = await deps.store.getCase(caseId);
      if (existing) return answerExisting(deps, existing, code, fingerprint);
    }
    throw error;
  }

  const now = deps.clock.now();
  // To the hour, and the deadlines from the end of that hour (core/reporterTime.ts).
  const createdAt = reporterTime(now).toISOString();
  const deadlines = computeDeadlines(deadlinesStart(now), deps.index.pack.country.deadlines);
  const text: ReportText = {
    title: report.title,
    description: report.description,
    occurredOn: report.occurredOn ?? null,
    ...(report.occurredOn && report.occurredApproximately ? { occurredApproximately: true as const } : {}),
    location: report.location ?? null,
    amount: report.amount ?? null,
  };
  const record: CaseRecord = {
    caseId,
    organizationId: decision.organizationId,
    reportedOrganizationId: report.organizationId,
    category: report.category,
    language: report.language,
    status: 'received',
    createdAt,
    updatedAt: createdAt,
    ...deadlines,
    subjectIsHead: report.subjectIsHead,
    anonymity: report.anonymity,
    routingRuleId: decision.ruleId,
    contentFingerprint: fingerprint,
    sealedReport: await deps.sealer.seal(JSON.stringify(text), caseId),
    sealedContact: report.contact ? await deps.sealer.seal(JSON.stringify(report.contact), caseId) : null,
    contactSharedWith: report.contact ? decision.organizationId : null,
    resolution: null,
    acknowledgedAt: null,
    closedAt: null,
    overdue: false,
    dueAt: deadlines.acknowledgeBy,
    escalatedTo: null,
    escalatedAt: null,
    auditSeq: 0,
    auditHash: '',
    whistleblowerMessages: 0,
    whistleblowerMessagesSeen: 0,
    deleteAfter: null,
    legalHold: null,
    channel: filer.channel,
  };
  const audit = await nextAuditEvent(deps.auditKey, caseId, null, {
    at: createdAt,
    actor: filer.actor,
    action: 'report.received',
    details: {
      organizationId: decision.organizationId,
      routingRuleId: decision.ruleId,
      // A web report's first event reads as it always has; an assisted one says how the staff member took it.
      ...(filer.channel === 'web' ? {} : { channel: filer.channel }),
    },
  });
  record.auditHash = audit.hash;

  const attachments = await promoteUploads(deps, caseId, uploads, 'whistleblower');
  let result: 'created' | 'exists' | 'uploadTaken';
  try {
    // Signed before the write, so the case is never stored without its receipt: one signing call per filing.
    record.receipt = await signFilingReceipt(deps.receipts, {
      typ: RECEIPT_TYPE,
      caseId,
      filedAt: createdAt,
      organizationId: decision.organizationId,
      category: report.category,
      reportSha256: sha256Hex(record.sealedReport),
      evidenceSha256: attachments.map((a) => a.sha256!),
      ...(report.authorCommitment ? { authorCommitment: report.authorCommitment } : {}),
    });
    result = await deps.store.createCase({
      record,
      timeline: { caseId, id: newId(deps.random), at: createdAt, status: 'received', sealedPublicNote: null },
      attachments,
      audit,
      uploadClaims: uploadClaims(uploads),
    });
  } catch (error) {
    await deps.evidence.remove(attachments.map((a) => a.key));
    throw error;
  }

  if (result === 'uploadTaken') {
    await deps.evidence.remove(attachments.map((a) => a.key));
    throw uploadTaken('uploadIds', uploads.length);
  }

  if (result === 'exists') {
    await deps.evidence.remove(attachments.map((a) => a.key));
    if (!proposed) throw new Error('a generated tracking code collided with an existing case');
    const existing = await deps.store.getCase(caseId);
    if (!existing) throw new Error('a case reported as existing could not be read');
    return answerExisting(deps, existing, code, fingerprint);
  }

  await deps.evidence.remove(uploads.map((u) => u.declared.key));
  return { created: true, body: responseFor(deps, record, code) };
}

function answerExisting(deps: CitizenDeps, existing: CaseRecord, code: TrackingCode, fingerprint: string): SubmitOutcome {
  if (existing.contentFingerprint !== fingerprint) {
    throw conflict('This tracking code already belongs to a different report. Start a new report to get a new code.');
  }
  return { created: false, body: responseFor(deps, existing, code) };
}

function responseFor(deps: CitizenDeps, record: CaseRecord, code: TrackingCode): SubmitReportResponse {
  const organization = deps.index.organizations.get(record.organizationId)!;
  const language = chooseLanguage(deps.index.pack, record.language);
  return {
    caseId: record.caseId,
    trackingCode: formatTrackingCode(code),
    organization: { id: organization.id, name: localize(organization.name, language, deps.index.pack.country.defaultLanguage) },
    status: record.status,
    acknowledgeBy: record.acknowledgeBy,
    respondBy: record.respondBy,
    receipt: record.receipt ?? null,
  };
}

function parseProposedCode(input: string): TrackingCode {
  const code = normalizeTrackingCode(input);
  if (!code) {
    throw validationFailed('The proposed tracking code is not valid.', [
      { path: 'trackingCode', message: '16 characters of Crockford base32 (digits and letters except I, L, O, U)' },
    ]);
  }
  const guessable = guessableCodeReason(code);
  if (guessable) {
    throw validationFailed('The proposed tracking code could be guessed; propose a random one.', [
      { path: 'trackingCode', message: `could be guessed: ${guessable}` },
    ]);
  }
  return code;
}

function checkAgainstPack(deps: CitizenDeps, report: SubmitReportRequest): void {
  const { pack, categories, organizations } = deps.index;
  const details: ErrorDetail[] = [];
  if (!categories.has(report.category)) details.push({ path: 'category', message: `no category "${report.category}" in this portal` });
  // "I'm not sure" names no organization: the oversight body triages it (functions/contract/routing.ts).
  if (!organizations.has(report.organizationId) && report.organizationId !== UNSURE_ORGANIZATION_ID) {
    details.push({ path: 'organizationId', message: `no organization "${report.organizationId}" in this portal` });
  }
  if (!pack.country.languages.includes(report.language)) {
    details.push({ path: 'language', message: `one of ${pack.country.languages.join(', ')}` });
  }
  // A day of slack: the reporter's calendar may be ahead of UTC. A month ("2026-10") sorts before its days, so the
  // current month passes and a later one does not.
  const latestDay = new Date(deps.clock.now().getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  if (report.occurredOn && report.occurredOn > latestDay) {
    details.push({ path: 'occurredOn', message: 'cannot be in the future' });
  }
  if (details.length > 0) throw validationFailed('The report does not match this portal.', details);
}
