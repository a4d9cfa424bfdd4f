// The citizen pages must stay light on a slow phone: the build fails when the JavaScript they can load, gzipped,
// passes the budget. Everything reachable from the citizen entry counts, lazy chunks included.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** 80 KB: the issue's ceiling for the citizen pages' JavaScript, gzipped, read as 80,000 bytes. */
export const CITIZEN_JS_BUDGET_BYTES = 80_000;

export interface BuiltChunk {
  fileName: string;
  code: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
}

export interface ScriptSize {
  fileName: string;
  gzipBytes: number;
}

export interface BudgetVerdict {
  ok: boolean;
  totalBytes: number;
  budgetBytes: number;
  scripts: ScriptSize[];
}

/** The chunks an HTML entry can load: its entry chunk and every chunk it imports, statically or lazily. */
export function scriptsLoadedBy(chunks: BuiltChunk[], entryModuleId: string): BuiltChunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry && c.facadeModuleId === entryModuleId);
  if (!entry) throw new Error(`no entry chunk for ${entryModuleId}`);
  const seen = new Map<string, BuiltChunk>();
  const visit = (chunk: BuiltChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of [...chunk.imports, ...chunk.dynamicImports]) {
      const next = byName.get(name);
      if (next) visit(next);
    }
  };
  visit(entry);
  return [...seen.values()];
}

export function gzipSize(code: string): number {
  return gzipSync(code, { level: 9 }).length;
}

export function checkBudget(scripts: ScriptSize[], budgetBytes: number): BudgetVerdict {
  const totalBytes = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  return { ok: totalBytes <= budgetBytes, totalBytes, budgetBytes, scripts };
}

export function describeVerdict(verdict: BudgetVerdict): string {
  const files = verdict.scripts.map((s) => `${s.fileName} ${s.gzipBytes} B`).join(', ');
  return `citizen JavaScript: ${verdict.totalBytes} B gzipped of a ${verdict.budgetBytes} B budget (${files})`;
}

/** Vite plugin: measures the scripts the citizen HTML entry loads and fails the build over the budget. */
export function citizenBudget(options: { entryHtml: string; budgetBytes: number; report?: (line: string) => void }): Plugin {
  return {
    name: 'clean-portal:citizen-budget',
    apply: 'build',
    generateBundle(_output, bundle) {
      const chunks: BuiltChunk[] = Object.values(bundle).flatMap((item) =>
        item.type === 'chunk'
          ? [
              {
                fileName: item.fileName,
                code: item.code,
                isEntry: item.isEntry,
                facadeModuleId: item.facadeModuleId,
                imports: item.imports,
                dynamicImports: item.dynamicImports,
              },
            ]
          : [],
      );
      const scripts = scriptsLoadedBy(chunks, options.entryHtml).map((c) => ({ fileName: c.fileName, gzipBytes: gzipSize(c.code) }));
      const verdict = checkBudget(scripts, options.budgetBytes);
      if (!verdict.ok) this.error(`over budget: ${describeVerdict(verdict)}`);
      (options.report ?? ((line: string) => this.info(line)))(describeVerdict(verdict));
    },
  };
}
