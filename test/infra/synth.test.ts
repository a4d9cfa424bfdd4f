// `npm run synth` as a fresh clone runs it: no AWS credentials, no network, the real esbuild bundling. Every
// function's bundle must be written, with the country pack inside, and the web app built by vite.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFunction } from '../../bench/functionBundles.js';
import { ROUTES } from '#contract/routes.js';
import { childEnvironment } from '../support/testWorld.js';

const out = mkdtempSync(join(tmpdir(), 'clean-portal-synth-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('cdk synth with bundling', () => {
  it('needs no credentials and writes one ESM bundle per function, each carrying the pack', { timeout: 240_000 }, async () => {
    // Only what a shell without AWS configuration has: no keys, no profile, no region.
    await promisify(execFile)(process.execPath, [resolve('node_modules/aws-cdk/bin/cdk'), 'synth', '--quiet', '--output', out], {
      env: childEnvironment({
        AWS_CONFIG_FILE: '/nonexistent',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
        AWS_EC2_METADATA_DISABLED: 'true',
      }),
      maxBuffer: 64 * 1024 * 1024,
    });
    const template = JSON.parse(readFileSync(join(out, 'CleanPortal-kr-dev.template.json'), 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: { Description?: string }; Metadata?: Record<string, string> }>;
    };
    // The portal's own functions (PortalFunction describes each as "<stack>: <route or job>"), not CDK's helpers.
    const functions = Object.values(template.Resources).filter(
      (r) => r.Type === 'AWS::Lambda::Function' && (r.Properties.Description ?? '').startsWith('CleanPortal-kr-dev: '),
    );
    // Every API route (those needing a user pool included, since the stack now creates one) and the sweep.
    expect(functions.length).toBeGreaterThanOrEqual(ROUTES.length + 1);
    // The web app is built by vite into its own asset: both pages and their hashed scripts, nothing else.
    const webAssets = readdirSync(out).filter((name) => name.startsWith('asset.') && existsSync(join(out, name, 'agency.html')));
    expect(webAssets).toHaveLength(1);
    const web = join(out, webAssets[0]!);
    expect(readdirSync(web).sort()).toEqual(['agency.html', 'assets', 'favicon.svg', 'index.html']);
    expect(readdirSync(join(web, 'assets')).some((f) => /^citizen-.+\.js$/.test(f))).toBe(true);
    expect(readFileSync(join(web, 'index.html'), 'utf8')).toMatch(
      /<script type="module" crossorigin src="\/assets\/citizen-[^"]+\.js"><\/script>/,
    );
    for (const fn of functions) {
      const asset = fn.Metadata?.['aws:asset:path'];
      expect(asset, JSON.stringify(fn.Properties)).toBeDefined();
      const dir = join(out, asset!);
      expect(existsSync(join(dir, 'index.mjs')), dir).toBe(true);
      expect(readdirSync(join(dir, 'countries', 'kr')).sort()).toEqual(
        ['categories.json', 'country.json', 'i18n', 'organizations.json', 'pages', 'routing.json'].sort(),
      );
    }
    // `npm run bench` measures the deployed bundles: built with the same settings, they are byte for byte these.
    const deployed = functions.map((fn) => readFileSync(join(out, fn.Metadata!['aws:asset:path']!, 'index.mjs')));
    for (const handler of ['getConfig', 'trackCase']) {
      const measured = readFileSync((await bundleFunction(handler)).file);
      expect(
        deployed.some((bundle) => bundle.equals(measured)),
        handler,
      ).toBe(true);
    }
  });
});
