// What `npm run export:verify` does, apart from its command line (local/cli/exportVerify.ts): unpack a case export
// (docs/case-export.md), check every file against manifest.json (size, SHA-256, nothing missing, nothing added) and
// manifest.jws against a key set: the portal's published one when given, else the bundle's own keys.json, with a
// warning, since whoever altered the bundle could have replaced that too. Answers 0 when the bundle is whole and
// signed, 1 when it is not.
import { unzipSync } from 'fflate';
import { type ManifestSignatureProblem, verifyManifestSignature } from '#contract/caseExportCheck.js';
import { bundleProblemText, checkBundle, MANIFEST_PATH, SIGNATURE_PATH } from '#core/caseExport/manifest.js';
import { EXPORT_SIGNATURE_TYPE } from '#schemas/caseExport.js';
import { type ReceiptKeySet, receiptKeySet } from '#schemas/receipt.js';

export interface ExportVerifyOutput {
  log(line: string): void;
  error(line: string): void;
}

const SIGNATURE_PROBLEMS: Record<ManifestSignatureProblem, string> = {
  malformed: `${SIGNATURE_PATH} is not a compact JWS signed with ES256`,
  'not-an-export': `${SIGNATURE_PATH} is not a case export signature (its type is not ${EXPORT_SIGNATURE_TYPE})`,
  'unknown-key': 'no key in the key set signed the manifest (another portal, or a forgery)',
  'bad-signature': 'the signature does not match: it was changed, or another key made it',
  'other-manifest': `the signature is valid but signs another ${MANIFEST_PATH} than the one in the bundle`,
};

export interface BundleVerdict {
  valid: boolean;
  /** Every reason it is not, one sentence each. */
  problems: string[];
  caseId: string | null;
  exportId: string | null;
  exportedAt: string | null;
  exportedBy: string | null;
  files: number;
  keyId: string | null;
}

/** Checks a bundle's bytes; `keys` null means: use the bundle's own keys.json. */
export async function verifyCaseBundle(zip: Uint8Array, keys: ReceiptKeySet | null): Promise<BundleVerdict> {
  const verdict: BundleVerdict = {
    valid: false,
    problems: [],
    caseId: null,
    exportId: null,
    exportedAt: null,
    exportedBy: null,
    files: 0,
    keyId: null,
  };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch {
    verdict.problems.push('this is not a ZIP file');
    return verdict;
  }
  const { manifest, problems } = checkBundle(new Map(Object.entries(entries)));
  verdict.problems.push(...problems.map(bundleProblemText));
  if (manifest) Object.assign(verdict, { ...pick(manifest), files: manifest.files.length });

  const signature = entries[SIGNATURE_PATH];
  const manifestBytes = entries[MANIFEST_PATH];
  if (signature && manifestBytes) {
    let keySet = keys;
    if (!keySet) {
      const bundled = entries['keys.json'];
      const parsed = bundled ? safeKeySet(bundled) : null;
      if (!parsed) verdict.problems.push('the bundle has no readable keys.json, and no key set was given (--keys)');
      keySet = parsed;
    }
    if (keySet) {
      const checked = await verifyManifestSignature(new TextDecoder().decode(signature), manifestBytes, keySet, EXPORT_SIGNATURE_TYPE);
      if (checked.valid) verdict.keyId = checked.keyId;
      else verdict.problems.push(SIGNATURE_PROBLEMS[checked.problem]);
    }
  }
  verdict.valid = verdict.problems.length === 0;
  return verdict;
}

const pick = (m: { caseId: string; exportId: string; exportedAt: string; exportedBy: string }) => ({
  caseId: m.caseId,
  exportId: m.exportId,
  exportedAt: m.exportedAt,
  exportedBy: m.exportedBy,
});

function safeKeySet(bytes: Uint8Array): ReceiptKeySet | null {
  try {
    return receiptKeySet.safeParse(JSON.parse(new TextDecoder().decode(bytes))).data ?? null;
  } catch {
    return null;
  }
}

export async function verifyExportFile(zip: Uint8Array, keys: ReceiptKeySet | null, out: ExportVerifyOutput): Promise<number> {
  const verdict = await verifyCaseBundle(zip, keys);
  if (!verdict.valid) {
    out.error(`NOT VALID: ${verdict.problems.length} problem(s).`);
    for (const problem of verdict.problems) out.error(`  - ${problem}`);
    return 1;
  }
  out.log(`VALID: ${verdict.files} files match the manifest, and the manifest is signed by key ${verdict.keyId}.`);
  out.log(`  case ${verdict.caseId}, export ${verdict.exportId}, made ${verdict.exportedAt} by ${verdict.exportedBy}`);
  if (!keys) {
    out.error(
      "WARNING: checked against the bundle's own keys.json. Compare that key with the portal's published key set " +
        '(https://<portal>/api/receipts/keys), or run again with --keys <that key set>: whoever altered a bundle could replace keys.json too.',
    );
  }
  return 0;
}
