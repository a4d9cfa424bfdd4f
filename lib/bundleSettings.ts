// How every function is bundled, as plain values without aws-cdk-lib: PortalFunction hands them to CDK's esbuild
// bundling, and `npm run bench` builds the same bundles (and its SDK-only baselines) with them, so the sizes and
// cold starts it measures are the deployed ones.

/** The esbuild target; matches the Lambda runtime in portalFunction.ts (change them together). */
export const ESBUILD_TARGET = 'node24';

/**
 * ESM bundles have no `require`; a few CommonJS dependencies still call it. This defines it from the module URL,
 * as the Powertools examples do.
 */
export const REQUIRE_SHIM = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export const FUNCTION_BUNDLE = {
  format: 'esm',
  platform: 'node',
  target: ESBUILD_TARGET,
  minify: true,
  /** Off: smaller bundles, faster cold starts, no source shipped. */
  sourceMap: false,
  mainFields: ['module', 'main'],
  banner: REQUIRE_SHIM,
  /** The bundle's file name for ESM output. */
  fileName: 'index.mjs',
  /**
   * Left out of every bundle: nodemailer is local mode's mailer only (functions/adapters/smtpMailer.ts, imported on
   * first use); the deployed notifier sends through SES and never reaches that import.
   */
  external: ['nodemailer'],
} as const;
