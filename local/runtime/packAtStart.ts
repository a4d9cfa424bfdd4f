// The pack local mode starts: checked as `country:check` checks it; a pack whose only problems are texts starts as
// a preview (core/countryPackPreview.ts), written under the data directory so that the handlers, which read the
// pack from COUNTRY_PACKS_DIR exactly as a deployed function does, load the preview unchanged. Anything else
// refuses, with the first problems listed one per line.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCountryPackSources } from '#adapters/countryPackFiles.js';
import { decidePackStart, describePreview } from '#core/countryPackPreview.js';
import { shortProblemList } from '#core/countryPackProblemText.js';
import { checkCountryPackSources } from '#core/countryPackSourcesCheck.js';
import type { CountryPack } from '#schemas/countryPack.js';

export interface PackAtStart {
  pack: CountryPack;
  /** Where the handlers read the pack: the packs folder, or the preview's. */
  packsDir: string;
  /** The preview notice, or empty for a finished pack. */
  preview: string[];
}

/** The preview is written here, under the data directory, fresh at every start. */
export const previewPacksDir = (dataDir: string) => join(dataDir, 'preview-pack');

function writePreviewPack(packsDir: string, code: string, pack: CountryPack, into: string): void {
  const dir = join(into, code);
  rmSync(into, { recursive: true, force: true });
  mkdirSync(join(dir, 'i18n'), { recursive: true });
  const json = (file: string, data: unknown) => writeFileSync(join(dir, file), `${JSON.stringify(data, null, 2)}\n`);
  json('country.json', pack.country);
  json('organizations.json', pack.organizations);
  json('categories.json', pack.categories);
  json('routing.json', { rules: pack.routing });
  for (const [language, strings] of Object.entries(pack.strings)) json(`i18n/${language}.json`, strings);
  // Pages are the trainer's own, TODO and all.
  cpSync(join(packsDir, code, 'pages'), join(dir, 'pages'), { recursive: true });
}

export class PackRefused extends Error {
  constructor(code: string, lines: string[], count: number) {
    super(`country pack "${code}" is invalid: ${count} problem(s) to fix before it can start:\n${lines.join('\n')}`);
    this.name = 'PackRefused';
  }
}

export function packAtStart(packsDir: string, code: string, dataDir: string): PackAtStart {
  if (!existsSync(join(packsDir, code))) throw new Error(`there is no country pack "${code}" in ${packsDir}`);
  const { sources, problems: read } = readCountryPackSources(packsDir, code);
  const { pack, problems } = checkCountryPackSources(sources, read);
  rmSync(previewPacksDir(dataDir), { recursive: true, force: true });
  if (!pack) throw new PackRefused(code, shortProblemList(code, problems), problems.length);
  const start = decidePackStart(pack, problems);
  if (start.kind === 'refused') throw new PackRefused(code, shortProblemList(code, start.problems), start.problems.length);
  if (start.kind === 'ready') return { pack, packsDir, preview: [] };
  writePreviewPack(packsDir, code, start.pack, previewPacksDir(dataDir));
  return { pack: start.pack, packsDir: previewPacksDir(dataDir), preview: describePreview(code, start) };
}
