// The web app: citizen pages (index.html) and the agency console (agency.html), built to web/dist. No inline
// script or style, so the pages run under the strict Content-Security-Policy local mode and CloudFront send.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { CITIZEN_JS_BUDGET_BYTES, citizenBudget } from './build/citizenBudget.js';

const root = fileURLToPath(new URL('.', import.meta.url));
// Only the budget test lowers it, to prove the build fails.
const budgetBytes = Number(process.env.CITIZEN_JS_BUDGET_BYTES ?? CITIZEN_JS_BUDGET_BYTES);

export default defineConfig({
  root,
  base: '/',
  publicDir: resolve(root, 'public'),
  logLevel: 'warn',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact', legalComments: 'none' },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    // The polyfill is for browsers older than the target; leaving it out saves bytes on every page.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    rollupOptions: {
      // zod marks some code pure in a way Rollup cannot read; the notice is about zod, not this app.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
      input: { citizen: resolve(root, 'index.html'), agency: resolve(root, 'agency.html') },
      // Code both pages use (Preact, zod, the shared components) goes in one chunk named for what it is; a view
      // loaded on demand (the citizen statistics) keeps its own name.
      output: { chunkFileNames: (chunk) => (chunk.isDynamicEntry ? 'assets/[name]-[hash].js' : 'assets/shared-[hash].js') },
    },
  },
  plugins: [citizenBudget({ entryHtml: resolve(root, 'index.html'), budgetBytes, report: (line) => console.log(line) })],
});
