import { describe, expect, it } from 'vitest';
import { type BuiltChunk, checkBudget, describeVerdict, gzipSize, scriptsLoadedBy } from '../../../web/build/citizenBudget.js';

const chunk = (fileName: string, extra: Partial<BuiltChunk> = {}): BuiltChunk => ({
  fileName,
  code: `console.log(${JSON.stringify(fileName)})`,
  isEntry: false,
  facadeModuleId: null,
  imports: [],
  dynamicImports: [],
  ...extra,
});

describe('scriptsLoadedBy', () => {
  const chunks = [
    chunk('citizen.js', { isEntry: true, facadeModuleId: '/web/index.html', imports: ['shared.js'], dynamicImports: ['lazy.js'] }),
    chunk('agency.js', { isEntry: true, facadeModuleId: '/web/agency.html', imports: ['shared.js', 'agency-only.js'] }),
    chunk('shared.js', { imports: ['zod.js'] }),
    chunk('zod.js'),
    chunk('lazy.js'),
    chunk('agency-only.js'),
  ];

  it('counts the entry, what it imports (transitively) and what it may load later, not the other pages', () => {
    expect(
      scriptsLoadedBy(chunks, '/web/index.html')
        .map((c) => c.fileName)
        .sort(),
    ).toEqual(['citizen.js', 'lazy.js', 'shared.js', 'zod.js']);
  });

  it('fails loudly when the entry is missing, rather than measuring nothing', () => {
    expect(() => scriptsLoadedBy(chunks, '/web/other.html')).toThrow(/no entry chunk/);
  });
});

describe('checkBudget', () => {
  it('passes at the budget and fails one byte over', () => {
    expect(
      checkBudget(
        [
          { fileName: 'a.js', gzipBytes: 60_000 },
          { fileName: 'b.js', gzipBytes: 20_000 },
        ],
        80_000,
      ).ok,
    ).toBe(true);
    const over = checkBudget([{ fileName: 'a.js', gzipBytes: 80_001 }], 80_000);
    expect(over).toMatchObject({ ok: false, totalBytes: 80_001 });
    expect(describeVerdict(over)).toBe('citizen JavaScript: 80001 B gzipped of a 80000 B budget (a.js 80001 B)');
  });

  it('measures gzipped size', () => {
    expect(gzipSize('a'.repeat(10_000))).toBeLessThan(100);
  });
});
