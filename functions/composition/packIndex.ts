// The country pack, loaded and checked once per cold start. Kept apart from the storage composition so the
// handlers that only read the pack (config, pages) bundle no AWS SDK.
import { resolve } from 'node:path';
import { loadCountryPack } from '#adapters/countryPackFiles.js';
import { checkCountryPackStructure, describeProblems } from '#core/countryPackCheck.js';
import { type PackIndex, indexPack } from '#core/countryPackIndex.js';
import { packEnvironment, parseEnvironment } from '#runtime/config.js';

/**
 * Loads the pack and checks its structure; a pack with a problem stops the function from starting. The synth and
 * local start have already run every check on the same files (requireCheckedCountryPack in checkedPack.ts).
 */
export function loadPackIndex(env: { COUNTRY: string; COUNTRY_PACKS_DIR: string }): PackIndex {
  const pack = loadCountryPack(resolve(env.COUNTRY_PACKS_DIR), env.COUNTRY);
  const problems = checkCountryPackStructure(pack);
  if (problems.length > 0) throw new Error(describeProblems(env.COUNTRY, problems));
  return indexPack(pack);
}

let shared: PackIndex | undefined;

/** The pack alone, for handlers that touch no storage. */
export function packIndex(): PackIndex {
  shared ??= loadPackIndex(parseEnvironment(packEnvironment));
  return shared;
}
