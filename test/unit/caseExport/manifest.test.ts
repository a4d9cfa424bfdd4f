// The manifest of a case export and the check a recipient runs: every file at its size and digest, none missing,
// none added; and the signature over manifest.json's exact bytes, of the export's own type.
import { describe, expect, it } from 'vitest';
import { verifyManifestSignature } from '#contract/caseExportCheck.js';
import { safeFileName } from '#core/caseExport/caseBundle.js';
import {
  type BundleFile,
  type BundleProblem,
  bundleProblemText,
  checkBundle,
  MANIFEST_PATH,
  manifestBytes,
  manifestOf,
  SIGNATURE_PATH,
} from '#core/caseExport/manifest.js';
import { sha256Hex, signCompactJws, signFilingReceipt } from '#core/filingReceipt.js';
import { caseExportManifest, EXPORT_FORMAT, EXPORT_SIGNATURE_TYPE } from '#schemas/caseExport.js';
import { MemoryReceiptSigner } from '../support/memoryPorts.js';

const text = (s: string) => new TextEncoder().encode(s);
const FACTS = { caseId: 'CASE1', exportId: 'EXPORT1', exportedAt: '2026-10-15T03:00:00.000Z', exportedBy: 'supervisor@kr-molit' };
const FILES: BundleFile[] = [
  { path: 'case.json', bytes: text('{"caseId":"CASE1"}\n') },
  { path: 'evidence/1-ledger.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) },
  { path: 'empty.txt', bytes: new Uint8Array() },
];

function bundle(files = FILES): Map<string, Uint8Array> {
  const manifest = manifestBytes(manifestOf(FACTS, files));
  return new Map([...files.map((f) => [f.path, f.bytes] as const), [MANIFEST_PATH, manifest], [SIGNATURE_PATH, text('x.y.z\n')]]);
}

describe('manifestOf', () => {
  it('lists every file with its size and SHA-256, under the export’s format', () => {
    const manifest = manifestOf(FACTS, FILES);
    expect(caseExportManifest.parse(manifest)).toEqual({
      format: EXPORT_FORMAT,
      ...FACTS,
      files: FILES.map((f) => ({ path: f.path, size: f.bytes.length, sha256: sha256Hex(f.bytes) })),
    });
    expect(new TextDecoder().decode(manifestBytes(manifest))).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
  });

  it('refuses the manifest’s own paths and a path given twice', () => {
    expect(() => manifestOf(FACTS, [{ path: MANIFEST_PATH, bytes: text('{}') }])).toThrow(/written by the manifest/);
    expect(() => manifestOf(FACTS, [{ path: SIGNATURE_PATH, bytes: text('') }])).toThrow(/written by the manifest/);
    expect(() => manifestOf(FACTS, [FILES[0]!, FILES[0]!])).toThrow(/two files at case\.json/);
    expect(() => manifestOf(FACTS, [{ path: '../escape', bytes: text('') }])).toThrow();
  });
});

describe('checkBundle', () => {
  it('finds nothing wrong with a whole bundle, and ignores directory entries', () => {
    const whole = bundle();
    expect(checkBundle(whole)).toEqual({ manifest: manifestOf(FACTS, FILES), problems: [] });
    whole.set('evidence/', new Uint8Array());
    expect(checkBundle(whole).problems).toEqual([]);
  });

  it('names a changed file, a truncated one, a missing one and an added one', () => {
    const changed = bundle();
    changed.set('case.json', text('{"caseId":"CASE2"}\n'));
    expect(checkBundle(changed).problems).toEqual([{ kind: 'digest', path: 'case.json' }]);

    const truncated = bundle();
    truncated.set('evidence/1-ledger.png', new Uint8Array([0x89]));
    expect(checkBundle(truncated).problems).toEqual([{ kind: 'size', path: 'evidence/1-ledger.png', expected: 7, found: 1 }]);

    const dropped = bundle();
    dropped.delete('empty.txt');
    expect(checkBundle(dropped).problems).toEqual([{ kind: 'missing', path: 'empty.txt' }]);

    const added = bundle();
    added.set('evidence/2-planted.pdf', text('%PDF'));
    expect(checkBundle(added).problems).toEqual([{ kind: 'extra', path: 'evidence/2-planted.pdf' }]);
  });

  it('needs the manifest, readable, and its signature beside it', () => {
    const unsigned = bundle();
    unsigned.delete(SIGNATURE_PATH);
    expect(checkBundle(unsigned).problems).toEqual([{ kind: 'no-signature' }]);

    const bare = bundle();
    bare.delete(MANIFEST_PATH);
    expect(checkBundle(bare)).toEqual({ manifest: null, problems: [{ kind: 'no-manifest' }] });

    const garbled = bundle();
    garbled.set(MANIFEST_PATH, new Uint8Array([0xff, 0xfe, 0x7b]));
    expect(checkBundle(garbled).problems).toEqual([{ kind: 'malformed-manifest', why: 'not UTF-8 JSON' }]);

    const other = bundle();
    other.set(MANIFEST_PATH, text(JSON.stringify({ format: 'something-else/1' })));
    expect(checkBundle(other).problems).toEqual([{ kind: 'malformed-manifest', why: expect.stringMatching(/^format: /) }]);

    const twice = bundle();
    const manifest = manifestOf(FACTS, FILES);
    twice.set(MANIFEST_PATH, manifestBytes({ ...manifest, files: [...manifest.files, manifest.files[0]!] }));
    expect(checkBundle(twice).problems).toEqual([{ kind: 'malformed-manifest', why: 'case.json is listed twice' }]);

    const empty = bundle();
    empty.set(MANIFEST_PATH, text('[]'));
    expect(checkBundle(empty).problems).toEqual([{ kind: 'malformed-manifest', why: expect.stringMatching(/^\(manifest\): /) }]);
  });

  it('says each problem in a sentence', () => {
    const problems: BundleProblem[] = [
      { kind: 'no-manifest' },
      { kind: 'malformed-manifest', why: 'not UTF-8 JSON' },
      { kind: 'no-signature' },
      { kind: 'missing', path: 'a' },
      { kind: 'extra', path: 'b' },
      { kind: 'size', path: 'c', expected: 2, found: 1 },
      { kind: 'digest', path: 'd' },
    ];
    const sentences = problems.map(bundleProblemText);
    expect(new Set(sentences).size).toBe(problems.length);
    expect(sentences[3]).toMatch(/^a is listed in the manifest but missing/);
    expect(sentences[6]).toMatch(/^d does not match its SHA-256/);
  });
});

describe('the manifest’s signature', () => {
  const manifest = manifestBytes(manifestOf(FACTS, FILES));

  it('holds over the exact manifest bytes, with the export’s type, under the key set', async () => {
    const signer = new MemoryReceiptSigner();
    const keys = await signer.keySet();
    const jws = await signCompactJws(signer, EXPORT_SIGNATURE_TYPE, manifest);
    expect(await verifyManifestSignature(`${jws}\n`, manifest, keys, EXPORT_SIGNATURE_TYPE)).toEqual({
      valid: true,
      keyId: keys.keys[0]!.kid,
    });
    const changed = manifest.slice();
    changed[10] = changed[10]! ^ 1;
    expect(await verifyManifestSignature(jws, changed, keys, EXPORT_SIGNATURE_TYPE)).toEqual({ valid: false, problem: 'other-manifest' });
    expect(await verifyManifestSignature(jws, manifest.subarray(1), keys, EXPORT_SIGNATURE_TYPE)).toEqual({
      valid: false,
      problem: 'other-manifest',
    });
    const forged = `${jws.slice(0, -4)}${jws.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect(await verifyManifestSignature(forged, manifest, keys, EXPORT_SIGNATURE_TYPE)).toEqual({
      valid: false,
      problem: 'bad-signature',
    });
    expect(await verifyManifestSignature(jws, manifest, await new MemoryReceiptSigner().keySet(), EXPORT_SIGNATURE_TYPE)).toEqual({
      valid: false,
      problem: 'unknown-key',
    });
    expect(await verifyManifestSignature('not a jws', manifest, keys, EXPORT_SIGNATURE_TYPE)).toEqual({
      valid: false,
      problem: 'malformed',
    });
    const noKid = `${Buffer.from(JSON.stringify({ alg: 'ES256', typ: EXPORT_SIGNATURE_TYPE })).toString('base64url')}.${jws.split('.')[1]}.${jws.split('.')[2]}`;
    expect(await verifyManifestSignature(noKid, manifest, keys, EXPORT_SIGNATURE_TYPE)).toEqual({ valid: false, problem: 'malformed' });
  });

  it('is never a filing receipt’s, nor a receipt an export’s, under the same key', async () => {
    const signer = new MemoryReceiptSigner();
    const keys = await signer.keySet();
    const receipt = await signFilingReceipt(signer, {
      typ: 'clean-portal-filing-receipt',
      caseId: 'CASE1',
      filedAt: '2026-10-15T03:00:00.000Z',
      organizationId: 'kr-molit',
      category: 'corruption',
      reportSha256: sha256Hex('report'),
      evidenceSha256: [],
    });
    expect(await verifyManifestSignature(receipt, manifest, keys, EXPORT_SIGNATURE_TYPE)).toEqual({
      valid: false,
      problem: 'not-an-export',
    });
  });
});

describe('safeFileName', () => {
  it('keeps letters of any script, digits, dots, dashes and spaces; replaces the rest; never hidden or empty', () => {
    expect(safeFileName('계약서 사본.pdf')).toBe('계약서 사본.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('a\u0000b\\c:d*e?.txt')).toBe('a_b_c_d_e_.txt');
    expect(safeFileName('.hidden')).toBe('hidden');
    expect(safeFileName('...')).toBe('file');
    expect(safeFileName('tab\tand   spaces .png ')).toBe('tab_and spaces .png');
    expect(safeFileName(`${'x'.repeat(300)}.pdf`)).toBe(`${'x'.repeat(96)}.pdf`);
    expect(safeFileName('y'.repeat(300))).toBe('y'.repeat(100));
  });
});
