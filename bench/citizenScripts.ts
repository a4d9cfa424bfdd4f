// The citizen pages' JavaScript, gzipped: the web app is built as `npm run build:web` builds it, and every script
// the citizen entry can load (lazy chunks included) is measured the way the build's own budget plugin measures it.
import { resolve } from 'node:path';
import { build } from 'vite';
import { type BuiltChunk, CITIZEN_JS_BUDGET_BYTES, gzipSize, scriptsLoadedBy } from '../web/build/citizenBudget.js';

export interface CitizenScripts {
  gzipBytes: number;
  budgetBytes: number;
  scripts: { fileName: string; gzipBytes: number }[];
}

export async function measureCitizenScripts(): Promise<CitizenScripts> {
  const output = await build({ configFile: resolve('web', 'vite.config.ts'), logLevel: 'silent' });
  const bundles = Array.isArray(output) ? output : [output];
  const chunks: BuiltChunk[] = bundles.flatMap((b) =>
    'output' in b
      ? b.output.flatMap((item) =>
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
        )
      : [],
  );
  const scripts = scriptsLoadedBy(chunks, resolve('web', 'index.html')).map((c) => ({ fileName: c.fileName, gzipBytes: gzipSize(c.code) }));
  return { gzipBytes: scripts.reduce((t, s) => t + s.gzipBytes, 0), budgetBytes: CITIZEN_JS_BUDGET_BYTES, scripts };
}
