// Every size and length limit is written once, in functions/contract/limits.ts: a schema, a form field or a handler
// that wrote its own number would drift from the others the day one of them changes.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '#contract/limits.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCANNED = ['functions', 'web/src', 'local', 'lib', 'bin'];
const CONTRACT = join('functions', 'contract');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** A bound written as a number: `.max(200)`, `.min(14)`, `maxLength={5000}`. */
const LITERAL_BOUND = /\.(?:max|min|length)\(\s*(\d[\d_.e]*)|maxLength=\{\s*(\d[\d_]*)\s*\}/g;
// Single digits (a three-letter code, a six-digit code) are too common to search for; the larger limits are not.
const LIMIT_VALUES = new Set<number>(Object.values(LIMITS).filter((v) => v >= 10));

/** The bounds in a text that repeat one of the contract's limits (other bounds, a port number say, are not limits). */
function repeatedLimits(text: string): string[] {
  return [...text.matchAll(LITERAL_BOUND)].filter((m) => LIMIT_VALUES.has(Number((m[1] ?? m[2])!.replaceAll('_', '')))).map((m) => m[0]);
}

describe('the contract’s limits', () => {
  const files = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir))).filter((file) => !relative(ROOT, file).startsWith(CONTRACT));

  it('are read from functions/contract/limits.ts everywhere else, never written as numbers', () => {
    const found = files.flatMap((file) => repeatedLimits(readFileSync(file, 'utf8')).map((bound) => `${relative(ROOT, file)}: ${bound}`));
    expect(found).toEqual([]);
  });

  it('catches a form field or a schema that writes its own', () => {
    expect(repeatedLimits('<input maxLength={200} />')).toEqual(['maxLength={200}']);
    expect(repeatedLimits('z.string().trim().min(1).max(5_000)')).toEqual(['.max(5_000']);
    expect(repeatedLimits('z.string().min(1).max(LIMITS.title)')).toEqual([]);
    expect(repeatedLimits('z.coerce.number().max(65535)')).toEqual([]);
  });

  it('hold what the contract promises', () => {
    expect(LIMITS).toMatchObject({
      title: 200,
      description: 20_000,
      attachmentBytes: 25 * 1024 * 1024,
      attachmentsPerSubmission: 10,
      bodyBytes: 64 * 1024,
    });
  });
});
