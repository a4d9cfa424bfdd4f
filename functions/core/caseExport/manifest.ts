// The manifest of a case export (docs/case-export.md): every file of the bundle with its size and SHA-256, and the
// check a recipient runs: each file is there with that size and digest, nothing is missing and nothing was added.
// Pure: the bytes come in, a verdict goes out. The signature over manifest.json is checked apart
// (functions/contract/caseExportCheck.ts), and only a manifest that is itself whole is worth checking it for.
import { type CaseExportManifest, caseExportManifest, EXPORT_FORMAT } from '#schemas/caseExport.js';
import { sha256Hex } from '../filingReceipt.js';

/** The two files the manifest cannot list: itself, and its signature. */
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.jws';

export interface BundleFile {
  path: string;
  bytes: Uint8Array;
}

export interface ManifestFacts {
  caseId: string;
  exportId: string;
  exportedAt: string;
  exportedBy: string;
}

export function manifestOf(facts: ManifestFacts, files: readonly BundleFile[]): CaseExportManifest {
  const paths = new Set<string>();
  for (const { path } of files) {
    if (path === MANIFEST_PATH || path === SIGNATURE_PATH) throw new Error(`${path} is written by the manifest itself`);
    if (paths.has(path)) throw new Error(`two files at ${path}`);
    paths.add(path);
  }
  return caseExportManifest.parse({
    format: EXPORT_FORMAT,
    ...facts,
    files: files.map(({ path, bytes }) => ({ path, size: bytes.length, sha256: sha256Hex(bytes) })),
  });
}

/** The exact bytes of manifest.json, which the signature covers: indented for a reader, one final newline. */
export function manifestBytes(manifest: CaseExportManifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
}

export type BundleProblem =
  | { kind: 'no-manifest' }
  | { kind: 'malformed-manifest'; why: string }
  | { kind: 'no-signature' }
  | { kind: 'missing'; path: string }
  | { kind: 'extra'; path: string }
  | { kind: 'size'; path: string; expected: number; found: number }
  | { kind: 'digest'; path: string };

export interface BundleCheck {
  /** The manifest as read, when it could be read at all. */
  manifest: CaseExportManifest | null;
  /** Empty when every file is as the manifest says and nothing else is in the bundle (the signature is apart). */
  problems: BundleProblem[];
}

/**
 * Checks the files of an unpacked bundle against its manifest. Directory entries (a name ending in `/`) are not
 * files: a recipient who unpacks and packs a bundle again may add them.
 */
export function checkBundle(entries: ReadonlyMap<string, Uint8Array>): BundleCheck {
  const files = new Map([...entries].filter(([path]) => !path.endsWith('/')));
  const problems: BundleProblem[] = [];
  if (!files.has(SIGNATURE_PATH)) problems.push({ kind: 'no-signature' });
  const raw = files.get(MANIFEST_PATH);
  if (!raw) return { manifest: null, problems: [{ kind: 'no-manifest' }, ...problems] };

  let manifest: CaseExportManifest;
  try {
    const parsed = caseExportManifest.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return {
        manifest: null,
        problems: [{ kind: 'malformed-manifest', why: `${issue.path.join('.') || '(manifest)'}: ${issue.message}` }, ...problems],
      };
    }
    manifest = parsed.data;
  } catch {
    return { manifest: null, problems: [{ kind: 'malformed-manifest', why: 'not UTF-8 JSON' }, ...problems] };
  }

  const listed = new Set<string>();
  for (const entry of manifest.files) {
    if (listed.has(entry.path)) {
      problems.push({ kind: 'malformed-manifest', why: `${entry.path} is listed twice` });
      continue;
    }
    listed.add(entry.path);
    const bytes = files.get(entry.path);
    if (!bytes) problems.push({ kind: 'missing', path: entry.path });
    else if (bytes.length !== entry.size) problems.push({ kind: 'size', path: entry.path, expected: entry.size, found: bytes.length });
    else if (sha256Hex(bytes) !== entry.sha256) problems.push({ kind: 'digest', path: entry.path });
  }
  for (const path of files.keys()) {
    if (!listed.has(path) && path !== MANIFEST_PATH && path !== SIGNATURE_PATH) problems.push({ kind: 'extra', path });
  }
  return { manifest, problems };
}

/** One sentence per problem, for the verify command and the tests. */
export function bundleProblemText(problem: BundleProblem): string {
  switch (problem.kind) {
    case 'no-manifest':
      return `the bundle has no ${MANIFEST_PATH}`;
    case 'malformed-manifest':
      return `${MANIFEST_PATH} is not a case export manifest (${problem.why})`;
    case 'no-signature':
      return `the bundle has no ${SIGNATURE_PATH}: nothing vouches for the manifest`;
    case 'missing':
      return `${problem.path} is listed in the manifest but missing from the bundle`;
    case 'extra':
      return `${problem.path} is in the bundle but not in the manifest (added after export)`;
    case 'size':
      return `${problem.path} has ${problem.found} bytes; the manifest says ${problem.expected}`;
    case 'digest':
      return `${problem.path} does not match its SHA-256 in the manifest (changed after export)`;
  }
}
