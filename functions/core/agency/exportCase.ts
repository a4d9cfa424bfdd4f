// POST /cases/{caseId}/export: a supervisor or the oversight body takes the case file away as one signed ZIP
// (docs/case-export.md), to refer it to a prosecutor or another authority that has no access to the portal. The
// export is an audit event, recorded before anything is read, so that an export whose upload fails is audited too;
// the bundle then carries that very event. The ZIP is kept a day under exports/ and handed out by a five-minute link.
import type { AgencyUser } from '#contract/agencyRoles.js';
import { exportObjectKey } from '#contract/exportPath.js';
import { type CaseExportResponse, EXPORT_SIGNATURE_TYPE } from '#schemas/caseExport.js';
import { forbidden, payloadTooLarge } from '../errors.js';
import { type ReceiptSigner, sha256Hex, signCompactJws } from '../filingReceipt.js';
import { newId } from '../ids.js';
import type { ReceiptKeys } from '../receiptKeys.js';
import { caseBundleFiles, type EvidenceFile, zipBundle } from '../caseExport/caseBundle.js';
import { MANIFEST_PATH, manifestBytes, manifestOf, SIGNATURE_PATH } from '../caseExport/manifest.js';
import { openCaseFolder } from './caseAccess.js';
import { afterCommit, caseDetail } from './caseDetail.js';
import type { AgencyDeps } from './deps.js';
import { recordChange } from './recordChange.js';

export const EXPORT_LINK_SECONDS = 300;
/**
 * The evidence one export carries at most: the function holds the files and the ZIP in memory (lib/api.ts gives it
 * the room). A larger case is refused before anything is recorded or read.
 */
export const EXPORT_EVIDENCE_LIMIT_BYTES = 256 * 1024 * 1024;

/** The portal's signing key (the filing receipts' key, lib/secrets.ts): it signs the manifest and publishes its half. */
export interface CaseExportDeps extends AgencyDeps {
  manifestKey: ReceiptSigner & ReceiptKeys;
}

export async function exportCase(deps: CaseExportDeps, user: AgencyUser, caseId: string): Promise<CaseExportResponse> {
  // Isolation first: another organization's case is a 404 whatever the role.
  const first = await openCaseFolder(deps, user, caseId);
  if (user.role === 'handler') throw forbidden('Only a supervisor or the oversight body can export a case file.');
  const evidenceBytes = first.folder.attachments.reduce((sum, a) => sum + a.size, 0);
  if (evidenceBytes > EXPORT_EVIDENCE_LIMIT_BYTES) {
    throw payloadTooLarge(
      `This case's evidence (${Math.ceil(evidenceBytes / 2 ** 20)} MiB) is more than one export carries (${EXPORT_EVIDENCE_LIMIT_BYTES / 2 ** 20} MiB). Download the files one by one.`,
    );
  }

  const now = deps.clock.now();
  const exportedAt = now.toISOString();
  const exportId = newId(deps.random);
  const { folder, commit } = await recordChange(
    deps,
    user,
    caseId,
    (f) => ({ record: f.case, audit: { at: exportedAt, actor: user.username, action: 'case.exported', details: { exportId } } }),
    first,
  );
  const after = afterCommit(folder, commit);
  const realCaseId = after.case.caseId;
  const [detail, keySet] = await Promise.all([caseDetail(deps, after), deps.manifestKey.keySet()]);
  const records = new Map(after.attachments.map((a) => [a.id, a]));
  const evidence: EvidenceFile[] = await Promise.all(
    detail.attachments.map(async (shown) => {
      const record = records.get(shown.id)!;
      return {
        id: shown.id,
        name: shown.name,
        contentType: shown.contentType,
        at: record.at,
        addedBy: record.addedBy,
        ...(record.sha256 ? { sha256AtIntake: record.sha256 } : {}),
        bytes: await deps.evidence.read(record.key),
      };
    }),
  );

  const facts = { caseId: realCaseId, exportId, exportedAt, exportedBy: user.username };
  const files = caseBundleFiles({ facts, detail, evidence, keySet });
  const manifest = manifestBytes(manifestOf(facts, files));
  const signature = await signCompactJws(deps.manifestKey, EXPORT_SIGNATURE_TYPE, manifest);
  const zip = zipBundle(
    [...files, { path: MANIFEST_PATH, bytes: manifest }, { path: SIGNATURE_PATH, bytes: new TextEncoder().encode(`${signature}\n`) }],
    exportedAt,
  );
  const key = exportObjectKey(realCaseId, exportId);
  await deps.evidence.write(key, zip, 'application/zip');
  const fileName = `case-${realCaseId}-export-${exportId}.zip`;
  // The link's five minutes start when it is signed, after the bundle is built.
  const signedAt = deps.clock.now();
  return {
    exportId,
    url: await deps.evidence.presignDownload(key, fileName, 'application/zip', EXPORT_LINK_SECONDS),
    expiresAt: new Date(signedAt.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString(),
    fileName,
    manifestSha256: sha256Hex(manifest),
  };
}
