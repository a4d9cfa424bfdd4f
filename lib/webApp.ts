// The web app as a deployment asset: `vite build` runs on the synthesizing machine (never in Docker), into the
// asset's output directory, with the same citizen JavaScript budget check as `npm run build:web`. A bundle over
// budget fails the synth, so it can never be deployed.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { PROJECT_ROOT } from './portalFunction.js';

export const WEB_SOURCE = join(PROJECT_ROOT, 'web');

export function buildWebApp(outputDir: string, webDirectory = WEB_SOURCE): void {
  execFileSync(
    process.execPath,
    [
      join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(webDirectory, 'vite.config.ts'),
      '--outDir',
      outputDir,
      '--emptyOutDir',
    ],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

/** The built web app. Its hash is the built files' (it also bundles functions/core and functions/schemas). */
export function webAppSource(webDirectory = WEB_SOURCE): ISource {
  return Source.asset(webDirectory, {
    exclude: ['dist', 'node_modules'],
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the type; local bundling always succeeds, so no image is ever pulled.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:20-slim'),
      local: {
        tryBundle(outputDir: string) {
          buildWebApp(outputDir, webDirectory);
          return true;
        },
      },
    },
  });
}
