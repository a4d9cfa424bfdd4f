// Every check `npm run country:check` runs, before the synth packs a country or local mode starts one: a pack with
// any problem fails there with its file, JSON path and problem. Functions only re-check its structure at cold start.
import { resolve } from 'node:path';
import { loadCountryPack } from '#adapters/countryPackFiles.js';
import { checkCountryPack, describeProblems } from '#core/countryPackCheck.js';
import { type PackIndex, indexPack } from '#core/countryPackIndex.js';

export function requireCheckedCountryPack(env: { COUNTRY: string; COUNTRY_PACKS_DIR: string }): PackIndex {
  const pack = loadCountryPack(resolve(env.COUNTRY_PACKS_DIR), env.COUNTRY);
  const problems = checkCountryPack(pack);
  if (problems.length > 0) throw new Error(describeProblems(env.COUNTRY, problems));
  return indexPack(pack);
}
