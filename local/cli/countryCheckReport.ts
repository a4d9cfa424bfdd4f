// A pack on disk, checked: what the reader found (a file missing, not valid JSON), every file's schema issues and
// every check the parts that parsed allow, all in one list naming file, place and problem. Used by
// `npm run country:check`, local start and the tests.
import { readCountryPackSources } from '#adapters/countryPackFiles.js';
import type { PackProblem } from '#core/countryPackCheck.js';
import { checkCountryPackSources } from '#core/countryPackSourcesCheck.js';
import type { CountryPack } from '#schemas/countryPack.js';

export interface PackReport {
  /** The pack, when every file was read and met its schema (its problems may still be many). */
  pack: CountryPack | null;
  problems: PackProblem[];
}

export function checkCountryPackDirectory(packsDir: string, code: string): PackReport {
  const { sources, problems } = readCountryPackSources(packsDir, code);
  return checkCountryPackSources(sources, problems);
}
