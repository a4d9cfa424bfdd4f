// The files of a case export (docs/case-export.md), built from the case as the agency sees it: the record, its
// timeline, messages, internal notes, the audit chain, each evidence file, the key set that signs it and a README.
// Never the reporter's contact details: whistleblower-protection law forbids passing the reporter's identity on
// without consent (core/agency/contactDisclosure.ts); case.json says only whether the report was anonymous or
// confidential. Pure: what is read comes in; the ZIP is made by zipBundle.
import { zipSync, type Zippable } from 'fflate';
import type { CaseDetailResponse } from '#schemas/agency.js';
import { EXPORT_FORMAT, EXPORT_SIGNATURE_TYPE } from '#schemas/caseExport.js';
import type { ReceiptKeySet } from '#schemas/receipt.js';
import { sha256Hex } from '../filingReceipt.js';
import { type BundleFile, MANIFEST_PATH, type ManifestFacts, SIGNATURE_PATH } from './manifest.js';

export interface EvidenceFile {
  id: string;
  name: string;
  contentType: string;
  /** When it was taken in, and from whom. */
  at: string;
  addedBy: 'whistleblower' | 'agency';
  /** The digest taken at intake (the filing receipt signs it), when the portal kept one. */
  sha256AtIntake?: string;
  bytes: Uint8Array;
}

export interface CaseBundleInput {
  facts: ManifestFacts;
  /** The case as the agency view shows it, the export's own audit event included; its contact is never read. */
  detail: CaseDetailResponse;
  /** In the order of detail.attachments. */
  evidence: readonly EvidenceFile[];
  /** The public keys at export time, as GET /receipts/keys answers. */
  keySet: ReceiptKeySet;
}

const EVIDENCE_NAME_LENGTH = 100;

/**
 * A file name safe on every file system and in every unzip tool: letters, digits, `.`, `-`, `_` and spaces of the
 * original (NFC), anything else `_`; never hidden, never empty.
 */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .replace(/ +/g, ' ')
    .replace(/^[. ]+|[. ]+$/g, '');
  if (cleaned === '') return 'file';
  if (cleaned.length <= EVIDENCE_NAME_LENGTH) return cleaned;
  // A long name keeps its extension: the recipient's system opens the file by it.
  const extension = /\.[\p{L}\p{N}]{1,10}$/u.exec(cleaned)?.[0] ?? '';
  return cleaned.slice(0, EVIDENCE_NAME_LENGTH - extension.length) + extension;
}

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

/** Every file of the bundle but the manifest and its signature, in a fixed order. */
export function caseBundleFiles(input: CaseBundleInput): BundleFile[] {
  const { detail, facts } = input;
  const evidence = input.evidence.map((file, i) => ({ file, path: `evidence/${i + 1}-${safeFileName(file.name)}` }));
  const {
    contact: _contact,
    contactSharedWith: _sharedWith,
    timeline,
    messages,
    notes,
    attachments: _attachments,
    audit,
    auditVerified,
    auditProblem,
    anonymity,
    ...record
  } = detail;
  const caseRecord = {
    ...record,
    reporter: {
      anonymity,
      note:
        anonymity === 'confidential'
          ? 'The reporter gave contact details to the organization the report was filed with. They are not in this export: the reporter did not agree to their being passed on.'
          : 'The reporter did not identify themselves.',
    },
    auditVerifiedAtExport: auditVerified,
    ...(auditProblem ? { auditProblemAtExport: auditProblem } : {}),
    evidence: evidence.map(({ file, path }) => ({
      path,
      id: file.id,
      name: file.name,
      contentType: file.contentType,
      size: file.bytes.length,
      at: file.at,
      addedBy: file.addedBy,
      sha256: sha256Hex(file.bytes),
      ...(file.sha256AtIntake ? { sha256AtIntake: file.sha256AtIntake } : {}),
    })),
  };
  return [
    { path: 'README.txt', bytes: new TextEncoder().encode(readme(facts)) },
    { path: 'case.json', bytes: json(caseRecord) },
    { path: 'timeline.json', bytes: json(timeline) },
    { path: 'messages.json', bytes: json(messages) },
    { path: 'notes.json', bytes: json(notes) },
    { path: 'audit.json', bytes: json(audit) },
    { path: 'keys.json', bytes: json(input.keySet) },
    ...evidence.map(({ file, path }) => ({ path, bytes: file.bytes })),
  ];
}

/** Evidence is stored as it came (most of it already compressed); the JSON and text are deflated. */
export function zipBundle(files: readonly BundleFile[], at: string): Uint8Array {
  const mtime = new Date(at);
  const entries: Zippable = {};
  for (const { path, bytes } of files) {
    entries[path] = [bytes, { level: path.startsWith('evidence/') ? 0 : 6, mtime }];
  }
  return zipSync(entries);
}

function readme(facts: ManifestFacts): string {
  return `Clean Portal case export
========================

Case ${facts.caseId}, export ${facts.exportId}, made ${facts.exportedAt} by ${facts.exportedBy}.
Format: ${EXPORT_FORMAT}

What is here
------------
case.json      the case record as the agency saw it (the reporter's contact details are never exported)
timeline.json  status changes with their public notes
messages.json  messages between the agency and the reporter
notes.json     the agency's internal notes
audit.json     the case's audit chain: every access and change, each event hash-linked to the one before
evidence/      the evidence files, as the portal keeps them (case.json lists them with their original names)
keys.json      the portal's public signing keys at export time
${MANIFEST_PATH}  every file above with its size and SHA-256
${SIGNATURE_PATH}   the portal's signature of ${MANIFEST_PATH} (compact JWS, ES256, typ "${EXPORT_SIGNATURE_TYPE}")

How to check it without Clean Portal's tools
--------------------------------------------
1. The files: in the unpacked folder, with jq and sha256sum (GNU coreutils),

     jq -r '.files[] | "\\(.sha256)  \\(.path)"' ${MANIFEST_PATH} | sha256sum -c -

   must print OK for every file, and the folder must hold no file the manifest does not list
   (besides ${MANIFEST_PATH} and ${SIGNATURE_PATH}).

2. The manifest: ${SIGNATURE_PATH} is a compact JWS whose payload is exactly the bytes of ${MANIFEST_PATH}.
   Its protected header names the signing key ("kid"); take that key from the portal's published key set
   (https://<the portal's address>/api/receipts/keys), not only from keys.json in this bundle, which anyone
   altering the bundle could replace. Any JOSE library checks it, for example with Node.js and the "jose" package:

     node -e 'const j=require("jose"),f=require("fs");const k=JSON.parse(f.readFileSync(process.argv[1]));
       j.compactVerify(f.readFileSync("${SIGNATURE_PATH}","utf8").trim(),j.createLocalJWKSet(k),{algorithms:["ES256"]})
       .then(r=>{if(Buffer.compare(Buffer.from(r.payload),f.readFileSync("${MANIFEST_PATH}")))throw 0;
       if(r.protectedHeader.typ!=="${EXPORT_SIGNATURE_TYPE}")throw 0;console.log("signature OK")})
       .catch(()=>{console.log("signature NOT valid");process.exit(1)})' published-keys.json

With Clean Portal's source: npm run export:verify -- <bundle.zip> --keys <published-keys.json>
`;
}
