// A pack on disk, checked: load errors (a file missing, malformed or off-schema) and the checker's problems,
// all in one list naming file, JSON path and problem. Used by `npm run country:check` and the tests.
import { join } from 'node:path';
import { PackFileError, loadCountryPack } from '#adapters/countryPackFiles.js';
import { type PackProblem, checkCountryPack } from '#core/countryPackCheck.js';
import type { CountryPack } from '#schemas/countryPack.js';

export interface PackReport {
  pack: CountryPack | null;
  problems: PackProblem[];
}

export function checkCountryPackDirectory(packsDir: string, code: string): PackReport {
  try {
    const pack = loadCountryPack(packsDir, code);
    return { pack, problems: checkCountryPack(pack) };
  } catch (error) {
    if (!(error instanceof PackFileError)) throw error;
    // Load errors name the file by its full path; problems name it inside the pack.
    const prefix = `${join(packsDir, code)}/`;
    const file = error.file.startsWith(prefix) ? error.file.slice(prefix.length) : error.file;
    return { pack: null, problems: [{ file, path: error.path || '$', message: error.reason }] };
  }
}
